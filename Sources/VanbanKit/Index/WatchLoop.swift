// Keeps an index current with its folders: one whole run, then inotify events gathered into
// batches. A batch is a set of paths, walked and synced by the same code as a whole run
// (IndexSession) and committed at once, so a burst of 2,000 copies is a few commits, not 2,000.
//
// The write lock is held from the first run to the end, so a second writer is refused all along.

import Foundation
import Xapian

#if canImport(Glibc)
  import Glibc
#endif

/// How a watch gathers events into batches and rescans.
public struct WatchOptions: Sendable {
  /// A batch is written after this much quiet...
  public var quiet: TimeInterval = 0.3
  /// ...or this long after its first event, whichever comes first (a steady trickle is not held back).
  public var maxDelay: TimeInterval = 1.0
  /// Rescan every folder this often when the kernel's watch limit is reached.
  public var rescanInterval: TimeInterval = 300
  /// Paths waiting for a batch past which the batch becomes a rescan (memory stays bounded).
  public var maxPending = 10_000
  /// A batch's commit is followed by the facet table of the new state (FacetTableFile.swift) up to
  /// this many documents: 30–40 ms at 100,000, about 0.45 s at a million, too long to add to each
  /// batch past that. Above it a watched index's facets are counted by the spies after its first
  /// batch.
  public var facetTableDocuments = 1_000_000
  /// For tests: behave as if the kernel allowed only this many watches.
  public var watchLimitForTests: Int? = nil
  public init() {}
}

/// What one batch of a watch did, for a progress line.
public struct WatchBatch: Sendable, Equatable {
  public var added = 0, updated = 0, removed = 0, skipped = 0
  /// The batch was a rescan of every folder (lost events, or no watches).
  public var rescan = false
  public var time = Date()
}

/// What a watch tells its caller, besides what `IndexObserver` hears from each pass.
public protocol WatchObserver: IndexObserver {
  /// The first run is done and committed; the watch starts.
  func watching(_ summary: IndexSummary, folders: Int)
  /// A batch was committed.
  func committed(_ batch: WatchBatch)
}

/// A watch of an index's roots (`vanban index --watch`): call `run`, and `stop()` from any thread
/// (a signal handler's queue) to end it after the current batch is committed.
public final class WatchLoop: @unchecked Sendable {
  public let indexPath: String
  private let wake: (read: Int32, write: Int32)

  /// - throws: `VanbanError.io` when no pipe can be made.
  public init(indexPath: String) throws {
    self.indexPath = indexPath
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw VanbanError.io("cannot watch: \(String(cString: strerror(errno)))") }
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
    }
    wake = (fds[0], fds[1])
  }

  deinit {
    close(wake.read)
    close(wake.write)
  }

  /// Ends `run` after the batch in progress; safe from any thread.
  public func stop() {
    var byte: UInt8 = 1
    _ = write(wake.write, &byte, 1)
  }

  /// Indexes `options.roots` once, then keeps the index current until `stop()`. Returns the
  /// totals of everything done.
  /// - throws: what `Indexer.run` throws; Xapian errors while writing a batch.
  public func run(
    _ options: IndexOptions, watch: WatchOptions = WatchOptions(), observer: WatchObserver
  ) throws
    -> IndexSummary
  {
    do {
      return try watchRoots(options, watch: watch, observer: observer)
    } catch let e as XapianError {
      throw VanbanError.from(e, index: indexPath)
    }
  }

  private func watchRoots(
    _ options: IndexOptions, watch: WatchOptions, observer: WatchObserver
  ) throws
    -> IndexSummary
  {
    let roots = options.roots.map(FileWalker.absolute)
    let watcher = try FolderWatcher(roots: roots, limitForTests: watch.watchLimitForTests)
    var limitReached = false
    func addWatch(_ folder: String) {
      guard !limitReached else { return }
      if watcher.add(folder) == .limitReached {
        limitReached = true
        let minutes = watch.rescanInterval / 60
        observer.note(
          "the kernel's limit on watched folders is reached (fs.inotify.max_user_watches, \(watcher.count) "
            + "watched): looking for changes by a rescan every "
            + (minutes >= 1 && minutes == minutes.rounded() ? "\(Int(minutes)) min" : "\(Int(watch.rescanInterval)) s")
            + " instead; raise the limit with sysctl to watch every folder")
      }
    }
    // A file given as a root is watched through its folder; the folder's other files are outside
    // the roots, so their events find nothing to do.
    for root in roots {
      var st = stat()
      if stat(root, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG {
        addWatch((root as NSString).deletingLastPathComponent)
      }
    }
    // Each folder is watched just before the first run lists it: a change after that is an event.
    let (first, lock) = try Indexer(indexPath: indexPath).build(
      options, observer: observer, keepLock: true, folder: addWatch)
    var reopened = options
    reopened.rebuild = false
    reopened.shards = nil
    let db = try ShardSet(
      indexPath: indexPath, requested: nil, rebuild: false, flushDocuments: options.flushDocuments, heldLock: lock)
    defer { try? db.close() }
    var session = IndexSession(indexPath: indexPath, options: reopened, observer: observer)
    var total = first
    observer.watching(first, folders: watcher.count)

    var pending = Set<ExactPath>()
    var rescanAll = false
    var firstEvent: Date? = nil
    var lastEvent = Date()
    var nextRescan = Date().addingTimeInterval(watch.rescanInterval)
    var stopping = false

    func runBatch() throws {
      var summary = IndexSummary()
      let scopes = rescanAll ? nil : Self.outermost(pending)
      do {
        try session.sync(scopes, into: db, summary: &summary, folder: addWatch)
      } catch let e as VanbanError {
        // A root unmounted while watched: its documents stay, as a whole run would keep them.
        switch e {
        case .rootEmptied, .rootMissing: break
        default: throw e
        }
        observer.note("\(e)")
      }
      try db.commit()
      if try db.documentCount() <= watch.facetTableDocuments { Indexer.writeFacetTable(indexPath, observer: observer) }
      observer.committed(
        WatchBatch(
          added: summary.added, updated: summary.updated, removed: summary.removed, skipped: summary.skipped,
          rescan: rescanAll))
      total.added += summary.added
      total.updated += summary.updated
      total.removed += summary.removed
      total.skipped += summary.skipped
      total.bytes += summary.bytes
      pending.removeAll()
      rescanAll = false
      firstEvent = nil
    }

    while !stopping {
      let now = Date()
      var deadline: Date? = nil
      if let firstEvent {
        deadline = min(lastEvent.addingTimeInterval(watch.quiet), firstEvent.addingTimeInterval(watch.maxDelay))
      }
      if limitReached { deadline = min(deadline ?? nextRescan, nextRescan) }
      let timeout = deadline.map { max(0, Int32(($0.timeIntervalSince(now) * 1000).rounded(.up))) } ?? -1
      var fds = [
        pollfd(fd: watcher.fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, timeout)
      if ready < 0 && errno != EINTR { throw VanbanError.io("cannot watch: \(String(cString: strerror(errno)))") }
      if fds[1].revents != 0 { stopping = true }
      if fds[0].revents != 0 {
        for event in watcher.read() {
          switch event {
          case .rescan: rescanAll = true
          case .changed(let path):
            // An editor's swap file or an Office lock file: never indexed, so nothing to look at.
            if FileWalker.isNeverIndexed((path as NSString).lastPathComponent) { continue }
            pending.insert(ExactPath(path))
          }
          lastEvent = Date()
          if firstEvent == nil { firstEvent = lastEvent }
        }
        if pending.count > watch.maxPending {
          pending.removeAll()
          rescanAll = true
        }
      }
      if limitReached && Date() >= nextRescan {
        rescanAll = true
        nextRescan = Date().addingTimeInterval(watch.rescanInterval)
        if firstEvent == nil { firstEvent = Date() }
      }
      guard let firstEvent, !pending.isEmpty || rescanAll else { continue }
      let due =
        Date() >= lastEvent.addingTimeInterval(watch.quiet) || Date() >= firstEvent.addingTimeInterval(watch.maxDelay)
      if due || stopping { try runBatch() }
    }
    try db.commit()
    total.documents = try db.documentCount()
    if total.documents <= watch.facetTableDocuments { Indexer.writeFacetTable(indexPath, observer: observer) }
    return total
  }

  /// The paths not under another one of them: a folder's walk covers its files.
  static func outermost(_ paths: Set<ExactPath>) -> [String] {
    paths.filter { exact in
      let path = exact.path
      var folder = (path as NSString).deletingLastPathComponent
      while folder.count > 1 {
        if paths.contains(ExactPath(folder)) { return false }
        folder = (folder as NSString).deletingLastPathComponent
      }
      return !(folder == "/" && paths.contains(ExactPath("/")) && path != "/")
    }.map(\.path).sorted()
  }
}
