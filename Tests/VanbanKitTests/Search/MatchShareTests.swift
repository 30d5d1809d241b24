// The share of a context's matches that hold a term (MatchShare.swift), on a real index, and what
// QueryCompiler does with it: a phrase's exact boost that nearly all its matches hold goes.
import Foundation
import Testing
import VanbanTestSupport
import Xapian

@testable import VanbanKit

@Suite struct MatchShareTests {
  /// 480 files with «chỉ huy quân sự», 120 with «chỉ huy quần áo»: among the documents with the
  /// pair `huy quan`, 80% have `quân`, 20% `quần`.
  @Test func sharesAreCountedOnTheContextsMatches() throws {
    let docs = try TemporaryDirectory()
    for i in 0..<600 {
      let text = i % 5 == 0 ? "Ban chỉ huy quần áo số \(i)." : "Ban chỉ huy quân sự số \(i)."
      try text.write(to: docs.appending("cv-\(i).txt"), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])
    let context = try Query(term: IndexSchema.bigram + "huy quan")
    let terms = [IndexSchema.exact + "quân", IndexSchema.exact + "quần"]
    // Bounded by 600 documents: every one is counted.
    #expect(searcher.sampledShares(of: terms, within: context, size: 600) == [0.8, 0.2])
    // Bounded by 1,500: a third of them are, and the shares come out close.
    let sampled = try #require(searcher.sampledShares(of: terms, within: context, size: 1_500))
    #expect(abs(sampled[0] - 0.8) < 0.1 && abs(sampled[1] - 0.2) < 0.1, "\(sampled)")
    // Under 100 matches in the sample, nothing is told.
    let rare = try Query(term: IndexSchema.bigram + "so 5")
    #expect(searcher.sampledShares(of: [IndexSchema.exact + "số"], within: rare, size: 600) == nil)
  }
}
