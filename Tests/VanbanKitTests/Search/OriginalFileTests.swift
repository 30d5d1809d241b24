// Issue J: the server hands out an original only while it is the very file that was indexed.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct OriginalFileTests {
  static let dispatch = """
    UBND TỈNH LAI CHÂU
    Số: 12/UBND-VX
    Lai Châu, ngày 01 tháng 3 năm 2022
    V/v tiêm chủng vắc xin cho người dân
    """

  /// A corpus of two files (`a/cv.txt`, `b/secret.txt` outside the indexed folder `a`) and its index.
  static func indexed() throws -> (docs: TemporaryDirectory, index: TemporaryDirectory, searcher: Searcher) {
    let docs = try TemporaryDirectory()
    let fm = FileManager.default
    for folder in ["a", "b"] { try fm.createDirectory(at: docs.appending(folder), withIntermediateDirectories: true) }
    try dispatch.write(to: docs.appending("a/cv.txt"), atomically: true, encoding: .utf8)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.sub("a")]))
    return (docs, index, try Searcher(indexes: [index.path]))
  }

  static func read(_ f: OriginalFile) -> String {
    defer { f.close() }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = Glibc.read(f.descriptor, &buffer, buffer.count)
    return String(decoding: buffer.prefix(max(0, n)), as: UTF8.self)
  }

  @Test func anUnchangedFileIsOpened() throws {
    let (docs, index, searcher) = try Self.indexed()
    defer { withExtendedLifetime((docs, index)) {} }
    let f = try searcher.original("cv")
    #expect(f.fileName == "cv.txt")
    #expect(f.document.inode != nil)
    #expect(Self.read(f) == Self.dispatch)
  }

  @Test func aChangedFileIsRefused() throws {
    let (docs, index, searcher) = try Self.indexed()
    defer { withExtendedLifetime(index) {} }
    try (Self.dispatch + "\nthêm một dòng").write(to: docs.appending("a/cv.txt"), atomically: false, encoding: .utf8)
    #expect(throws: OriginalFileError.changed(docs.sub("a/cv.txt"))) { try searcher.original("cv") }
  }

  @Test func aGoneFileIsUnavailable() throws {
    let (docs, index, searcher) = try Self.indexed()
    defer { withExtendedLifetime(index) {} }
    try FileManager.default.removeItem(atPath: docs.sub("a/cv.txt"))
    #expect(throws: OriginalFileError.unavailable(docs.sub("a/cv.txt"))) { try searcher.original("cv") }
  }

  /// A file of the same size and time planted outside, reached through a link put in the file's
  /// place or in its folder's: never read.
  @Test func aLinkToAFileOfTheSameSizeAndTimeIsRefused() throws {
    let (docs, index, searcher) = try Self.indexed()
    defer { withExtendedLifetime(index) {} }
    let fm = FileManager.default
    let original = docs.sub("a/cv.txt")
    let attributes = try fm.attributesOfItem(atPath: original)
    // Same length, same modification time, other content.
    let planted = String(repeating: "x", count: Self.dispatch.utf8.count)
    try planted.write(to: docs.appending("b/cv.txt"), atomically: false, encoding: .utf8)
    try fm.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: docs.sub("b/cv.txt"))
    // The file itself replaced by a link.
    try fm.moveItem(atPath: original, toPath: docs.sub("kept.txt"))
    try fm.createSymbolicLink(atPath: original, withDestinationPath: docs.sub("b/cv.txt"))
    #expect(throws: OriginalFileError.changed(original)) { try searcher.original("cv") }
    // Its folder replaced by a link.
    try fm.removeItem(atPath: original)
    try fm.moveItem(atPath: docs.sub("a"), toPath: docs.sub("a-kept"))
    try fm.createSymbolicLink(atPath: docs.sub("a"), withDestinationPath: docs.sub("b"))
    #expect(throws: OriginalFileError.changed(original)) { try searcher.original("cv") }
  }

  @Test func onlyIndexedDocumentsAreOpened() throws {
    let (docs, index, searcher) = try Self.indexed()
    defer { withExtendedLifetime(index) {} }
    try "bí mật".write(to: docs.appending("b/secret.txt"), atomically: true, encoding: .utf8)
    #expect(throws: VanbanError.self) { try searcher.original(docs.sub("b/secret.txt")) }
    #expect(throws: VanbanError.self) { try searcher.original("../b/secret") }
  }
}
