// How many documents match: exact up to 1,000, an estimate labelled "about" above.
//
// The page's pass stops once no further document can reach the page, so its count is a lower
// bound and Xapian's estimate fills in the rest. That estimate multiplies the words' frequencies
// as if they were independent; the syllables of a Vietnamese word are not, so it said "about
// 200" where 313 documents matched, and 10,000 where 34,622 hold "trang thiết". So:
//   1. a total Xapian puts under 2,000 is counted, up to 1,000, in a pass without weights,
//      sorting or a page (after a sample says it may be that small, where Xapian's bounds are
//      far apart);
//   2. a bigger one is estimated by counting the query on a random sample of the documents
//      (hashed docids, `Query(docidSample:)`) and scaling up: 667 to 1,000 sampled matches put
//      the estimate within 10% (a standard error of 3 to 4%).
// Each pass is bounded: the count by the 1,000 it counts, the sample by its size.

import Xapian

extension Searcher {
  /// Totals up to this many are exact.
  static let exactTotalUpTo = 1_000
  /// Matches a sample aims to hold.
  static let sampleMatches = 1_000
  /// Documents a refined sample may visit.
  static let maxSampleVisits = 6_000

  /// The total for `query`, given the page's `MatchSet` (`offset`, `limit`, made with `checked`
  /// as check-at-least, sorted by value or not), and whether it is exact. `pageStopped`: the
  /// page's match ran out of time (`MatchDeadline`), so its bounds say only what it read, and the
  /// total is sampled as if nothing were known.
  func total(
    _ query: Query, page: MatchSet, offset: Int, limit: Int, checked: Int, byValue: Bool, collapse: Bool,
    pageStopped: Bool = false
  ) -> (Int, Bool) {
    if pageStopped { return stoppedPageTotal(query, lowerBound: page.lowerBound) }
    if page.lowerBound == page.upperBound { return (page.lowerBound, true) }
    // A page that is not full holds the last match.
    if page.count < limit, page.count > 0 || offset == 0 { return (offset + page.count, true) }
    // Sorted by value, Xapian examines every match (no weight lets it skip one): a lower bound
    // under `checked` means it ran out of them, even where collapsing leaves the upper bound above.
    if byValue, page.uncollapsedLowerBound < checked { return (page.lowerBound, true) }
    guard let unweighted = try? Query(scaling: query, by: 0) else { return (page.estimatedTotal, false) }
    var lower = page.lowerBound
    var upper = max(page.upperBound, lower)
    // Xapian's estimate decides when its bounds are close and small; otherwise (a date range over
    // the whole index, `a NOT b`) a sample does, before anything is counted: 10,000 matches cost
    // more to count up to 1,000 than to sample.
    let xapianSmall = page.estimatedTotal <= 2 * Self.exactTotalUpTo
    let sampled = xapianSmall && upper <= 10 * Self.exactTotalUpTo ? nil : sampledTotal(unweighted, upper: upper)
    let mayBeSmall = sampled.map { $0 <= 3 * Self.exactTotalUpTo / 2 } ?? xapianSmall
    if checked <= Self.exactTotalUpTo, mayBeSmall, let counted = countUpToExact(unweighted, collapse: collapse) {
      if counted.count <= Self.exactTotalUpTo { return (counted.count, true) }
      lower = max(lower, counted.count)
      upper = max(upper, lower)
    }
    guard let estimate = sampled ?? sampledTotal(unweighted, upper: upper) else {
      return (max(page.estimatedTotal, lower), false)
    }
    return (min(max(estimate, lower), upper), false)
  }

  /// The total when the page's match stopped at its deadline: sampled over the whole index, never
  /// under the `lowerBound` matches it read. Not counted: a query slow for each document it tries
  /// (a NEAR of many words) would take as long again to count, where the sample tries a few
  /// thousand documents at most. An estimate, even when the sample finds none.
  func stoppedPageTotal(_ query: Query, lowerBound: Int) -> (Int, Bool) {
    guard let unweighted = try? Query(scaling: query, by: 0) else { return (lowerBound, false) }
    let upper = (try? db.documentCount()) ?? Int(UInt32.max)
    let estimate = sampledTotal(unweighted, upper: upper) ?? lowerBound
    return (min(max(estimate, lowerBound), max(upper, lowerBound)), false)
  }

  /// Up to 1,001 matches of `unweighted` as a page of their own, unsorted: fewer than that is the
  /// count, read from the page itself. (Xapian's bounds for `a NOT b` stay apart even when it has
  /// seen every match, so they cannot tell.) Nil if the pass fails.
  func countUpToExact(_ unweighted: Query, collapse: Bool) -> MatchSet? {
    guard let counting = try? Enquire(database: db), (try? counting.setQuery(unweighted)) != nil,
      (try? counting.setDocumentIDOrder(.ascending)) != nil,
      !collapse || (try? counting.setCollapseKey(IndexSchema.Slot.copyKey.rawValue)) != nil
    else { return nil }
    return try? counting.matches(offset: 0, limit: Self.exactTotalUpTo + 1, checkAtLeast: Self.exactTotalUpTo + 1)
  }

  /// The matches of `unweighted` counted on a random 1/m of the documents, times m. The sample is
  /// sized from the upper bound first, so it is never larger than `sampleMatches` matches; when
  /// that finds too few to be precise, once more at the size the first count suggests, within
  /// `maxSampleVisits` documents. The sample
  /// counts files, copies included: a sample cannot tell how many copies each match has elsewhere.
  /// Nil where a sample cannot run (a remote shard's server does not know the sample).
  func sampledTotal(_ unweighted: Query, upper: Int) -> Int? {
    func count(modulus: Int) -> Int? { sampledCount(unweighted, modulus: UInt32(modulus)) }
    var modulus = max(2, min(upper / Self.sampleMatches, 1 << 24))
    guard var found = count(modulus: modulus) else { return nil }
    if found < Self.sampleMatches * 2 / 3, modulus > 2 {  // under 667: a standard error over 4%
      // Each sampled document is visited whether it matches or not (a date range has no index
      // of its own): at most `maxSampleVisits` of them, about 4 ms.
      let refined = max(2, found * modulus / Self.sampleMatches, upper / Self.maxSampleVisits)
      if refined < modulus, let again = count(modulus: refined) {
        (modulus, found) = (refined, again)
      }
    }
    return found * modulus
  }

  /// The matches of `unweighted` among the documents of a random 1/`modulus` of them (hashed
  /// docids); nil where a sample cannot run (a remote shard's server does not know it).
  func sampledCount(_ unweighted: Query, modulus: UInt32) -> Int? {
    guard let sample = try? Query(docidSample: modulus), let q = try? Self.query(unweighted, within: sample),
      let enquire = try? Enquire(database: db), (try? enquire.setQuery(q)) != nil,
      let m = try? enquire.matches(offset: 0, limit: 0, checkAtLeast: Int(UInt32.max))
    else { return nil }
    return m.lowerBound
  }

  /// `unweighted`'s matches among those of `sample`, with no weights: the sample first, filtered
  /// by the query's matching part (`Query(matchingPartOf:)`). Xapian merges the two into one AND,
  /// so a phrase's positions are read only for the sampled documents; filtering the whole query
  /// by the sample read them for every document it tried, and phrase p50 fell by a fifth without
  /// that (gen-100k). The same documents match either way.
  static func query(_ unweighted: Query, within sample: Query) throws -> Query {
    try Query(.filter, [sample, (try? Query(matchingPartOf: unweighted)) ?? unweighted])
  }
}
