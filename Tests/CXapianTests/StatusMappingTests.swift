// StatusMappingTests.swift - Xapian exceptions become the right cx_status,
// with a message, and never abort the process.
import CXapian
import Foundation
import Testing

/// Calls `body` with a message slot and returns the status plus the message
/// text, freeing the message with cx_string_free as callers must.
private func call(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> cx_status) -> (cx_status, String?) {
  var message: UnsafeMutablePointer<CChar>? = nil
  let status = body(&message)
  defer { cx_string_free(message) }
  return (status, message.map { String(cString: $0) })
}

private func openWritable(
  _ path: String, _ mode: cx_db_mode = CX_DB_CREATE_OR_OPEN
) -> (cx_status, OpaquePointer?, String?) {
  var db: OpaquePointer? = nil
  let (status, message) = call { msg in
    path.withCString { cx_writable_database_open($0, strlen($0), mode, &db, msg) }
  }
  return (status, db, message)
}

@Suite struct StatusMappingTests {
  @Test func missingDatabaseIsNotFound() throws {
    let dir = try TemporaryDirectory()
    var db: OpaquePointer? = nil
    let (status, message) = call { msg in
      dir.sub("nope").withCString { cx_database_open($0, strlen($0), &db, msg) }
    }
    #expect(status == CX_DATABASE_NOT_FOUND || status == CX_DATABASE_OPENING)
    #expect(db == nil)
    #expect(message?.isEmpty == false)
  }

  @Test func openExistingModeOnMissingDatabaseFails() throws {
    let dir = try TemporaryDirectory()
    let (status, db, message) = openWritable(dir.sub("nope"), CX_DB_OPEN)
    #expect(status == CX_DATABASE_NOT_FOUND || status == CX_DATABASE_OPENING)
    #expect(db == nil)
    #expect(message != nil)
  }

  @Test func syntaxErrorIsQueryParserStatus() throws {
    var parser: OpaquePointer? = nil
    #expect(call { cx_query_parser_new(&parser, $0) }.0 == CX_OK)
    defer { cx_query_parser_free(parser) }
    var query: OpaquePointer? = nil
    let text = "AND ("
    let flags = UInt32(CX_QP_FLAG_BOOLEAN.rawValue | CX_QP_FLAG_PHRASE.rawValue)
    let (status, message) = call { msg in
      text.withCString { cx_query_parser_parse_query(parser, $0, strlen($0), flags, &query, msg) }
    }
    #expect(status == CX_QUERY_PARSER)
    #expect(query == nil)
    #expect(message?.contains("Syntax") == true)
  }

  @Test func secondWriterGetsLockStatus() throws {
    let dir = try TemporaryDirectory()
    let (first, writer, _) = openWritable(dir.path)
    #expect(first == CX_OK)
    defer { cx_writable_database_free(writer) }
    let (second, other, message) = openWritable(dir.path)
    #expect(second == CX_DATABASE_LOCK)
    #expect(other == nil)
    #expect(message?.isEmpty == false)
  }

  @Test func corruptDatabaseIsReported() throws {
    let dir = try TemporaryDirectory()
    let (status, writer, _) = openWritable(dir.path)
    try #require(status == CX_OK)
    var doc: OpaquePointer? = nil
    #expect(call { cx_document_new(&doc, $0) }.0 == CX_OK)
    #expect(call { cx_document_add_term(doc, "x", 1, 1, $0) }.0 == CX_OK)
    #expect(call { cx_writable_database_add_document(writer, doc, nil, $0) }.0 == CX_OK)
    #expect(call { cx_writable_database_close(writer, $0) }.0 == CX_OK)
    cx_document_free(doc)
    cx_writable_database_free(writer)

    // Truncate the version file that every open reads first.
    let versionFile = dir.sub("iamglass")
    let handle = try #require(FileHandle(forWritingAtPath: versionFile))
    try handle.truncate(atOffset: 10)
    try handle.close()

    var db: OpaquePointer? = nil
    let (openStatus, message) = call { msg in
      dir.path.withCString { cx_database_open($0, strlen($0), &db, msg) }
    }
    #expect([CX_DATABASE_CORRUPT, CX_DATABASE_OPENING, CX_DATABASE_VERSION].contains(openStatus))
    #expect(db == nil)
    #expect(message?.isEmpty == false)
  }

  @Test func nullHandleIsInvalidArgument() {
    var count: UInt32 = 0
    let (status, message) = call { cx_database_get_doccount(nil, &count, $0) }
    #expect(status == CX_INVALID_ARGUMENT)
    #expect(message == "db is NULL")
  }

  @Test func messageMayBeOmitted() throws {
    let dir = try TemporaryDirectory()
    var db: OpaquePointer? = nil
    let status = dir.sub("nope").withCString { cx_database_open($0, strlen($0), &db, nil) }
    #expect(status != CX_OK)
  }

  @Test func statusNames() {
    #expect(String(cString: cx_status_to_string(CX_OK)) == "CX_OK")
    #expect(String(cString: cx_status_to_string(CX_DATABASE_LOCK)) == "CX_DATABASE_LOCK")
    #expect(String(cString: cx_status_to_string(CX_UNKNOWN)) == "CX_UNKNOWN")
    #expect(String(cString: cx_version_string()).hasPrefix("1.4"))
  }
}
