// Issue K: facets are exact up to 10,000 matching files and estimated from a random sample above,
// labelled `facetsExact: false`. Here on a generated corpus, with the bound lowered so a few
// hundred files take the sampling path: estimates near the exact counts, scaled to the total.

import Foundation
import Testing

@testable import VanbanKit

@Suite struct FacetSampleTests {
  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func facetsAboveTheBoundAreSampledAndSaidToBe() throws {
    let w = try GeneratedWorkspace.shared(docs: FilterAccuracyTests.docs, seed: 1, nfd: 0)
    let searcher = try Searcher(indexes: [w.index.path])
    // Most generated dispatches have "ủy ban" (the issuer or the recipients).
    var request = SearchRequest(text: "ủy ban")
    request.facets = true
    request.allCopies = true
    let exact = try searcher.search(request)
    let exactFacets = try #require(exact.facets)
    #expect(exact.facetsExact)
    #expect(exact.total > w.truth.count / 2, "\(exact.total) of \(w.truth.count)")
    #expect(exactFacets.type.map(\.count).reduce(0, +) == exact.total, "each file counted once by type")

    searcher.facetSampling = FacetSampling(exactUpTo: 100, sampleMatches: exact.total / 2, run: 4)
    let sampled = try searcher.search(request)
    let sampledFacets = try #require(sampled.facets)
    #expect(!sampled.facetsExact)
    #expect(sampled.total == exact.total)
    // Every dispatch has a type, so the scaled counts add up to the total, give or take rounding.
    let sum = sampledFacets.type.map(\.count).reduce(0, +)
    #expect(abs(sum - exact.total) <= sampledFacets.type.count, "\(sum) against \(exact.total)")
    // The leading values are near their exact counts: half the files sampled, in runs of 4 (about
    // 35 runs, so a value's share is known to a few points of the total, not much better).
    for (name, exactCounts, sampledCounts) in [
      ("type", exactFacets.type, sampledFacets.type), ("year", exactFacets.year, sampledFacets.year),
    ] {
      let estimates = Dictionary(uniqueKeysWithValues: sampledCounts.map { ($0.value, $0.count) })
      for (i, c) in exactCounts.prefix(2).enumerated() {
        let error = Double(abs((estimates[c.value] ?? 0) - c.count))
        let message: Comment = "\(name) \(c.value): about \(estimates[c.value] ?? 0), exactly \(c.count)"
        #expect(error <= 0.1 * Double(exact.total), message)
        if i == 0 { #expect(error <= 0.25 * Double(c.count), message) }
      }
    }
    // JSON says which it was.
    var options = PrintOptions()
    options.format = .json
    let json = try HitPrinter.render(sampled, options)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["facetsExact"] as? Bool == false)
  }
}
