// Why a file was not indexed, as a small closed set a clerk can act on. The raw values are
// stored in the index (`SkipRecord`) and printed by `vanban skipped` and `stats`: never rename
// one; add a case for a new reason.

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
  /// A scan (an image, or a PDF with no text layer) that OCR could not read, or not in time.
  case ocrFailed = "ocr-failed"

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
    case .ocrFailed: return "OCR failed or timed out"
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
    case .helperFailed(let program, _) where Self.ocrPrograms.contains(program): self = .ocrFailed
    case .timedOut(let program, _) where Self.ocrPrograms.contains(program): self = .ocrFailed
    case .damaged, .helperFailed: self = .damaged
    case .encrypted: self = .encrypted
    case .missingHelper: self = .helperMissing
    case .timedOut, .givenUp: self = .timedOut
    }
  }

  /// The programs of OCR: their failures are OCR's, not the file's.
  static let ocrPrograms: Set<String> = ["tesseract", "pdftoppm"]

  public static func < (a: SkipReason, b: SkipReason) -> Bool { a.rawValue < b.rawValue }
}
