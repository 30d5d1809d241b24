// MatchDeadline.swift - a time by which a match ends, with what it has found.
import CXapian

/// A time by which the matches filtered by it end: a bound on one search's time, as Solr's
/// `timeAllowed` and Elasticsearch's `timeout` bound theirs. A match past it stops and returns
/// the best of the documents it read; its counts are then low.
///
///     let deadline = try MatchDeadline(seconds: 5)
///     try enquire.setQuery(Query(.filter, [query, Query(until: deadline)]))
///     let page = try enquire.matches(offset: 0, limit: 10)
///     if deadline.stoppedAMatch { /* the page is partial */ }
///
/// Xapian 1.4's `Enquire::set_time_limit` only stops counting matches past the page, not the
/// match itself. The clock is read once every 256 documents a match tries. One deadline may be
/// shared by the queries of several enquires, on several threads.
public final class MatchDeadline: @unchecked Sendable {
  let handle: OpaquePointer

  deinit { cx_deadline_free(handle) }

  /// - parameter seconds: from now.
  /// - throws: `.invalidArgument` if `seconds` is negative or not finite.
  public init(seconds: Double) throws {
    var out: OpaquePointer? = nil
    try check("making a deadline") { cx_deadline_new(seconds, &out, $0) }
    handle = out!
  }

  /// Whether a match has ended early because this deadline had passed.
  public var stoppedAMatch: Bool { cx_deadline_stopped_a_match(handle) }
}

extension Query {
  /// Matches every document, with no weight, until `deadline` passes, and then ends: a query
  /// filtered by it (`Query(.filter, [q, Query(until: d)])`) stops matching there. Local
  /// databases only, like `init(docidSample:)`.
  public convenience init(until deadline: MatchDeadline) throws {
    var out: OpaquePointer? = nil
    try check("making a deadline query") { cx_query_new_until(deadline.handle, &out, $0) }
    self.init(handle: out!)
  }
}
