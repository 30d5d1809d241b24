// StatsCache keeps one index state's `/api/stats` answers, a few `top` values of it.
import Testing

@testable import VanbanKit
@testable import VanbanServer

@Suite struct StatsCacheTests {
  static func stats(_ documents: Int) -> IndexStats {
    IndexStats(documents: documents, mostCited: [], facets: Facets())
  }

  @Test func keepsOneStateAndAFewTops() {
    let cache = StatsCache()
    #expect(cache.value(state: "a@1", top: 20) == nil)
    cache.store(Self.stats(5), state: "a@1", top: 20)
    #expect(cache.value(state: "a@1", top: 20) == Self.stats(5))
    #expect(cache.value(state: "a@1", top: 10) == nil)
    // A commit: the older state's answers are gone.
    cache.store(Self.stats(6), state: "a@2", top: 10)
    #expect(cache.value(state: "a@1", top: 20) == nil)
    #expect(cache.value(state: "a@2", top: 10) == Self.stats(6))
    // Past `maxEntries` tops, it starts over rather than growing.
    for top in 1...StatsCache.maxEntries { cache.store(Self.stats(top), state: "a@2", top: 100 + top) }
    #expect(cache.value(state: "a@2", top: 10) == nil)
    #expect(cache.value(state: "a@2", top: 100 + StatsCache.maxEntries) == Self.stats(StatsCache.maxEntries))
  }
}
