// The domain's errors: each case is one line a clerk can act on. The library names no CLI
// flag: a case says what is wrong, and the CLI words the ones a flag fixes (`cliMessage` in
// Sources/vanban) before printing on stderr and exiting 2. `description` is the library's own
// wording, for other programs.

import Xapian

/// Every failure VanbanKit reports, as a case the CLI (or a server) words for its users; `description` is a plain-English fallback.
public enum VanbanError: Error, CustomStringConvertible, Equatable {
  case indexNotFound(String)
  case indexLocked(String)
  case indexCorrupt(String, String)
  case indexVersion(String, found: String)
  /// A folder without vanban's manifest (an older layout, or not an index), or with a manifest
  /// that can't be trusted; the second value says why.
  case notAnIndex(String, String)
  /// Shards without a committed schema: a first run still going, or killed before its first commit.
  case indexIncomplete(String)
  /// An index folder vanban will not write into; the second value says why.
  case unsafeIndexFolder(String, String)
  case remote(String, String)
  case badQuery(String)
  /// A search with neither words nor a filter.
  case nothingToSearch
  /// The index has `existing` shards and `requested` were asked for: only a rebuild changes that.
  case shardCountMismatch(String, existing: Int, requested: Int)
  /// Rendering a graph needs Graphviz's `dot`, which is not installed.
  case graphvizMissing
  /// `dot` did not finish drawing a graph within `seconds`: too many nodes, or a busy machine.
  case graphTooSlow(seconds: Int)
  case badArgument(String)
  /// A file or folder to index that does not exist, and the index holds nothing from it.
  case rootMissing(String)
  /// A folder to index that has vanished (or has no file in it now) while the index holds
  /// `documents` from it, as an unmounted share does: they are kept unless the caller asks to prune.
  case rootEmptied(String, documents: Int, vanished: Bool)
  case notInIndex(String)
  /// A name that several indexed documents share; `choices` are their ids, with paths.
  case ambiguousDocument(String, choices: [String])
  case io(String)
  case xapian(String)

  public var description: String {
    switch self {
    case .indexNotFound(let p):
      return "no index at \(p)"
    case .indexLocked(let p):
      return "the index at \(p) is being updated by another process; try again when it finishes"
    case .indexCorrupt(let p, let m):
      return "the index at \(p) cannot be read (\(m)); it must be rebuilt"
    case .indexVersion(let p, let v):
      return "\(Self.versionMismatch(p, found: v)); it must be rebuilt"
    case .notAnIndex(let p, let m):
      return "\(p) is not a vanban index (\(m)); if it is an index from an older vanban, it must be rebuilt"
    case .indexIncomplete(let p):
      return
        "the index at \(p) is still being built, or an earlier run was interrupted before its first commit; index again"
    case .unsafeIndexFolder(let p, let m):
      return "will not use \(p) as the index folder: \(m)"
    case .remote(let p, let m):
      return "cannot reach the index server \(p): \(m)"
    case .badQuery(let m): return "bad query: \(m)"
    case .nothingToSearch: return "bad query: nothing to search for: give words or a filter"
    case .shardCountMismatch(let p, let existing, let requested):
      return "\(Self.shardCount(p, existing)); it must be rebuilt to change to \(requested)"
    case .graphvizMissing: return "Graphviz's `dot` is not installed; install it with `apt-get install graphviz`"
    case .graphTooSlow(let seconds):
      return "the citation map was not drawn within \(seconds) s; ask for a smaller one (less depth, fewer nodes)"
    case .badArgument(let m): return m
    case .rootMissing(let p): return "\(p) does not exist"
    case .rootEmptied(let p, let documents, let vanished):
      return "\(Self.rootEmptied(p, documents: documents, vanished: vanished)); they are kept"
    case .notInIndex(let id): return "no document \(id) in the index"
    case .ambiguousDocument(let name, let choices):
      return "`\(name)` names \(choices.count) documents; give one of their ids: " + choices.joined(separator: ", ")
    case .io(let m): return m
    case .xapian(let m): return m
    }
  }

  /// `the index at P was built with schema V, this vanban needs W`: the first half of the
  /// message for `.indexVersion`, shared with the CLI's wording.
  public static func versionMismatch(_ index: String, found: String) -> String {
    "the index at \(index) was built with schema \(found.isEmpty ? "unknown" : found), this vanban needs \(IndexSchema.version)"
  }

  /// `P has vanished, and the index holds N documents from it`: the first half of the message for
  /// `.rootEmptied`, shared with the CLI's wording.
  public static func rootEmptied(_ root: String, documents: Int, vanished: Bool) -> String {
    "\(root) \(vanished ? "has vanished" : "is empty"), and the index holds \(documents) document\(documents == 1 ? "" : "s") from it (an unmounted share?)"
  }

  /// `the index at P has N shards`: the first half of the message for `.shardCountMismatch`.
  public static func shardCount(_ index: String, _ existing: Int) -> String {
    "the index at \(index) has \(existing) shard\(existing == 1 ? "" : "s")"
  }

  /// The one place a Xapian error about a whole index becomes a domain error.
  static func from(_ error: Error, index: String) -> Error {
    // A document's stored header that is not the JSON vanban wrote: damaged data, not a bug.
    if error is DecodingError { return VanbanError.indexCorrupt(index, "a document's stored data is damaged") }
    guard let x = error as? XapianError else { return error }
    // Out of descriptors is this process's state, not the index's: it is not to be rebuilt.
    if x.condition == .outOfFileDescriptors {
      return VanbanError.io("cannot open the index at \(index) now: \(x.message) (the limit on open files, ulimit -n)")
    }
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
