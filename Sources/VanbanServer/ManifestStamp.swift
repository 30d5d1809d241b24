// Whether an index folder's manifest was replaced: a rebuild or compaction writes the new one
// beside the old and renames it in, so its inode (or modification time) changes.

import Foundation
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

/// The identity of one index folder's `vanban-index.json` (nil for a remote index or a missing file).
struct ManifestStamp: Equatable {
  var inode: UInt64
  var device: UInt64
  var modified: Int
  var modifiedNanoseconds: Int
  var size: Int64

  init?(location: String) {
    guard !location.hasPrefix("tcp://") else { return nil }
    var s = stat()
    guard stat(location + "/" + IndexManifest.fileName, &s) == 0 else { return nil }
    inode = UInt64(s.st_ino)
    device = UInt64(s.st_dev)
    modified = Int(s.st_mtim.tv_sec)
    modifiedNanoseconds = Int(s.st_mtim.tv_nsec)
    size = Int64(s.st_size)
  }
}
