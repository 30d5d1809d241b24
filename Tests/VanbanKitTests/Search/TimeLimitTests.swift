// A search's time limit (`SearchRequest.timeLimit`): past it the page's match stops with the best
// of what it read, says so, and the total is still counted or sampled in full.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite(.serialized) struct TimeLimitTests {
  @Test func aSearchPastItsLimitStopsAndSaysSoWithTheTotalStillRight() throws {
    let (_, index, counts) = try TotalTests.index.get()
    let searcher = try Searcher(indexes: [index.path])
    for query in counts.keys.sorted() {
      let full = try searcher.search(SearchRequest(text: query))
      var request = SearchRequest(text: query)
      request.timeLimit = 1e-9  // passed before the match begins
      let stopped = try searcher.search(request)
      #expect(stopped.timedOut, "\(query)")
      #expect(stopped.hits.isEmpty, "\(query): \(stopped.hits.count) hits")
      #expect(stopped.notes.contains { $0.hasPrefix(Searcher.timedOutNote) }, "\(stopped.notes)")
      #expect(!full.timedOut && !full.notes.contains { $0.hasPrefix(Searcher.timedOutNote) })
      if full.totalExact {
        #expect(stopped.totalExact && stopped.total == full.total, "\(query): \(stopped.total) vs \(full.total)")
      } else {
        // Both sampled: within the sample's error of each other.
        #expect(abs(Double(stopped.total - full.total)) / Double(full.total) <= 0.2, "\(query)")
      }
      // A limit not reached, or 0 (no limit), gives the same page as none.
      for seconds in [600.0, 0] {
        request.timeLimit = seconds
        let same = try searcher.search(request)
        #expect(!same.timedOut)
        #expect(same.hits.map(\.path) == full.hits.map(\.path), "\(query), \(seconds) s")
        #expect(same.total == full.total)
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
