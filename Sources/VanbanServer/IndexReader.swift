// One Searcher and the serial queue it is used on: Xapian handles are not safe to share between
// threads (Package.swift), and the work blocks, so it runs on a dispatch queue rather than on the
// Swift concurrency pool, whose few threads it would block.

import Dispatch
import VanbanKit

/// A reader of the index set, used by one request at a time. Before each request it reopens at
/// the latest commit, and opens the index afresh when a rebuild or compaction swapped its manifest.
final class IndexReader: @unchecked Sendable {
  let locations: [String]
  private let queue: DispatchQueue
  // Only touched on `queue`.
  private var searcher: Searcher
  private var stamps: [ManifestStamp?]
  private let facetTables: FacetTableKeeper

  init(locations: [String], number: Int, facetTables: FacetTableKeeper) throws {
    self.locations = locations
    self.facetTables = facetTables
    queue = DispatchQueue(label: "vanban.reader.\(number)")
    stamps = locations.map(ManifestStamp.init(location:))
    searcher = try Searcher(indexes: locations)
  }

  /// Runs `body` with the searcher, at the index's latest commit, on this reader's queue.
  func run<T: Sendable>(_ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, Error>) in
      queue.async {
        c.resume(with: Result { try body(try self.current()) })
      }
    }
  }

  /// The searcher at the latest commit. Must run on `queue`.
  private func current() throws -> Searcher {
    let now = locations.map(ManifestStamp.init(location:))
    if now != stamps {
      // A new generation of shards (rebuild, compaction): the open ones may be deleted already.
      searcher = try Searcher(indexes: locations)
      stamps = now
    } else {
      try searcher.reopen()
    }
    facetTables.equip(searcher)
    return searcher
  }
}
