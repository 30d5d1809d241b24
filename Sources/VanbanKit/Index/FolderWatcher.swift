// Linux inotify through Glibc: one watch per folder (inotify is not recursive), events turned into
// the paths that changed. What a path now holds is found out later, by walking it: events only
// say where to look, so a file gone before it is read, or a folder renamed twice, cannot mislead.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a batch of inotify events asks for.
public enum WatchEvent: Sendable, Equatable {
  /// Something at this path was created, written, moved or deleted: look at it again.
  case changed(String)
  /// Events were lost (the kernel's queue overflowed) or a watched root went: look at everything.
  case rescan
}

/// Watches folders with inotify and reports the paths that changed in them.
public final class FolderWatcher {
  /// How adding a folder's watch went.
  public enum AddResult: Sendable, Equatable {
    case added
    /// The kernel's limit on watches (`fs.inotify.max_user_watches`) is reached.
    case limitReached
    /// The folder could not be watched (gone already, no permission); its files are still walked.
    case failed(Int32)
  }

  /// The inotify descriptor, readable when events are waiting (for poll(2)).
  public let fd: Int32
  private var paths: [Int32: String] = [:]
  // Keyed by bytes: two folders whose names differ only in normalisation are two watches.
  private var folders: [ExactPath: Int32] = [:]
  private let roots: Set<ExactPath>
  /// For tests: behave as if the kernel refused every watch past this many.
  private let limitForTests: Int?

  static let mask: UInt32 = UInt32(
    IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
      | IN_ONLYDIR)

  /// - throws: `VanbanError.io` when inotify is not available.
  public init(roots: [String], limitForTests: Int? = nil) throws {
    let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { throw VanbanError.io("cannot watch folders (inotify): \(String(cString: strerror(errno)))") }
    self.fd = fd
    self.roots = Set(roots.map(ExactPath.init))
    self.limitForTests = limitForTests
  }

  deinit { close(fd) }

  /// Folders watched now.
  public var count: Int { folders.count }

  /// Watches `folder` (again: a folder moved back in gets its watch and path back).
  public func add(_ folder: String) -> AddResult {
    let key = ExactPath(folder)
    if let limitForTests, folders[key] == nil, folders.count >= limitForTests { return .limitReached }
    // Links are followed: the walker hands over a link to a folder only when it follows it.
    let wd = inotify_add_watch(fd, folder, Self.mask)
    guard wd >= 0 else { return errno == ENOSPC ? .limitReached : .failed(errno) }
    if let old = paths[wd], !ExactPath.same(old, folder) { folders[ExactPath(old)] = nil }
    paths[wd] = folder
    folders[key] = wd
    return .added
  }

  /// Stops watching `path` and every folder under it (moved away or deleted).
  public func forget(under path: String) {
    for (folder, wd) in folders where ExactPath.isUnder(folder.path, path) {
      inotify_rm_watch(fd, wd)
      folders[folder] = nil
      paths[wd] = nil
    }
  }

  /// The events waiting now, as paths to look at; empty when there are none.
  public func read() -> [WatchEvent] {
    var out: [WatchEvent] = []
    // Aligned for inotify_event; room for many events per read(2).
    let capacity = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    while true {
      let n = Glibc.read(fd, buffer, capacity)
      if n <= 0 { break }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= n {
        let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
        let nameStart = offset + MemoryLayout<inotify_event>.size
        let name =
          event.len > 0
          ? String(validatingCString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self)) : nil
        offset = nameStart + Int(event.len)
        if let e = interpret(event, name: name) { out.append(e) }
      }
    }
    return out
  }

  private func interpret(_ event: inotify_event, name: String?) -> WatchEvent? {
    let mask = event.mask
    if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .rescan }
    if mask & UInt32(IN_IGNORED) != 0 {
      if let folder = paths.removeValue(forKey: event.wd), folders[ExactPath(folder)] == event.wd {
        folders[ExactPath(folder)] = nil
      }
      return nil
    }
    guard let folder = paths[event.wd] else { return nil }
    if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
      // The parent reports the folder itself; only a root has no watched parent.
      return roots.contains(ExactPath(folder)) ? .rescan : nil
    }
    // A name that is not UTF-8 cannot be indexed; the walk says so when it meets it.
    guard let name, !name.isEmpty else { return nil }
    let path = folder == "/" ? "/" + name : folder + "/" + name
    if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
      forget(under: path)
    }
    return .changed(path)
  }
}
