// Database.swift - a read-only database: a local glass directory, a remote
// xapian-tcpsrv, or several of those combined with add(_:).
import CXapian

/// A read-only Xapian database.
///
///     let db = try Database(path: "index/")
///     let count = try db.documentCount()
///
/// Not thread-safe: use each instance (and everything made from it) from one
/// thread at a time. Documents, enquires and match sets made from a database
/// stay valid after it is released; after `close()` they throw instead.
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1Database.html
public final class Database {
  let handle: OpaquePointer

  init(handle: OpaquePointer) { self.handle = handle }

  deinit { cx_database_free(handle) }

  /// Opens a glass database directory. Stub files (`XAPIANDB`) are never
  /// followed: a stub can name a program for Xapian to run (`remote :PROG`),
  /// so a directory holding one is refused; combine shards with `add(_:)`.
  /// - throws: `XapianError` `.databaseNotFound`, `.databaseOpening`,
  ///   `.databaseVersion`, `.databaseCorrupt`...
  public init(path: String) throws {
    var out: OpaquePointer? = nil
    try check("opening database at \(path)") { message in
      withBytes(path) { cx_database_open($0, $1, &out, message) }
    }
    handle = out!
  }

  /// Connects to a `xapian-tcpsrv`. The timeout applies both to connecting
  /// and to each operation.
  /// - throws: `XapianError` `.network` or `.networkTimeout`.
  public init(remoteHost: String, port: Int, timeoutMilliseconds: Int = 10_000) throws {
    guard (1...65_535).contains(port) else {
      throw XapianError.invalidArgument(
        "port \(port) is outside 1...65535",
        context: "connecting to \(remoteHost)")
    }
    let timeout = try uint32(timeoutMilliseconds, "timeoutMilliseconds")
    var out: OpaquePointer? = nil
    try check("connecting to \(remoteHost):\(port)") { message in
      withBytes(remoteHost) {
        cx_database_open_remote($0, $1, UInt32(port), timeout, timeout, &out, message)
      }
    }
    handle = out!
  }

  /// A database with no shards; combine shards into it with `add(_:)`.
  public init() {
    var out: OpaquePointer? = nil
    mustSucceed("creating an empty database") { cx_database_new_empty(&out, $0) }
    handle = out!
  }

  /// Adds `shard`'s shards so they are searched as one database.
  /// Document ids interleave: with n shards, shard k's document i has id
  /// (i - 1) * n + k + 1.
  public func add(_ shard: Database) throws {
    try check("adding a shard") { cx_database_add_database(handle, shard.handle, $0) }
  }

  /// Moves to the latest committed revision.
  /// - returns: whether the database may have changed.
  @discardableResult
  public func reopen() throws -> Bool {
    var changed = false
    try check("reopening database") { cx_database_reopen(handle, &changed, $0) }
    return changed
  }

  /// Releases files and connections now; later calls throw `.databaseError`.
  public func close() throws {
    try check("closing database") { cx_database_close(handle, $0) }
  }

  // MARK: - Reading

  /// The number of documents in the database.
  public func documentCount() throws -> Int {
    var count: UInt32 = 0
    try check("counting documents") { cx_database_get_doccount(handle, &count, $0) }
    return Int(count)
  }

  /// The committed revision this reader is on, which grows with each commit: with `uuid`, what
  /// tells one state of a database from another.
  /// - throws: `.invalidOperation` for a combination of several databases (ask each shard);
  ///   an error for a remote one, whose backend does not implement it.
  public func revision() throws -> UInt64 {
    var rev: UInt64 = 0
    try check("reading the revision") { cx_database_get_revision(handle, &rev, $0) }
    return rev
  }

  /// The database's UUID: a new one for each database created (a rebuild's shards have new ones).
  public func uuid() throws -> String {
    try checkString("reading the UUID") { cx_database_get_uuid(handle, $0, $1, $2) }
  }

  /// The highest docid in use (0 for an empty database).
  public func lastDocumentID() throws -> UInt32 {
    var id: UInt32 = 0
    try check("reading the last document id") { cx_database_get_lastdocid(handle, &id, $0) }
    return id
  }

  /// - throws: `XapianError` `.docNotFound` if there is no such document.
  public func document(_ id: UInt32) throws -> Document {
    var out: OpaquePointer? = nil
    try check("reading document \(id)") { cx_database_get_document(handle, id, &out, $0) }
    return Document(handle: out!)
  }

  /// Whether any document holds `term`.
  public func termExists(_ term: String) throws -> Bool {
    var exists = false
    try check("looking up term \(term)") { message in
      withBytes(term) { cx_database_term_exists(handle, $0, $1, &exists, message) }
    }
    return exists
  }

  /// Number of documents indexed by `term`.
  public func termFrequency(_ term: String) throws -> Int {
    var frequency: UInt32 = 0
    try check("reading the frequency of term \(term)") { message in
      withBytes(term) { cx_database_get_termfreq(handle, $0, $1, &frequency, message) }
    }
    return Int(frequency)
  }

  /// Ids of the documents indexed by `term`, ascending.
  public func postings(_ term: String) throws -> [UInt32] {
    try collectPostings(term) { message, ids, count in
      withBytes(term) { cx_database_postlist(handle, $0, $1, ids, count, message) }
    }
  }

  /// The value in `slot` of every document below `end`, as numbers into a list
  /// of the distinct values: `codes[docid]` is 1 + the value's index in
  /// `values`, or 0 when the document has none. One pass over the slot's value
  /// stream; values are numbered in the order they first occur. Values are
  /// bytes, told apart byte by byte (two spellings of one text are two values,
  /// as a value count spy counts them).
  ///
  ///     let end = Int(try db.lastDocumentID()) + 1
  ///     let (codes, years) = try db.valueCodes(slot: 4, end: end)
  ///     // years[Int(codes[42]) - 1] is document 42's year (UTF-8), when codes[42] > 0
  public func valueCodes(slot: UInt32, end: Int) throws -> (codes: [UInt32], values: [[UInt8]]) {
    guard end >= 0 else { throw XapianError.invalidArgument("negative end \(end)") }
    var codes = [UInt32](repeating: 0, count: end)
    var bytes: UnsafeMutablePointer<CChar>? = nil
    var length = 0
    var ends: UnsafeMutablePointer<UInt32>? = nil
    var count = 0
    defer {
      cx_string_free(bytes)
      cx_docids_free(ends)
    }
    try codes.withUnsafeMutableBufferPointer { buffer in
      try check("reading the values of slot \(slot)") {
        cx_database_value_codes(handle, slot, buffer.baseAddress, end, &bytes, &length, &ends, &count, $0)
      }
    }
    var values: [[UInt8]] = []
    values.reserveCapacity(count)
    if let bytes, let ends {
      bytes.withMemoryRebound(to: UInt8.self, capacity: length) { base in
        var start = 0
        for i in 0..<count {
          let stop = Int(ends[i])
          values.append(Array(UnsafeBufferPointer(start: base + start, count: stop - start)))
          start = stop
        }
      }
    }
    return (codes, values)
  }

  /// Every term starting with `prefix`, in byte order, with the number of
  /// documents indexed by it.
  public func allTerms(prefix: String) throws -> [(term: String, frequency: Int)] {
    var out: OpaquePointer? = nil
    try check("listing terms with prefix \(prefix)") { message in
      withBytes(prefix) { cx_database_allterms(handle, $0, $1, &out, message) }
    }
    return try TermIterator(out!).collect(
      "listing terms with prefix \(prefix)",
      second: cx_term_iterator_termfreq
    )
    .map { (term: $0.0, frequency: $0.1) }
  }

  /// The most frequent spelling-table entry within `maxEditDistance` of
  /// `word`, or "" if there is none (`word` itself is never suggested).
  public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws -> String {
    let distance = try uint32(maxEditDistance, "maxEditDistance")
    return try checkString("suggesting a spelling for \(word)") { out, length, message in
      withBytes(word) {
        cx_database_get_spelling_suggestion(handle, $0, $1, distance, out, length, message)
      }
    }
  }

  /// The user metadata keys starting with `prefix`, in byte order (committed ones, and for a
  /// writer its own uncommitted changes too).
  public func metadataKeys(prefix: String) throws -> [String] {
    var out: OpaquePointer? = nil
    try check("listing metadata keys with prefix \(prefix)") { message in
      withBytes(prefix) { cx_database_metadata_keys(handle, $0, $1, &out, message) }
    }
    return try TermIterator(out!).collectTerms("listing metadata keys with prefix \(prefix)")
  }

  /// User metadata stored under `key`, or "" if none.
  public func metadata(_ key: String) throws -> String {
    try checkString("reading metadata \(key)") { out, length, message in
      withBytes(key) { cx_database_get_metadata(handle, $0, $1, out, length, message) }
    }
  }

  /// Writes a compacted copy of this database (all shards merged) to `path`.
  public func compact(to path: String, singleFile: Bool = false) throws {
    let flags: UInt32 = singleFile ? UInt32(CX_COMPACT_SINGLE_FILE.rawValue) : 0
    try check("compacting to \(path)") { message in
      withBytes(path) { cx_database_compact(handle, $0, $1, flags, message) }
    }
  }
}

/// Shared by Database and WritableDatabase: takes ownership of a malloc'd
/// docid array.
func collectPostings(
  _ term: String,
  _ call: (CMessage, UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>, UnsafeMutablePointer<Int>) -> cx_status
) throws -> [UInt32] {
  var ids: UnsafeMutablePointer<UInt32>? = nil
  var count = 0
  defer { cx_docids_free(ids) }
  try check("reading postings of \(term)") { call($0, &ids, &count) }
  return Array(UnsafeBufferPointer(start: ids, count: count))
}
