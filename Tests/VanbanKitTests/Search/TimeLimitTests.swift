// A search's time limit (`SearchRequest.timeLimit`): past it the page's match stops with the best
// of what it read and says so; the total is sampled, and no facets or suggestion are counted.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite(.serialized) struct TimeLimitTests {
  @Test func aSearchPastItsLimitStopsAndSaysSoWithTheTotalSampled() throws {
    let (_, index, counts) = try TotalTests.index.get()
    let searcher = try Searcher(indexes: [index.path])
    for query in counts.keys.sorted() {
      var request = SearchRequest(text: query)
      request.facets = true
      let full = try searcher.search(request)
      request.timeLimit = 1e-9  // passed before the match begins
      let stopped = try searcher.search(request)
      #expect(stopped.timedOut, "\(query)")
      #expect(stopped.hits.isEmpty, "\(query): \(stopped.hits.count) hits")
      #expect(stopped.notes.contains { $0.hasPrefix(Searcher.timedOutNote) }, "\(stopped.notes)")
      #expect(!full.timedOut && !full.notes.contains { $0.hasPrefix(Searcher.timedOutNote) })
      // Sampled, a few hundred matches of 3,000 notes or more: near the whole count, not exact.
      #expect(!stopped.totalExact)
      #expect(abs(Double(stopped.total - full.total)) / Double(full.total) <= 0.3, "\(stopped.total) vs \(full.total)")
      // Facets would read the matches again without a bound.
      #expect(stopped.facets == nil && !stopped.facetsExact && full.facets != nil)
    }
  }

  /// A limit not reached, or 0 (no limit), gives the same answer as none: the same page, and the
  /// same total, exact when it was (the deadline's posting source must not widen Xapian's bounds).
  @Test func aLimitNotReachedChangesNothing() throws {
    let (_, index, counts) = try TotalTests.index.get()
    let searcher = try Searcher(indexes: [index.path])
    for query in counts.keys.sorted() + ["kiểm", "định kỳ", "số 12"] {
      for allCopies in [false, true] {
        var request = SearchRequest(text: query)
        request.allCopies = allCopies
        let full = try searcher.search(request)
        for seconds in [600.0, 0] {
          request.timeLimit = seconds
          let same = try searcher.search(request)
          #expect(!same.timedOut)
          #expect(same.hits.map(\.path) == full.hits.map(\.path), "\(query), \(seconds) s")
          #expect(same.hits.map(\.score) == full.hits.map(\.score))
          #expect(same.total == full.total && same.totalExact == full.totalExact, "\(query), \(seconds) s")
        }
      }
    }
  }

  @Test func aLimitMustBeSecondsOrZero() throws {
    let (_, index, _) = try TotalTests.index.get()
    let searcher = try Searcher(indexes: [index.path])
    for bad in [-1.0, .nan, .infinity] {
      var request = SearchRequest(text: "kiểm tra")
      request.timeLimit = bad
      #expect(throws: VanbanError.self) { try searcher.search(request) }
    }
  }
}
