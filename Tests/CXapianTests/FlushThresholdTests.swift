// FlushThresholdTests.swift - cx_writable_database_open_with hands Xapian a
// flush threshold through the environment.
import CXapian
import Foundation
import Testing

@Suite struct FlushThresholdTests {
  private func open(_ path: String, flush: UInt32) throws -> OpaquePointer {
    var writer: OpaquePointer? = nil
    var message: UnsafeMutablePointer<CChar>? = nil
    defer { cx_string_free(message) }
    let status = path.withCString {
      cx_writable_database_open_with($0, strlen($0), CX_DB_CREATE_OR_OVERWRITE, flush, &writer, &message)
    }
    #expect(status == CX_OK)
    return try #require(writer)
  }

  /// Adds `count` one-term documents without committing.
  private func add(_ count: Int, to writer: OpaquePointer) {
    for i in 0..<count {
      var doc: OpaquePointer? = nil
      var message: UnsafeMutablePointer<CChar>? = nil
      _ = cx_document_new(&doc, &message)
      let term = "word\(i)"
      _ = term.withCString { cx_document_add_term(doc, $0, strlen($0), 1, &message) }
      _ = cx_writable_database_add_document(writer, doc, nil, &message)
      cx_document_free(doc)
      cx_string_free(message)
    }
  }

  private func postlistBytes(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path + "/postlist.glass"))?[.size] as? Int) ?? 0
  }

  /// Assumes the test run's environment has no XAPIAN_FLUSH_THRESHOLD of its own (a value
  /// exported before the first open wins over every open's threshold).
  @Test func eachOpenGetsItsThreshold() throws {
    let flushed = try TemporaryDirectory()
    let buffered = try TemporaryDirectory()
    let a = try open(flushed.path, flush: 2)
    let b = try open(buffered.path, flush: 10_000)
    add(5, to: a)
    add(5, to: b)
    // Written to the table (not committed) only where the threshold was passed.
    #expect(postlistBytes(flushed.path) > 0)
    #expect(postlistBytes(buffered.path) == 0)
    cx_writable_database_free(a)
    cx_writable_database_free(b)
  }
}
