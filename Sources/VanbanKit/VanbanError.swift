// The domain's errors: each case is one line a clerk can act on. The CLI prints `description`
// on stderr and exits 2.

import Xapian

public enum VanbanError: Error, CustomStringConvertible, Equatable {
  case indexNotFound(String)
  case indexLocked(String)
  case indexCorrupt(String, String)
  case indexVersion(String, found: String)
  case remote(String, String)
  case badQuery(String)
  case badArgument(String)
  case notInIndex(String)
  case io(String)
  case xapian(String)

  public var description: String {
    switch self {
    case .indexNotFound(let p):
      return "no index at \(p) (run `vanban index` first, or pass --index DIR)"
    case .indexLocked(let p):
      return "the index at \(p) is being updated by another process; try again when it finishes"
    case .indexCorrupt(let p, let m):
      return "the index at \(p) cannot be read (\(m)); rebuild it with `vanban index --rebuild`"
    case .indexVersion(let p, let v):
      return "the index at \(p) was built with schema \(v.isEmpty ? "unknown" : v), this vanban needs \(IndexSchema.version); rebuild it with `vanban index --rebuild`"
    case .remote(let p, let m):
      return "cannot reach the index server \(p): \(m)"
    case .badQuery(let m): return "bad query: \(m)"
    case .badArgument(let m): return m
    case .notInIndex(let id): return "no document \(id) in the index"
    case .io(let m): return m
    case .xapian(let m): return m
    }
  }

  /// The one place a Xapian error about a whole index becomes a domain error.
  static func from(_ error: Error, index: String) -> Error {
    guard let x = error as? XapianError else { return error }
    switch x.code {
    case .databaseLock:
      // Xapian also raises DatabaseLockError when it cannot create the lock file (a read-only or
      // full file system): that is not another process, and saying so would mislead.
      if x.condition == .lockedByAnotherWriter { return VanbanError.indexLocked(index) }
      return VanbanError.io("cannot write to the index at \(index): \(x.message)")
    case .databaseNotFound: return VanbanError.indexNotFound(index)
    case .databaseOpening, .databaseVersion, .databaseCorrupt:
      if index.hasPrefix("tcp://") { return VanbanError.remote(index, x.message) }
      return VanbanError.indexCorrupt(index, x.message)
    case .network, .networkTimeout: return VanbanError.remote(index, x.message)
    case .databaseError where x.condition == .unreadableBlock || x.condition == .unexpectedEndOfFile:
      // A truncated or damaged table file surfaces as a read error, not as DatabaseCorruptError.
      return VanbanError.indexCorrupt(index, x.message)
    default: return VanbanError.xapian("\(index): \(x.message)")
    }
  }
}
