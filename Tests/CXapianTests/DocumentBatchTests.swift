// DocumentBatchTests.swift - the batch term call adds terms and positions in
// one crossing and rejects malformed buffers without touching the document.
import CXapian
import Foundation
import Testing

private func ok(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> cx_status) -> cx_status {
  var message: UnsafeMutablePointer<CChar>? = nil
  defer { cx_string_free(message) }
  return body(&message)
}

/// (term, wdf) pairs of a document's termlist.
private func termlist(_ doc: OpaquePointer?) -> [(String, UInt32)] {
  var it: OpaquePointer? = nil
  guard ok({ cx_document_termlist(doc, &it, $0) }) == CX_OK else { return [] }
  defer { cx_term_iterator_free(it) }
  var result: [(String, UInt32)] = []
  while cx_term_iterator_valid(it) {
    var bytes: UnsafePointer<CChar>? = nil
    var length = 0
    var wdf: UInt32 = 0
    _ = ok { cx_term_iterator_term(it, &bytes, &length, $0) }
    _ = ok { cx_term_iterator_wdf(it, &wdf, $0) }
    let data = Data(bytes: bytes!, count: length)
    result.append((String(decoding: data, as: UTF8.self), wdf))
    _ = ok { cx_term_iterator_next(it, $0) }
  }
  return result
}

@Suite struct DocumentBatchTests {
  @Test func batchAddsTermsAndPostings() {
    var doc: OpaquePointer? = nil
    #expect(ok { cx_document_new(&doc, $0) } == CX_OK)
    defer { cx_document_free(doc) }
    let terms: [UInt8] = Array("b\0a\0b\0".utf8)
    let positions: [UInt32] = [1, 0, 3]
    let status = terms.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        ok { cx_document_add_terms_batch(doc, chars.baseAddress, chars.count, positions, 3, 1, $0) }
      }
    }
    #expect(status == CX_OK)
    let list = termlist(doc)
    #expect(list.map(\.0) == ["a", "b"])
    #expect(list.map(\.1) == [1, 2])
  }

  @Test(arguments: ["a\0b", "a\0\0", "a\0b\0c\0"])
  func malformedBatchLeavesDocumentUnchanged(buffer: String) {
    var doc: OpaquePointer? = nil
    #expect(ok { cx_document_new(&doc, $0) } == CX_OK)
    defer { cx_document_free(doc) }
    let bytes = Array(buffer.utf8)
    var message: UnsafeMutablePointer<CChar>? = nil
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cx_document_add_terms_batch(doc, chars.baseAddress, chars.count, nil, 2, 1, &message)
      }
    }
    #expect(status == CX_INVALID_ARGUMENT)
    #expect(message != nil)
    cx_string_free(message)
    #expect(termlist(doc).isEmpty)
  }

  @Test(arguments: ["a\0b", "a\0\0", "a\0b\0c\0"])
  func malformedSpellingBatchIsRejected(buffer: String) throws {
    let dir = try TemporaryDirectory()
    var db: OpaquePointer? = nil
    #expect(
      ok { msg in
        dir.path.withCString { cx_writable_database_open($0, strlen($0), CX_DB_CREATE_OR_OVERWRITE, &db, msg) }
      } == CX_OK)
    defer { cx_writable_database_free(db) }
    let bytes = Array(buffer.utf8)
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        ok { cx_writable_database_add_spellings(db, chars.baseAddress, chars.count, 2, $0) }
      }
    }
    #expect(status == CX_INVALID_ARGUMENT)
  }

  @Test func binaryDataRoundTrips() {
    var doc: OpaquePointer? = nil
    #expect(ok { cx_document_new(&doc, $0) } == CX_OK)
    defer { cx_document_free(doc) }
    let data: [CChar] = [0x7B, 0, 0x7D, 0]
    #expect(ok { cx_document_set_data(doc, data, data.count, $0) } == CX_OK)
    var out: UnsafeMutablePointer<CChar>? = nil
    var length = 0
    #expect(ok { cx_document_get_data(doc, &out, &length, $0) } == CX_OK)
    defer { cx_string_free(out) }
    #expect(length == 4)
    #expect(Array(UnsafeBufferPointer(start: out, count: length)) == data)
  }
}
