// The server's facet table (FacetTable.swift): read in the background after each commit, so
// that every reader counts a page's facets from it instead of reading four values per match.

import Foundation
import VanbanKit

/// The facet table of the latest index state a reader asked for, and the reading of the next.
final class FacetTableKeeper: @unchecked Sendable {
  private let locations: [String]
  private let queue = DispatchQueue(label: "vanban.facet-table", qos: .utility)
  private let lock = NSLock()
  // Guarded by `lock`.
  private var table: FacetTable?
  private var reading = false
  /// The state the last reading started for: a state whose table cannot be read (too many
  /// documents) is not tried again on every request.
  private var tried: String?

  init(locations: [String]) { self.locations = locations }

  /// The state of the table kept, if any (for tests).
  var state: String? { lock.withLock { table?.state } }

  /// Hands `searcher` the table kept (it uses it only at the table's state), and starts reading
  /// the table of the searcher's state when there is none and none is being read. One reading
  /// at a time, on a thread of its own with a database of its own: Xapian handles are not shared.
  func equip(_ searcher: Searcher) {
    let state = searcher.stateKey()
    let start: Bool = lock.withLock {
      searcher.facetTable = table
      guard let state, table?.state != state, !reading, tried != state else { return false }
      reading = true
      tried = state
      return true
    }
    guard start else { return }
    queue.async { [self] in
      // A failure (the index swapped under the reading) keeps the last table; the next commit's
      // first request tries again.
      let read = try? Searcher(indexes: locations).makeFacetTable()
      lock.withLock {
        if let read { table = read }
        reading = false
      }
    }
  }
}
