// `/api/stats` reads every document (a facet count over all of them: 80 ms at 100,000 documents,
// about a second at a million), and every page's footer links it. Its answer changes only with a
// commit, so each index state's answer is worked out once and kept until the next commit.

import Foundation
import VanbanKit

/// The stats of one index state (`Searcher.stateKey`), for each `top` asked.
final class StatsCache: @unchecked Sendable {
  /// Different `top` values kept for one state; past it the cache starts over, so a client
  /// asking for every `top` from 1 to 1,000 cannot pile up a thousand answers.
  static let maxEntries = 8
  private let lock = NSLock()
  // Guarded by `lock`.
  private var state = ""
  private var byTop: [Int: IndexStats] = [:]

  /// The stats kept for `top` at `state`, if any.
  func value(state: String, top: Int) -> IndexStats? {
    lock.withLock { state == self.state ? byTop[top] : nil }
  }

  /// Keeps `stats` for `top` at `state`, dropping what older states had.
  func store(_ stats: IndexStats, state: String, top: Int) {
    lock.withLock {
      if state != self.state || (byTop[top] == nil && byTop.count >= Self.maxEntries) {
        self.state = state
        byTop = [:]
      }
      byTop[top] = stats
    }
  }
}
