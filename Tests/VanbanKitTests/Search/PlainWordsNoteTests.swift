// Issue N: a query that does not parse is searched as plain words, and the result says so.
// Runs on a one-document index: the note comes before any match.
import Foundation
import Testing

@testable import VanbanKit

@Suite struct PlainWordsNoteTests {
  /// A one-document index whose text holds none of the queries' words.
  static func smallIndex() throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-note-\(UUID().uuidString)")
    let corpus = base.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    try Data("Văn bản mẫu.\n".utf8).write(to: corpus.appendingPathComponent("mau.txt"))
    let path = base.appendingPathComponent("index").path
    _ = try Indexer(indexPath: path).run(IndexOptions(roots: [corpus.path]))
    return path
  }

  @Test(arguments: [
    ("\"tiêm chủng", "query read as plain words (unbalanced quote)"),
    ("covid AND", "query read as plain words (`AND` needs something after it)"),
    ("(covid", "query read as plain words (unbalanced parenthesis)"),
    ("covid date:2022-13", "query read as plain words (bad date `2022-13`)"),
  ])
  func unparsableQueriesAreReadAsPlainWordsWithANote(_ text: String, _ note: String) throws {
    let path = try Self.smallIndex()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let result = try Searcher(indexes: [path]).search(SearchRequest(text: text))
    #expect(result.notes == [note])
    #expect(result.total == 0)
  }

  @Test func aQueryThatParsesHasNoNote() throws {
    let path = try Self.smallIndex()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let result = try Searcher(indexes: [path]).search(SearchRequest(text: "\"tiêm chủng\" OR covid"))
    #expect(result.notes.isEmpty)
  }

  /// Nothing searchable left once read as plain words: as for `!!!`, no documents and a note;
  /// only a query with no text at all (and no filter) is a usage error.
  @Test func nothingLeftMatchesNothingWithANote() throws {
    let path = try Self.smallIndex()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let result = try Searcher(indexes: [path]).search(SearchRequest(text: "( \" )"))
    #expect(result.total == 0 && result.hits.isEmpty)
    #expect(result.notes.contains { $0.contains("no searchable words") }, "\(result.notes)")
    #expect(throws: VanbanError.nothingToSearch) {
      try Searcher(indexes: [path]).search(SearchRequest(text: "  "))
    }
  }
}
