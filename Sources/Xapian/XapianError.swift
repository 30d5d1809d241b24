// XapianError.swift - the one error type this module throws. `Code` mirrors
// CXapian's cx_status so callers can match on what went wrong without ever
// seeing a raw status; `Condition` (XapianError+Condition.swift) reads the
// distinctions Xapian makes only in its message text.

/// An error reported by Xapian, or by this wrapper when an argument cannot be
/// passed to Xapian at all (e.g. a negative count).
///
///     do {
///         let db = try WritableDatabase(path: path)
///     } catch XapianError.Condition.lockedByAnotherWriter {
///         // another indexer is running
///     } catch let error as XapianError where error.code == .databaseLock {
///         // no lock file could be made (read-only or full file system)
///     }
public struct XapianError: Error, CustomStringConvertible, Equatable {
  /// What went wrong; one case per Xapian exception family.
  public enum Code: String, Sendable, Equatable, CaseIterable {
    case databaseLock, databaseNotFound, databaseOpening, databaseCorrupt
    case databaseVersion, databaseModified, databaseError
    case queryParser, invalidArgument, invalidOperation
    case network, networkTimeout, docNotFound, range
    case otherXapian, noMemory, stdException, unknown
  }

  /// What kind of Xapian error this is.
  public let code: Code
  /// Xapian's own message (plus errno text when it has one).
  public let message: String
  /// What this module was doing, e.g. `opening database at /tmp/idx`.
  public let context: String?

  /// An error of kind `code` with Xapian's message and, optionally, what was being done.
  public init(code: Code, message: String, context: String? = nil) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// `Xapian error (databaseLock): <message> - while <context>`
  public var description: String {
    var text = "Xapian error (\(code.rawValue)): \(message)"
    if let context { text += " - while \(context)" }
    return text
  }

  /// For arguments rejected before reaching Xapian.
  static func invalidArgument(_ message: String, context: String? = nil) -> XapianError {
    XapianError(code: .invalidArgument, message: message, context: context)
  }
}
