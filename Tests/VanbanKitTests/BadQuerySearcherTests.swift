// Issue F, bad queries through the Searcher API (what argv cannot carry: NUL), and a seeded random
// query run: thousands of generated queries over the seed index, each answered or refused with a
// domain error, never a trap. The libFuzzer target in Fuzz/ explores the same path without a seed;
// this is its deterministic, CI-sized counterpart.

import Foundation
import Testing

@testable import VanbanKit

// SeededRandom (SplitMix64) comes from VanbanTestSupport.

/// An index of the seeds in a temporary directory, built once through the Indexer.
enum SeedIndex {
  static let path: String = {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-badquery-\(UUID().uuidString)").path
    _ = try! Indexer(indexPath: dir).run(IndexOptions(roots: [repo.appendingPathComponent("corpus").path]))
    return dir
  }()
}

@Suite(.serialized) struct BadQuerySearcherTests {
  /// Searches; a throw must be a VanbanError (or the query language's own syntax error), never a trap.
  @discardableResult
  func answer(_ searcher: Searcher, _ request: SearchRequest) -> SearchResult? {
    do {
      return try searcher.search(request)
    } catch is VanbanError {
    } catch is QuerySyntaxError {
    } catch {
      Issue.record("\(request.text.debugDescription): unexpected \(type(of: error)): \(error)")
    }
    return nil
  }

  @Test func nulAndControlCharactersInQueries() throws {
    let searcher = try Searcher(indexes: [SeedIndex.path])
    let queries = [
      "\0", "viet\0a", "\0\0\0", "\"Việt\0Á\"", "agency:\0", "ref:16/CT\0-TTg", "tiem\0*", "(\0)", "Việt Á\0",
      "date:2022\0..2023", "\0 OR \0", "-\0", String(repeating: "\0", count: 10_000), "\u{1}\u{2}\u{3}\u{1b}\u{7f}",
    ]
    for q in queries {
      for any in [false, true] {
        var request = SearchRequest(text: q)
        request.any = any
        let t0 = Date()
        answer(searcher, request)
        #expect(Date().timeIntervalSince(t0) < 5)
      }
    }
    // NUL inside a word does not match the word without it, nor crash the highlighter.
    let plain = try #require(answer(searcher, SearchRequest(text: "Việt Á")))
    #expect(plain.total > 0)
    var filters = SearchRequest(text: "")
    filters.filters.agency = ["Sở\0Y tế"]
    filters.filters.reference = ["16/CT-TTg\0"]
    filters.filters.company = ["\0"]
    answer(searcher, filters)
  }

  @Test func pagingExtremesThroughTheAPI() throws {
    let searcher = try Searcher(indexes: [SeedIndex.path])
    for (limit, offset) in [(-1, -1), (Int.max, 0), (0, Int.max), (Int.max, Int.max), (Int.min, Int.min), (100_000, 5)]
    {
      var r = SearchRequest(text: "Việt Á")
      r.limit = limit
      r.offset = offset
      let result = answer(searcher, r)
      #expect(result.map { $0.hits.count <= 5 } ?? true)
    }
  }

  /// A thousand seeded random queries from words, operators, fields, wildcards and junk. A fixed
  /// count, not a time budget: the same queries on every machine. VANBAN_TEST_SEED=N tries another seed.
  @Test func seededRandomQueries() throws {
    let searcher = try Searcher(indexes: [SeedIndex.path])
    var rng = SeededRandom(environmentOr: 2024)
    let words = [
      "việt", "á", "viet", "a", "ủy", "ban", "tiêm", "chủng", "Đắk", "Lắk", "16/CT-TTg", "covid-19", "sở", "y", "tế",
      "hoà", "hòa", "xyz",
    ]
    let ops = [
      "AND", "OR", "NOT", "NEAR", "(", ")", "\"", "-", "+", "*", ":", "..", "/", "\\", "'", "\0", "\u{FFFD}", "\u{301}",
      "\t", "\n",
    ]
    let fields = [
      "agency:", "to:", "ref:", "type:", "province:", "signer:", "company:", "year:", "date:", "format:", "number:",
      "bogus:",
    ]
    var runs = 0, answered = 0
    for _ in 0..<1_000 {  // CI-sized: about 8 s of CPU in a debug build
      var q = ""
      for _ in 0..<(1 + rng.below(12)) {
        switch rng.below(10) {
        case 0...4: q += rng.pick(words)
        case 5...6: q += rng.pick(ops)
        case 7: q += rng.pick(fields) + rng.pick(words + ["2022", "2022-01..2022-06", "\"Sở Y tế\"", ""])
        case 8: q += rng.pick(words) + "*"
        default:
          q += String(decoding: (0..<rng.below(6)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, as: UTF8.self)
        }
        if rng.below(3) > 0 { q += " " }
      }
      var request = SearchRequest(text: q)
      request.any = rng.below(2) == 0
      request.exact = rng.below(4) == 0
      request.sort = rng.pick(ResultOrder.allCases)
      request.facets = rng.below(4) == 0
      request.limit = rng.below(8)
      request.offset = rng.below(3)
      if answer(searcher, request) != nil { answered += 1 }
      runs += 1
    }
    print(
      "seededRandomQueries (seed \(rng.seed); replay with VANBAN_TEST_SEED=\(rng.seed)): \(runs) queries, "
        + "\(answered) answered, \(runs - answered) refused with a message")
  }
}
