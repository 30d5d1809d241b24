// MatchSet.swift - one page of results, read eagerly into Swift values so
// indexing it cannot fail.
import CXapian

/// One result: a document id with its rank and weight.
public struct Match: Sendable, Hashable {
  /// The document's id in the database.
  public let docid: UInt32
  /// 0-based rank in the whole result set (page offset included).
  public let rank: Int
  /// Its BM25 weight for the query (0 for boolean queries).
  public let weight: Double
  /// 0...100
  public let percent: Int
}

/// A page of matches from `Enquire.matches`, in rank order.
///
///     for match in page { print(match.docid, match.percent) }
///     let doc = try page.document(at: 0)
public final class MatchSet: RandomAccessCollection {
  let handle: OpaquePointer
  private let matches: [Match]

  /// Xapian's estimate of the total number of matches.
  public let estimatedTotal: Int
  /// At least this many documents match (`get_matches_lower_bound`).
  public let lowerBound: Int
  /// At most this many documents match (`get_matches_upper_bound`).
  public let upperBound: Int
  /// Matching documents seen before collapsing, at least. When it is below the `checkAtLeast`
  /// asked for, the matcher ran out of documents: every match was examined and `lowerBound` is
  /// the exact count, even where collapsing leaves `upperBound` above it.
  public let uncollapsedLowerBound: Int

  init(handle: OpaquePointer) throws {
    self.handle = handle
    let size = cx_mset_size(handle)
    estimatedTotal = Int(cx_mset_get_matches_estimated(handle))
    lowerBound = Int(cx_mset_get_matches_lower_bound(handle))
    upperBound = Int(cx_mset_get_matches_upper_bound(handle))
    uncollapsedLowerBound = Int(cx_mset_get_uncollapsed_matches_lower_bound(handle))
    var matches: [Match] = []
    matches.reserveCapacity(size)
    do {
      for index in 0..<size {
        var match = cx_match()
        try check("reading match \(index)") { cx_mset_get_match(handle, index, &match, $0) }
        matches.append(
          Match(
            docid: match.docid, rank: Int(match.rank),
            weight: match.weight, percent: Int(match.percent)))
      }
    } catch {
      cx_mset_free(handle)
      throw error
    }
    self.matches = matches
  }

  deinit { cx_mset_free(handle) }

  /// The first match's position: 0.
  public var startIndex: Int { 0 }
  /// One past the last match of the page.
  public var endIndex: Int { matches.count }
  /// The match at `position` on the page.
  public subscript(position: Int) -> Match { matches[position] }

  /// The document of the match at `index` (0-based within this page).
  /// - throws: `.range` if out of range; `.databaseError` if the database
  ///   has been closed.
  public func document(at index: Int) throws -> Document {
    guard index >= 0 else { throw XapianError(code: .range, message: "negative index \(index)") }
    var out: OpaquePointer? = nil
    try check("reading the document of match \(index)") { cx_mset_get_document(handle, index, &out, $0) }
    return Document(handle: out!)
  }
}
