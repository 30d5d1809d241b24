// The one Searcher of a server, used by one request at a time: Xapian handles are not safe to
// share between threads (Package.swift), and the work is blocking, so it runs on a serial
// dispatch queue rather than on the Swift concurrency pool, whose few threads it would block.

import Dispatch
import Foundation
import VanbanKit

/// A read-only index set that requests share. Before each request it reopens at the latest commit,
/// and opens the index afresh when a rebuild or compaction has swapped its manifest.
public final class IndexService: @unchecked Sendable {
  public let locations: [String]
  private let queue = DispatchQueue(label: "vanban.index")
  // Only touched on `queue`.
  private var searcher: Searcher
  private var stamps: [ManifestStamp?]

  /// Opens the indexes now, so that a wrong `--index` fails at start rather than on a request.
  public init(locations: [String]) throws {
    self.locations = locations
    stamps = locations.map(ManifestStamp.init(location:))
    searcher = try Searcher(indexes: locations)
  }

  /// Runs `body` with the searcher, at the index's latest commit, on the index queue.
  public func run<T>(_ body: @escaping (Searcher) throws -> T) async throws -> T {
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
    return searcher
  }
}
