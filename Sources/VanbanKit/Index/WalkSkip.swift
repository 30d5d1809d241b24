// Why the walk passed an entry by, as a stable key for `index --json`'s `skipReasons`, beside the
// `SkipReason` keys of files that were read and failed. The walker names the kind where it skips
// (`FileWalker.SkipHandler`); its line for each entry keeps the detail (a link's target, the
// system's error).

/// The kind of an entry the walk did not hand on to be read; the raw value is stable (exported).
public enum WalkSkip: String, CaseIterable, Sendable {
  /// A symbolic link, not followed (`--follow` follows links that stay inside the folders).
  case linkNotFollowed = "link-not-followed"
  /// A symbolic link leading out of the folders being indexed.
  case linkOutside = "link-outside"
  /// A pipe, socket or device under a document's name.
  case notAFile = "not-a-file"
  /// A file name that is not valid UTF-8.
  case badName = "bad-name"
  /// A folder under a document's name (it is walked).
  case directory
  /// A folder reached a second time (a link loop, or a link to a folder indexed already).
  case visitedTwice = "visited-twice"
  /// A file given by name whose extension is not a supported format.
  case unsupportedType = "unsupported-type"
  /// The system refused to list or open it (permissions, a path too long, an I/O error).
  case unreadable

  /// The reason in a few plain words, for text output.
  public var label: String {
    switch self {
    case .linkNotFollowed: return "symbolic link not followed"
    case .linkOutside: return "symbolic link " + FileWalker.outsideRoots
    case .notAFile: return "not a regular file"
    case .badName: return "file name not valid UTF-8"
    case .directory: return "a folder named like a document"
    case .visitedTwice: return "folder already visited"
    case .unsupportedType: return "not a supported file type"
    case .unreadable: return "unreadable"
    }
  }
}
