// A hit's id is its file name, or the shortest end of its path no other file shares; worked out
// from the paths of the files sharing the name, which the index keeps in a value slot.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct DocumentNamesTests {
  @Test func sameNamedFilesGetTheShortestEndOfTheirPaths() throws {
    let docs = try TemporaryDirectory()
    for dir in ["a", "b", "b/c", "d"] {
      try FileManager.default.createDirectory(at: docs.appending(dir), withIntermediateDirectories: true)
    }
    for (path, text) in [("a/x.txt", "một"), ("b/x.txt", "hai"), ("b/c/x.txt", "ba"), ("d/y.txt", "bốn")] {
      try "Ghi chú \(text).\n".write(to: docs.appending(path), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    let searcher = try Searcher(indexes: [index.path])
    var request = SearchRequest(text: "ghi chú")
    request.limit = 10
    let hits = try searcher.search(request).hits
    #expect(hits.map(\.id).sorted() == ["a/x.txt", "b/x.txt", "c/x.txt", "y"])
    // Past `maxSameName` files of one name, a hit's id is its path (each hit read them all).
    let path = try #require(hits.first { $0.id == "a/x.txt" }).path
    var names = DocumentNames(db: searcher.db)
    #expect(try names.uniqueID(name: "x", path: path) == "a/x.txt")
    names.maxSameName = 2
    #expect(try names.uniqueID(name: "x", path: path) == path)
    #expect(try names.uniqueID(name: "y", path: "/elsewhere/y.txt") == "y")
  }
}
