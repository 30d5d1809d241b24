// XapianErrorConditionTests.swift - the conditions Xapian tells apart only in
// its message text, read from (code, message) pairs Xapian really produces,
// and matched with `~=` in catch and switch.
import Testing
import Xapian

@Suite struct XapianErrorConditionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let code: XapianError.Code
    let message: String
    let condition: XapianError.Condition?
    let transient: Bool

    var testDescription: String { "\(code): \(message)" }
  }

  static let cases: [Case] = [
    Case(
      code: .databaseLock, message: "Unable to get write lock on /tmp/idx: already locked",
      condition: .lockedByAnotherWriter, transient: false),
    Case(
      code: .databaseLock, message: "Unable to get write lock on /ro/idx: Testing lock (Read-only file system)",
      condition: .lockUnavailable, transient: false),
    Case(
      code: .databaseModified,
      message:
        "The revision being read has been discarded - you should call Xapian::Database::reopen() and retry the operation",
      condition: .revisionDiscarded, transient: true),
    Case(
      code: .databaseError, message: "The revision being read has been discarded",
      condition: .revisionDiscarded, transient: true),
    Case(
      code: .databaseError, message: "Error reading block 12: Input/output error",
      condition: .unreadableBlock, transient: true),
    Case(
      code: .databaseError, message: "EOF reading block 7",
      condition: .unreadableBlock, transient: true),
    Case(
      code: .databaseError, message: "Couldn't read postlist.glass: unexpected EOF",
      condition: .unexpectedEndOfFile, transient: false),
    Case(
      code: .databaseCorrupt, message: "Expected block 3 to be level 0, not 1",
      condition: .corrupt, transient: true),
    Case(
      code: .databaseError, message: "Failed to open file: Permission denied",
      condition: nil, transient: false),
    Case(
      code: .databaseOpening, message: "Couldn't detect type of database",
      condition: nil, transient: false),
    // Out of descriptors, under whichever code opened or read the file.
    Case(
      code: .databaseOpening, message: "Couldn't open /srv/idx/postlist.glass (Too many open files)",
      condition: .outOfFileDescriptors, transient: false),
    Case(
      code: .databaseError, message: "Couldn't open /srv/idx/docdata.glass (Too many open files in system)",
      condition: .outOfFileDescriptors, transient: false),
    // Other words only count under their own code.
    Case(
      code: .network, message: "EOF reading block, already locked, discarded",
      condition: nil, transient: false),
    Case(code: .invalidArgument, message: "already locked", condition: nil, transient: false),
  ]

  @Test(arguments: cases)
  func conditionFromCodeAndMessage(_ c: Case) {
    let error = XapianError(code: c.code, message: c.message)
    #expect(error.condition == c.condition)
    #expect(error.isTransientForReader == c.transient)
  }

  @Test(arguments: cases)
  func conditionMatchesAnyError(_ c: Case) {
    let error: Error = XapianError(code: c.code, message: c.message)
    for condition in XapianError.Condition.allCases {
      #expect((condition ~= error) == (condition == c.condition), "\(condition)")
    }
  }

  @Test func otherErrorsMatchNoCondition() {
    struct Other: Error {}
    for condition in XapianError.Condition.allCases {
      #expect(!(condition ~= Other()))
    }
  }

  @Test func conditionsAreDistinctAndNamed() {
    let names = XapianError.Condition.allCases.map(\.description)
    #expect(Set(names).count == names.count)
    #expect(XapianError.Condition.lockedByAnotherWriter.description == "lockedByAnotherWriter")
  }

  /// A real second writer: Xapian's message says "already locked", and the
  /// condition is caught by pattern.
  @Test func secondWriterIsCaughtByCondition() throws {
    let dir = try TemporaryDirectory()
    let first = try WritableDatabase(path: dir.path)
    var caught: XapianError.Condition? = nil
    do {
      _ = try WritableDatabase(path: dir.path)
    } catch XapianError.Condition.lockedByAnotherWriter {
      caught = .lockedByAnotherWriter
    } catch XapianError.Condition.lockUnavailable {
      caught = .lockUnavailable
    }
    #expect(caught == .lockedByAnotherWriter)
    try first.close()
  }

  @Test func switchOverAnError() {
    func reading(_ error: XapianError) -> String {
      switch error {
      case XapianError.Condition.lockedByAnotherWriter: return "locked"
      case XapianError.Condition.unreadableBlock, XapianError.Condition.unexpectedEndOfFile: return "damaged"
      default: return "other"
      }
    }
    #expect(reading(XapianError(code: .databaseLock, message: "x: already locked")) == "locked")
    #expect(reading(XapianError(code: .databaseError, message: "EOF reading block 1")) == "damaged")
    #expect(reading(XapianError(code: .range, message: "EOF")) == "other")
  }
}
