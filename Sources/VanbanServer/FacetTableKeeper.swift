// The server's facet table (FacetTable.swift): read in the background after each commit (from the
// file the writer left, FacetTableFile.swift, when it is of that commit), so that every reader
// counts a page's facets from it instead of reading four values per match.

import Foundation
import Logging
import VanbanKit

/// The facet table of the latest index state a reader asked for, and the reading of the next.
final class FacetTableKeeper: @unchecked Sendable {
  /// How long a state whose reading failed waits before it is tried again.
  static let retryAfter: TimeInterval = 30
  private let locations: [String]
  private let queue = DispatchQueue(label: "vanban.facet-table", qos: .utility)
  private let logger: Logger
  private let lock = NSLock()
  // Guarded by `lock`.
  private var table: FacetTable?
  private var reading = false
  /// The state the last reading started for, and when it failed, if it did: a state read already
  /// (or too big to read) is not read again, one that failed is after `retryAfter`.
  private var tried: (state: String, failedAt: Date?)?

  init(locations: [String]) {
    self.locations = locations
    var logger = Logger(label: "vanban")
    logger.logLevel = .warning
    self.logger = logger
  }

  /// The table kept, if any.
  var kept: FacetTable? { lock.withLock { table } }

  /// Keeps `table` for the readers at its state, in place of the one kept.
  func keep(_ table: FacetTable) { lock.withLock { self.table = table } }

  /// Hands `searcher` the table kept when it is at the table's state (only then: a reader left
  /// idle would otherwise hold an old table's memory), and starts reading the table of the
  /// searcher's state when there is none and none is being read. One reading at a time, on a
  /// thread of its own with a database of its own: Xapian handles are not shared. So at most two
  /// tables are held: the one kept, and the one being read.
  func equip(_ searcher: Searcher) {
    let state = searcher.stateKey()
    searcher.readsFacetTableFile = false
    let start: Bool = lock.withLock {
      searcher.facetTable = state != nil && table?.state == state ? table : nil
      guard let state, table?.state != state, !reading else { return false }
      if let tried, tried.state == state {
        guard let failed = tried.failedAt, Date().timeIntervalSince(failed) >= Self.retryAfter else { return false }
      }
      reading = true
      tried = (state, nil)
      return true
    }
    guard start else { return }
    queue.async { [self] in
      do {
        // nil: too many documents, or a remote shard; counted by the spies.
        // The index folder's table file when it is of this state (written with the commit), a
        // read of a few megabytes; else the table read from the values, a pass over each slot.
        let reader = try Searcher(indexes: locations)
        if let read = try reader.readFacetTableFile() ?? (try reader.makeFacetTable()) { keep(read) }
        lock.withLock { reading = false }
      } catch {
        // Facets are still counted, by the spies; the table is read again after a while.
        logger.warning("reading the facet table: \(error)")
        lock.withLock {
          reading = false
          tried?.failedAt = Date()
        }
      }
    }
  }
}
