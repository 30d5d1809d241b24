// The original file of an indexed document, opened for a download only when it is still the file
// that was indexed. Checked on the open descriptor, not the path, so a file swapped for a link
// between the check and the read is never what is read.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An indexed document's original file, open for reading. Close it with `close()`.
public struct OriginalFile: Sendable {
  public var document: StoredDocument
  /// The open descriptor; its size is `document.size`.
  public var descriptor: Int32

  /// The file name a download should carry.
  public var fileName: String { (document.path as NSString).lastPathComponent }

  public func close() { _ = Glibc.close(descriptor) }
}

/// Why an indexed document's original cannot be handed out.
public enum OriginalFileError: Error, Equatable, CustomStringConvertible {
  /// The file is gone, unreadable, or no longer a regular file.
  case unavailable(String)
  /// The file is there but is not the indexed one: changed, replaced, or reached through a link.
  case changed(String)

  public var description: String {
    switch self {
    case .unavailable(let p): return "the original file \(p) is no longer available"
    case .changed(let p): return "the original file \(p) has changed since it was indexed; index it again"
    }
  }
}

extension Searcher {
  /// Opens the original of the indexed document `id` (an id or an indexed path, never a path
  /// outside the index), if it is still the file that was indexed: a regular file, not a link,
  /// the same inode, size and modification time.
  /// - throws: `VanbanError.notInIndex` and `.ambiguousDocument` as `document` does,
  ///   `OriginalFileError` when the file is gone or changed.
  public func original(_ id: String) throws -> OriginalFile {
    let stored = try document(id).stored
    return try Self.open(stored)
  }

  static func open(_ stored: StoredDocument) throws(OriginalFileError) -> OriginalFile {
    // O_NOFOLLOW: a link put in the file's place is refused, not followed.
    let fd = Glibc.open(stored.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      throw errno == ELOOP ? .changed(stored.path) : .unavailable(stored.path)
    }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
      _ = Glibc.close(fd)
      throw .unavailable(stored.path)
    }
    let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    // The same state the signature recorded: size and time to the microsecond it was written with.
    let same =
      Int(st.st_size) == stored.size && String(format: "%.6f", mtime) == String(format: "%.6f", stored.modified)
    // The inode tells a planted file of the same size and time from the indexed one, whichever
    // folder on the way was swapped for a link. An index made before inodes were kept has none:
    // there the path must reach the file through no link at all.
    let sameFile =
      stored.inode.map { $0 == UInt64(st.st_ino) }
      ?? (realPath(stored.path).map { ExactPath.same($0, stored.path) } ?? false)
    guard same && sameFile else {
      _ = Glibc.close(fd)
      throw .changed(stored.path)
    }
    // Reads block from here on (O_NONBLOCK only kept a FIFO put in its place from hanging the open).
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return OriginalFile(document: stored, descriptor: fd)
  }
}
