/// Why a file could not be decoded. `description` is one short human reason, printed as `path: reason`.
public enum DecodeError: Error, CustomStringConvertible, Sendable, Equatable {
  /// I/O error text (permissions, vanished, is a directory, symlink loop...).
  case unreadable(String)
  /// Not text in any known encoding.
  case binary
  /// Zero bytes, or only whitespace.
  case empty
  case tooLarge(bytes: Int, limit: Int)
  /// Truncated zip, corrupt doc, PDF without a text layer...
  case damaged(String)
  case missingHelper(program: String, debianPackage: String)
  case helperFailed(program: String, detail: String)
  case timedOut(program: String, seconds: Int)
  /// The file decodes to more text than the per-document cap (`IndexOptions`; the CLI's
  /// `--max-text`): a memory bomb such as an .odt of `<text:s text:c="1000"/>`, or a runaway
  /// helper program.
  case tooMuchText(limit: Int)
  /// A password-protected PDF: its text cannot be read without the password.
  case encrypted
  /// The file's work was stopped (`Cancellation`): its time limit passed, and the run has already
  /// recorded it as timed out, or the run itself is ending.
  case givenUp

  public var description: String {
    switch self {
    case .unreadable(let why): return "unreadable: \(why)"
    case .binary: return "binary data, not text"
    case .empty: return "empty"
    case .tooLarge(let bytes, let limit): return "too large (\(bytes) bytes, limit \(limit))"
    case .damaged(let why): return "damaged: \(why)"
    case .missingHelper(let program, let package):
      return "needs \(program), which is not installed (apt-get install \(package))"
    case .helperFailed(let program, let detail): return "\(program) failed: \(detail)"
    case .timedOut(let program, let seconds): return "\(program) timed out after \(seconds) s"
    case .tooMuchText(let limit):
      return "more than \(Self.size(limit)) of text (the per-document limit)"
    case .encrypted: return "encrypted PDF (password required)"
    case .givenUp: return "given up before it was read"
    }
  }

  /// `16 MB`, or `1000 bytes` below a megabyte: a limit as the messages say it.
  public static func size(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }
}
