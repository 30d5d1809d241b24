// Issue N: a query that does not parse is searched as plain words, and the result says so.
// Runs on an empty index of the current schema: the note comes before any match.
import Foundation
import Testing
import Xapian

@testable import VanbanKit

@Suite struct PlainWordsNoteTests {
  /// An empty index that Searcher accepts (it refuses one without the schema version).
  static func emptyIndex() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-note-\(UUID().uuidString)").path
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    try db.setMetadata(IndexSchema.versionKey, IndexSchema.version)
    try db.commit()
    try db.close()
    return path
  }

  @Test(arguments: [
    ("\"tiêm chủng", "query read as plain words (unbalanced quote)"),
    ("covid AND", "query read as plain words (`AND` needs something after it)"),
    ("(covid", "query read as plain words (unbalanced parenthesis)"),
    ("covid date:2022-13", "query read as plain words (bad date `2022-13`)"),
  ])
  func unparsableQueriesAreReadAsPlainWordsWithANote(_ text: String, _ note: String) throws {
    let path = try Self.emptyIndex()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Searcher(indexes: [path]).search(SearchRequest(text: text))
    #expect(result.notes == [note])
    #expect(result.total == 0)
  }

  @Test func aQueryThatParsesHasNoNote() throws {
    let path = try Self.emptyIndex()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Searcher(indexes: [path]).search(SearchRequest(text: "\"tiêm chủng\" OR covid"))
    #expect(result.notes.isEmpty)
  }

  @Test func nothingLeftIsABadQuery() throws {
    let path = try Self.emptyIndex()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: VanbanError.nothingToSearch) {
      try Searcher(indexes: [path]).search(SearchRequest(text: "( \" )"))
    }
  }
}
