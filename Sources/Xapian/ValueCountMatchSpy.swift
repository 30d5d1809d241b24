// ValueCountMatchSpy.swift - facet counts of a value slot over all matches.
import CXapian

/// Counts how often each value of a slot occurs among the matches.
///
///     let agencies = ValueCountMatchSpy(slot: 3)
///     try enquire.add(agencies)
///     _ = try enquire.matches(offset: 0, limit: 10, checkAtLeast: db.documentCount())
///     let top = try agencies.topValues(10)
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1ValueCountMatchSpy.html
public final class ValueCountMatchSpy {
  let handle: OpaquePointer

  deinit { cx_matchspy_free(handle) }

  /// Traps only if memory runs out.
  public init(slot: UInt32) {
    var out: OpaquePointer? = nil
    mustSucceed("creating a match spy") { cx_matchspy_new_value_count(slot, &out, $0) }
    handle = out!
  }

  /// Number of documents the spy has seen.
  public func total() throws -> Int {
    var total: UInt32 = 0
    try check("reading the match spy total") { cx_matchspy_get_total(handle, &total, $0) }
    return Int(total)
  }

  /// The `n` most frequent values, most frequent first.
  public func topValues(_ n: Int) throws -> [(value: String, count: Int)] {
    guard n >= 0 else { throw XapianError.invalidArgument("negative count \(n)") }
    var out: OpaquePointer? = nil
    try check("reading top values") { cx_matchspy_top_values(handle, n, &out, $0) }
    return try TermIterator(out!).collect("reading top values", second: cx_term_iterator_termfreq)
      .map { (value: $0.0, count: $0.1) }
  }
}
