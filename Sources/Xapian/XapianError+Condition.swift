// XapianError+Condition.swift - the distinctions Xapian makes only in its
// message text, read in one place. `Code` says which exception family was
// thrown; `Condition` says what a caller should do about it, like GRDB's
// extended result codes under `ResultCode`.

extension XapianError {
  /// A finer reading of an error than `Code`, for the cases where Xapian
  /// throws one exception class for situations that call for different
  /// handling and tells them apart only in its message.
  ///
  /// Conditions match errors in `catch` and `switch` (`~=`):
  ///
  ///     do {
  ///         let writer = try WritableDatabase(path: path)
  ///     } catch XapianError.Condition.lockedByAnotherWriter {
  ///         // another indexer is running
  ///     }
  ///
  /// A struct with static members rather than an enum, so that a member is
  /// an expression pattern that can match any `Error`.
  public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The member's name, e.g. `lockedByAnotherWriter`.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// The condition's name.
    public var description: String { name }

    /// Another writer holds the database's lock (DatabaseLockError,
    /// "already locked").
    public static let lockedByAnotherWriter = Condition("lockedByAnotherWriter")

    /// The lock could not be taken for another reason, typically because
    /// the lock file cannot be created on a read-only or full file system
    /// (DatabaseLockError without "already locked"). No other process is
    /// involved.
    public static let lockUnavailable = Condition("lockUnavailable")

    /// The revision a reader was on has been replaced by a writer's
    /// commits (DatabaseModifiedError, or a DatabaseError saying the
    /// revision was "discarded"). Reopening and retrying is the cure.
    public static let revisionDiscarded = Condition("revisionDiscarded")

    /// A table block could not be read (DatabaseError "reading block",
    /// including "EOF reading block"): a truncated or damaged file, or
    /// blocks a writer recycled under a reader.
    public static let unreadableBlock = Condition("unreadableBlock")

    /// A DatabaseError reporting an unexpected end of file somewhere other
    /// than a block read ("EOF"): a truncated file.
    public static let unexpectedEndOfFile = Condition("unexpectedEndOfFile")

    /// Xapian found inconsistent data (DatabaseCorruptError). For a
    /// reader racing a writer this can also be transient.
    public static let corrupt = Condition("corrupt")

    /// The process or the system had no file descriptor left for a table
    /// ("Too many open files", EMFILE or ENFILE). Nothing is wrong with the
    /// database: it opens once descriptors are free.
    public static let outOfFileDescriptors = Condition("outOfFileDescriptors")

    /// Every condition, in declaration order.
    public static let allCases: [Condition] = [
      .lockedByAnotherWriter, .lockUnavailable, .revisionDiscarded, .unreadableBlock,
      .unexpectedEndOfFile, .corrupt, .outOfFileDescriptors,
    ]

    /// Whether `error` is a `XapianError` with this condition.
    public static func ~= (pattern: Condition, error: Error) -> Bool {
      (error as? XapianError)?.condition == pattern
    }

    /// Whether `error` has this condition.
    public static func ~= (pattern: Condition, error: XapianError) -> Bool {
      error.condition == pattern
    }
  }

  /// The condition this error reports, or nil when `code` says all there is
  /// to say. The only place this module reads Xapian's message text.
  public var condition: Condition? {
    // Any error that opens or reads a file can carry strerror(EMFILE) or strerror(ENFILE).
    if message.contains("Too many open files") { return .outOfFileDescriptors }
    switch code {
    case .databaseLock:
      return message.contains("already locked") ? .lockedByAnotherWriter : .lockUnavailable
    case .databaseModified:
      return .revisionDiscarded
    case .databaseCorrupt:
      return .corrupt
    case .databaseError:
      if message.contains("reading block") { return .unreadableBlock }
      if message.contains("discarded") { return .revisionDiscarded }
      if message.contains("EOF") { return .unexpectedEndOfFile }
      return nil
    default:
      return nil
    }
  }

  /// Errors a reader gets when a writer recycles the blocks of the revision
  /// it is reading: they go away after `Database.reopen()`. A database that
  /// is really damaged keeps failing, so a retry loop must be bounded.
  public var isTransientForReader: Bool {
    switch condition {
    case .revisionDiscarded?, .unreadableBlock?, .corrupt?: return true
    default: return false
    }
  }
}
