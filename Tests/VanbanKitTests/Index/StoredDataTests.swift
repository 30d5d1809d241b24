// The stored data's guard (IndexSchema.dataGuardLength): long data Xapian 1.4.22 could write but
// not read back, the text round trip with and without a guard, and the same bytes on every run.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit
@testable import Xapian

@Suite struct StoredDataTests {
  /// The layout of a file a reviewer planted: a line, then 12 MB of one short pattern.
  static let repeatedRun: String = {
    let line = String(repeating: "Ảb  ", count: 2000) + "\n"
    return "Ký bởi: và của the\n" + String(repeating: line, count: 1000)
  }()

  /// The header an earlier vanban wrote for that file in one of its runs (keys in that process's
  /// hash order), with which Xapian 1.4.22 cannot read the unguarded data back.
  static let header =
    #"{"path":"\/tmp\/review4\/big1\/a.txt","format":"txt","encoding":"utf-8","inode":16343257,"#
    + #""metadata":{"recipients":[],"companies":[],"references":[]},"modified":1796300270.3887606,"#
    + #""id":"a","size":12001025}"#

  /// Writes `data` as the only document of a new database, then reads it back from a reader.
  static func roundTrip(_ data: [UInt8], in dir: TemporaryDirectory, _ name: String) throws -> [UInt8] {
    let path = dir.sub(name)
    do {
      let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
      let doc = Document()
      try doc.setData(data)
      _ = try db.addDocument(doc)
      try db.commit()
      try db.close()
    }
    return try Database(path: path).document(1).data()
  }

  @Test func aRepeatedRunReadsBackWithItsGuard() throws {
    let dir = try TemporaryDirectory()
    var data = Array(Self.header.utf8) + [IndexSchema.dataSeparator] + Array(Self.repeatedRun.utf8)
    // Xapian's bug (compression_stream.cc, decompress_chunk): when it is fixed this known issue
    // is not recorded, the test fails, and the guard can go.
    withKnownIssue("Xapian 1.4.22 reads this tag as `Too few chunks of compressed data`") {
      _ = try Self.roundTrip(data, in: dir, "bare")
    }
    StoredDocument.appendGuard(to: &data)
    let back = try Self.roundTrip(data, in: dir, "guarded")
    #expect(back == data)
    #expect(StoredDocument.text(ofData: back).elementsEqual(Self.repeatedRun.utf8))
  }

  static func stored(_ name: String) -> StoredDocument {
    StoredDocument(
      id: name, path: "/data/\(name).txt", format: "txt", encoding: "utf-8", size: 1, modified: 1_700_000_000,
      metadata: DocumentMetadata(), embedded: nil)
  }

  @Test func longDataHasAGuardAndShortDataNone() throws {
    let long = String(repeating: "Thực hiện Chỉ thị 16/CT-TTg. ", count: 400)
    let data = try Self.stored("cv").encodeData(text: long)
    #expect(data.count > IndexSchema.dataGuardFrom)
    #expect(data[data.count - IndexSchema.dataGuardLength] == IndexSchema.dataSeparator)
    #expect(try StoredDocument.decode(data: data, withText: true).1 == long)
    #expect(String(decoding: StoredDocument.text(ofData: data), as: UTF8.self) == long)
    // An index written before guards: the same text.
    let unguarded = Array(data[..<(data.count - IndexSchema.dataGuardLength)])
    #expect(try StoredDocument.decode(data: unguarded, withText: true).1 == long)

    let short = "Số: 12/UBND-VX"
    let small = try Self.stored("cv").encodeData(text: short)
    #expect(small.count < IndexSchema.dataGuardFrom)
    #expect(small.last == short.utf8.last)
    #expect(try StoredDocument.decode(data: small, withText: true).1 == short)
  }

  @Test func theGuardDependsOnTheText() throws {
    let a = try Self.stored("cv").encodeData(text: String(repeating: "a", count: 9000))
    let b = try Self.stored("cv").encodeData(text: String(repeating: "a", count: 8999) + "b")
    #expect(a.suffix(32) != b.suffix(32))
    #expect(try Self.stored("cv").encodeData(text: String(repeating: "a", count: 9000)) == a)
  }

  /// Keys sorted: the same file gives the same bytes in every process (Swift seeds its dictionary
  /// order per process, so two runs wrote the header in two orders).
  @Test func theHeaderKeysAreSorted() throws {
    var s = Self.stored("cv")
    s.inode = 7
    s.ocr = true
    let data = try s.encodeData(text: "x")
    let header = String(decoding: data[..<data.firstIndex(of: IndexSchema.dataSeparator)!], as: UTF8.self)
    let keys = ["encoding", "format", "id", "inode", "metadata", "modified", "ocr", "path", "size"]
    let offsets = keys.map { header.range(of: "\"\($0)\":")!.lowerBound }
    #expect(offsets == offsets.sorted(), "\(header)")
    #expect(header.contains(#""path":"/data/cv.txt""#))
  }
}
