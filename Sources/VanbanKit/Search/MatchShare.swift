// The share of a query's matches that hold a term, counted on a random sample of the documents
// (hashed docids, as `total` samples them: MatchTotal.swift). QueryCompiler leaves out a phrase's
// exact boost that nearly every match holds: weighing it reorders little, and costs a weighing of
// every match, which Xapian could otherwise have skipped.

import Xapian

extension Searcher {
  /// Matches a share is counted on: at 90%, a standard error of 1.3%.
  static let shareSampleMatches = 500

  /// For each of `terms`, the share of `context`'s matches that hold it, on a sample of about
  /// `shareSampleMatches` of them (`size` bounds how many documents match); nil when the sample
  /// holds under 100 matches, or cannot run (a remote shard's server does not know the sample).
  func sampledShares(of terms: [String], within context: Query, size: Int) -> [Double]? {
    let modulus = UInt32(max(1, min(size / Self.shareSampleMatches, 1 << 24)))
    guard let unweighted = try? Query(scaling: context, by: 0),
      let all = sampledCount(unweighted, modulus: modulus), all >= 100
    else { return nil }
    var shares: [Double] = []
    for term in terms {
      guard let t = try? Query(term: term), let both = try? Query(.and, [unweighted, t]),
        let n = sampledCount(both, modulus: modulus)
      else { return nil }
      shares.append(Double(n) / Double(all))
    }
    return shares
  }
}
