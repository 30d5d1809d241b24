// XapianErrorTests.swift - one description shape, and codes that callers can
// match on.
import Testing
import Xapian

@Suite struct XapianErrorTests {
  @Test func descriptionShape() {
    let error = XapianError(code: .databaseLock, message: "Unable to get write lock", context: "opening x")
    #expect(error.description == "Xapian error (databaseLock): Unable to get write lock - while opening x")
    let bare = XapianError(code: .range, message: "m")
    #expect(bare.description == "Xapian error (range): m")
  }

  @Test func missingDatabase() throws {
    let dir = try TemporaryDirectory()
    do {
      _ = try Database(path: dir.sub("missing"))
      Issue.record("opened a missing database")
    } catch let error as XapianError {
      #expect(error.code == .databaseNotFound || error.code == .databaseOpening)
      #expect(!error.message.isEmpty)
      #expect(error.context == "opening database at \(dir.sub("missing"))")
      #expect(error.description.hasPrefix("Xapian error (database"))
    }
  }

  @Test func secondWriterIsLocked() throws {
    let dir = try TemporaryDirectory()
    let first = try WritableDatabase(path: dir.path)
    var matched = false
    do {
      _ = try WritableDatabase(path: dir.path)
    } catch let error as XapianError where error.code == .databaseLock {
      matched = error.message.contains("lock")
    }
    #expect(matched)
    try first.close()
    _ = try WritableDatabase(path: dir.path)
  }

  @Test func negativeCountsAreRejectedBeforeXapian() throws {
    let doc = Document()
    #expect {
      try doc.addTerm("a", wdfIncrement: -1)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
  }

  @Test func versionIsReported() {
    #expect(XapianLibrary.version.hasPrefix("1.4."))
  }
}
