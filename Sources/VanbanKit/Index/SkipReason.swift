// Why a file was not indexed, as a small closed set a clerk can act on. The raw values are
// stored in the index (`SkipRecord`) and printed by `vanban skipped` and `stats`: never rename
// one; add a case for a new reason (OCR will add its own).

/// The category of a file that was not indexed; the raw value is stable (stored and exported).
public enum SkipReason: String, Codable, CaseIterable, Sendable, Comparable {
  /// Corrupt or truncated, not the format its extension says, or a helper could not read it.
  case damaged
  /// A password-protected PDF.
  case encrypted
  /// Not text in any known encoding (binary data under a text extension).
  case unsupported
  /// Over the file size or the text size limit.
  case tooLarge = "too-large"
  /// Reading took longer than the per-file time budget.
  case timedOut = "timed-out"
  /// The helper program for its format is not installed.
  case helperMissing = "helper-missing"
  /// The file, or the text it decodes to, is empty.
  case emptyText = "empty-text"
  /// The file could not be opened (permissions, I/O error).
  case unreadable

  /// The reason in a few plain words, for text output.
  public var label: String {
    switch self {
    case .damaged: return "damaged"
    case .encrypted: return "encrypted PDF (password required)"
    case .unsupported: return "unsupported format"
    case .tooLarge: return "too large"
    case .timedOut: return "timed out"
    case .helperMissing: return "helper missing"
    case .emptyText: return "empty text"
    case .unreadable: return "unreadable"
    }
  }

  /// Whether an unchanged file with this reason is tried again on every run: a missing helper
  /// may have been installed since, which the file's signature cannot tell.
  public var retriedEachRun: Bool { self == .helperMissing }

  /// The category of an error from reading a file.
  public init(_ error: Error) {
    guard let d = error as? DecodeError else {
      self = .damaged
      return
    }
    switch d {
    case .unreadable: self = .unreadable
    case .binary: self = .unsupported
    case .empty: self = .emptyText
    case .tooLarge, .tooMuchText: self = .tooLarge
    case .damaged, .helperFailed: self = .damaged
    case .encrypted: self = .encrypted
    case .missingHelper: self = .helperMissing
    case .timedOut: self = .timedOut
    }
  }

  public static func < (a: SkipReason, b: SkipReason) -> Bool { a.rawValue < b.rawValue }
}
