// The CLI's wording of the library's errors: the library reports a case, and the cases that a
// command-line flag fixes are said here, with the flag (`--index`, `--rebuild`, `--agency`).

import VanbanKit

extension VanbanError {
  /// The one line `vanban` prints on stderr for this error.
  public var cliMessage: String {
    switch self {
    case .indexNotFound(let p):
      return "no index at \(p) (run `vanban index` first, or pass --index DIR)"
    case .indexCorrupt(let p, let m):
      return "the index at \(p) cannot be read (\(m)); rebuild it with `vanban index --rebuild`"
    case .indexVersion(let p, let v):
      return "\(Self.versionMismatch(p, found: v)); rebuild it with `vanban index --rebuild`"
    case .notAnIndex(let p, let m):
      return
        "\(p) is not a vanban index (\(m)); if it is an index from an older vanban, rebuild it with `vanban index --rebuild`"
    case .indexIncomplete(let p):
      return
        "the index at \(p) is still being built, or an earlier run was interrupted before its first commit; run `vanban index` again"
    case .nothingToSearch:
      return "bad query: nothing to search for: give words or a filter such as --agency or --ref"
    case .shardCountMismatch(let p, let existing, let requested):
      return "\(Self.shardCount(p, existing)); use --rebuild to change to \(requested)"
    case .rootEmptied(let p, let documents, let vanished):
      return
        "\(Self.rootEmptied(p, documents: documents, vanished: vanished)); they are kept: mount it again, or index with --prune to remove them"
    case .graphvizMissing:
      return description + " (or use --format dot|json)"
    case .graphTooSlow(let seconds):
      return "the citation map was not drawn within \(seconds) s; draw a smaller one with --depth or --max-nodes, "
        + "or use --format dot|json"
    default:
      return description
    }
  }
}

extension DecodeError {
  /// The reason `vanban index` prints after a skipped file's path, naming the option that sets
  /// a limit where the library reports only the limit.
  public var cliReason: String {
    switch self {
    case .tooMuchText(let limit): return "more than \(Self.size(limit)) of text (limit set by --max-text)"
    default: return description
    }
  }
}
