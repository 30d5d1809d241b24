// LifetimeTests.swift - children outlive parents; closed databases fail with
// a status instead of crashing.
import CXapian
import Foundation
import Testing

private func ok(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> cx_status) -> cx_status {
  var message: UnsafeMutablePointer<CChar>? = nil
  defer { cx_string_free(message) }
  return body(&message)
}

@Suite struct LifetimeTests {
  /// A one-document database at `path`, reopened read-only.
  private func makeDatabase(_ path: String) -> OpaquePointer? {
    var writer: OpaquePointer? = nil
    var doc: OpaquePointer? = nil
    _ = ok { msg in
      path.withCString { cx_writable_database_open($0, strlen($0), CX_DB_CREATE_OR_OVERWRITE, &writer, msg) }
    }
    _ = ok { cx_document_new(&doc, $0) }
    _ = ok { cx_document_add_term(doc, "hello", 5, 1, $0) }
    _ = ok { cx_writable_database_add_document(writer, doc, nil, $0) }
    _ = ok { cx_writable_database_close(writer, $0) }
    cx_document_free(doc)
    cx_writable_database_free(writer)
    var db: OpaquePointer? = nil
    _ = ok { msg in path.withCString { cx_database_open($0, strlen($0), &db, msg) } }
    return db
  }

  @Test func childrenOutliveFreedParents() throws {
    let dir = try TemporaryDirectory()
    let db = try #require(makeDatabase(dir.path))
    var query: OpaquePointer? = nil
    var enquire: OpaquePointer? = nil
    var mset: OpaquePointer? = nil
    #expect(ok { cx_query_new_term("hello", 5, 1, 0, &query, $0) } == CX_OK)
    #expect(ok { cx_enquire_new(db, &enquire, $0) } == CX_OK)
    #expect(ok { cx_enquire_set_query(enquire, query, $0) } == CX_OK)
    cx_query_free(query)
    cx_database_free(db)
    #expect(ok { cx_enquire_get_mset(enquire, 0, 10, 0, &mset, $0) } == CX_OK)
    cx_enquire_free(enquire)
    #expect(cx_mset_size(mset) == 1)
    var doc: OpaquePointer? = nil
    #expect(ok { cx_mset_get_document(mset, 0, &doc, $0) } == CX_OK)
    cx_mset_free(mset)
    var termCount = 0
    var it: OpaquePointer? = nil
    #expect(ok { cx_document_termlist(doc, &it, $0) } == CX_OK)
    while cx_term_iterator_valid(it) {
      termCount += 1
      _ = ok { cx_term_iterator_next(it, $0) }
    }
    cx_term_iterator_free(it)
    cx_document_free(doc)
    #expect(termCount == 1)
  }

  @Test func closedDatabaseFailsWithStatus() throws {
    let dir = try TemporaryDirectory()
    let db = try #require(makeDatabase(dir.path))
    var enquire: OpaquePointer? = nil
    var query: OpaquePointer? = nil
    #expect(ok { cx_enquire_new(db, &enquire, $0) } == CX_OK)
    #expect(ok { cx_query_new_term("hello", 5, 1, 0, &query, $0) } == CX_OK)
    #expect(ok { cx_enquire_set_query(enquire, query, $0) } == CX_OK)
    #expect(ok { cx_database_close(db, $0) } == CX_OK)

    var count: UInt32 = 0
    var message: UnsafeMutablePointer<CChar>? = nil
    #expect(cx_database_get_doccount(db, &count, &message) == CX_DATABASE_ERROR)
    #expect(message.map { String(cString: $0) }?.contains("closed") == true)
    cx_string_free(message)

    var mset: OpaquePointer? = nil
    #expect(ok { cx_enquire_get_mset(enquire, 0, 10, 0, &mset, $0) } != CX_OK)
    #expect(mset == nil)
    cx_database_free(db)
    cx_enquire_free(enquire)
    cx_query_free(query)
  }

  /// Each kind of spy answers only its own questions, with a status; bad pointers are refused.
  @Test func spiesAndValueCodesRefuseWhatTheyCannotAnswer() throws {
    var docids: OpaquePointer? = nil
    var counts: OpaquePointer? = nil
    #expect(ok { cx_matchspy_new_docids(&docids, $0) } == CX_OK)
    #expect(ok { cx_matchspy_new_value_count(0, &counts, $0) } == CX_OK)
    defer {
      cx_matchspy_free(docids)
      cx_matchspy_free(counts)
    }
    var ids: UnsafePointer<UInt32>? = nil
    var count = 0
    var values: OpaquePointer? = nil
    #expect(ok { cx_matchspy_get_docids(docids, &ids, &count, $0) } == CX_OK && count == 0)
    #expect(ok { cx_matchspy_get_docids(counts, &ids, &count, $0) } == CX_INVALID_ARGUMENT)
    #expect(ok { cx_matchspy_top_values(docids, 5, &values, $0) } == CX_INVALID_ARGUMENT)
    var total: UInt32 = 9
    #expect(ok { cx_matchspy_get_total(docids, &total, $0) } == CX_OK && total == 0)

    let dir = try TemporaryDirectory()
    let db = try #require(makeDatabase(dir.path))
    defer { cx_database_free(db) }
    var codes = [UInt32](repeating: 0, count: 2)
    var bytes: UnsafeMutablePointer<CChar>? = nil
    var length = 0
    var ends: UnsafeMutablePointer<UInt32>? = nil
    var ended = 0
    #expect(ok { cx_database_value_codes(db, 0, nil, 2, &bytes, &length, &ends, &ended, $0) } == CX_INVALID_ARGUMENT)
    #expect(ok { cx_database_value_codes(db, 0, &codes, 2, nil, &length, &ends, &ended, $0) } == CX_INVALID_ARGUMENT)
    #expect(ok { cx_database_value_codes(db, 0, &codes, 2, &bytes, &length, &ends, &ended, $0) } == CX_OK)
    #expect(ended == 0 && length == 0 && ends == nil && codes == [0, 0], "the document has no value")
    cx_string_free(bytes)
  }

  @Test func freeAcceptsNull() {
    cx_database_free(nil)
    cx_writable_database_free(nil)
    cx_document_free(nil)
    cx_term_iterator_free(nil)
    cx_query_free(nil)
    cx_query_parser_free(nil)
    cx_enquire_free(nil)
    cx_mset_free(nil)
    cx_matchspy_free(nil)
    cx_string_free(nil)
    cx_docids_free(nil)
  }
}
