// The one PATH lookup: decoders' helper programs (pdftotext, antiword, tesseract) and Graphviz's
// `dot` are found the same way, as executables on a PATH-style list, never through a shell.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds helper programs on a PATH-style search list, once per (list, program) for the whole process.
struct HelperLocator: Sendable {
  /// nil: the process's PATH.
  var searchPath: String?

  private static let cache = LockedBox<[String: String?]>([:])

  /// The absolute path of `program`, or nil when no executable of that name is on the search path.
  func locate(_ program: String) -> String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let key = path + "\u{0}" + program
    if let hit = Self.cache.withLock({ $0[key] }) { return hit }
    var found: String?
    for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = dir.hasSuffix("/") ? "\(dir)\(program)" : "\(dir)/\(program)"
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
        access(candidate, X_OK) == 0
      {
        found = candidate
        break
      }
    }
    Self.cache.withLock { $0[key] = .some(found) }
    return found
  }
}
