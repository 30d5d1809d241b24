// WritableDatabase.swift - the single writer. Searching it goes through
// readView(), a Database sharing the writer's state.
import CXapian

/// A database opened for writing. Only one writer may hold a database at a
/// time; a second one fails with `.databaseLock`.
///
///     let db = try WritableDatabase(path: "index/")
///     try db.replaceDocument(uniqueTerm: "Qabc", with: doc)
///     try db.commit()
///
/// Changes become visible to other readers at `commit()`. Releasing the
/// object without committing makes Xapian commit and swallow any error, so
/// always call `commit()` (or `close()`) yourself.
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1WritableDatabase.html
public final class WritableDatabase {
  /// How a writable database is opened: create, open, or replace what is there.
  public enum Mode: Sendable {
    /// Open, creating an empty database if there is none.
    case createOrOpen
    /// Create an empty database, replacing any existing one.
    case createOrOverwrite
    /// Open an existing database; `.databaseNotFound` if there is none.
    case open
  }

  let handle: OpaquePointer

  deinit { cx_writable_database_free(handle) }

  /// - throws: `XapianError` `.databaseLock` if another writer has it open.
  /// - parameter flushDocuments: write buffered changes to the tables (without
  ///   committing) every this many documents. Xapian takes it only from the
  ///   environment (`XAPIAN_FLUSH_THRESHOLD`), so it is left there for later
  ///   opens; nil uses what the environment says (Xapian's default is 10000).
  ///   A value the user exported wins. Smaller keeps memory flat; Xapian's
  ///   buffers slow down as they grow.
  public init(path: String, mode: Mode = .createOrOpen, flushDocuments: UInt32? = nil) throws {
    let cMode: cx_db_mode =
      switch mode {
      case .createOrOpen: CX_DB_CREATE_OR_OPEN
      case .createOrOverwrite: CX_DB_CREATE_OR_OVERWRITE
      case .open: CX_DB_OPEN
      }
    var out: OpaquePointer? = nil
    try check("opening database for writing at \(path)") { message in
      withBytes(path) { cx_writable_database_open_with($0, $1, cMode, flushDocuments ?? 0, &out, message) }
    }
    handle = out!
  }

  /// A read-only `Database` sharing this writer's state, including
  /// uncommitted changes. Use it for `Enquire` and `QueryParser`.
  /// Closing either one closes both.
  public func readView() throws -> Database {
    var out: OpaquePointer? = nil
    try check("making a read view") { cx_writable_database_read_view(handle, &out, $0) }
    return Database(handle: out!)
  }

  /// Commits pending changes and releases the lock; later calls throw.
  public func close() throws {
    try check("closing database") { cx_writable_database_close(handle, $0) }
  }

  // MARK: - Documents

  /// Replaces every document indexed by `uniqueTerm` with `document`, or
  /// adds it if there is none. `document` should itself contain the term.
  @discardableResult
  public func replaceDocument(uniqueTerm: String, with document: Document) throws -> UInt32 {
    var id: UInt32 = 0
    try check("replacing document \(uniqueTerm)") { message in
      withBytes(uniqueTerm) {
        cx_writable_database_replace_document_by_term(handle, $0, $1, document.handle, &id, message)
      }
    }
    return id
  }

  /// Adds `document` and returns its new docid; visible to readers after `commit()`.
  @discardableResult
  public func addDocument(_ document: Document) throws -> UInt32 {
    var id: UInt32 = 0
    try check("adding a document") { cx_writable_database_add_document(handle, document.handle, &id, $0) }
    return id
  }

  /// Replaces (or creates) the document with id `id`.
  public func replaceDocument(_ id: UInt32, with document: Document) throws {
    try check("replacing document \(id)") {
      cx_writable_database_replace_document(handle, id, document.handle, $0)
    }
  }

  /// Deletes every document indexed by `uniqueTerm`; none is not an error.
  public func deleteDocument(uniqueTerm: String) throws {
    try check("deleting document \(uniqueTerm)") { message in
      withBytes(uniqueTerm) { cx_writable_database_delete_document_by_term(handle, $0, $1, message) }
    }
  }

  /// - throws: `XapianError` `.docNotFound` if there is no such document.
  public func deleteDocument(_ id: UInt32) throws {
    try check("deleting document \(id)") { cx_writable_database_delete_document(handle, id, $0) }
  }

  // MARK: - Commits and transactions

  /// Makes every change since the last commit durable and visible to readers, atomically.
  public func commit() throws {
    try check("committing") { cx_writable_database_commit(handle, $0) }
  }

  /// - parameter flushed: commit when the transaction is committed.
  public func beginTransaction(flushed: Bool = true) throws {
    try check("beginning a transaction") { cx_writable_database_begin_transaction(handle, flushed, $0) }
  }

  /// Ends the transaction begun by `beginTransaction`, keeping its changes.
  public func commitTransaction() throws {
    try check("committing a transaction") { cx_writable_database_commit_transaction(handle, $0) }
  }

  /// Ends the transaction begun by `beginTransaction`, discarding its changes.
  public func cancelTransaction() throws {
    try check("cancelling a transaction") { cx_writable_database_cancel_transaction(handle, $0) }
  }

  // MARK: - Metadata, spelling, synonyms

  /// Stores user metadata; an empty value removes the key.
  public func setMetadata(_ key: String, _ value: String) throws {
    try check("writing metadata \(key)") { message in
      withBytes(key) { keyBytes, keyLength in
        withBytes(value) {
          cx_writable_database_set_metadata(handle, keyBytes, keyLength, $0, $1, message)
        }
      }
    }
  }

  /// The user metadata keys starting with `prefix`, in byte order (committed ones, and for a
  /// writer its own uncommitted changes too).
  public func metadataKeys(prefix: String) throws -> [String] {
    var out: OpaquePointer? = nil
    try check("listing metadata keys with prefix \(prefix)") { message in
      withBytes(prefix) { cx_writable_database_metadata_keys(handle, $0, $1, &out, message) }
    }
    return try TermIterator(out!).collectTerms("listing metadata keys with prefix \(prefix)")
  }

  /// The user metadata stored under `key`; empty when there is none.
  public func metadata(_ key: String) throws -> String {
    try checkString("reading metadata \(key)") { out, length, message in
      withBytes(key) { cx_writable_database_get_metadata(handle, $0, $1, out, length, message) }
    }
  }

  /// Adds `word` to the spelling dictionary, or raises its frequency.
  public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws {
    let increment = try uint32(frequencyIncrement, "frequencyIncrement")
    try check("adding spelling \(word)") { message in
      withBytes(word) { cx_writable_database_add_spelling(handle, $0, $1, increment, message) }
    }
  }

  /// Adds each word of `words` (positions are ignored) with frequency +1, in one call.
  public func addSpellings(_ words: TermBatch) throws {
    try spellings(words, "adding", cx_writable_database_add_spellings)
  }

  /// Takes each word of `words` back from the spelling data (frequency -1; a word at 0 leaves),
  /// in one call: what `addSpellings` gave for a document that is replaced or deleted.
  public func removeSpellings(_ words: TermBatch) throws {
    try spellings(words, "removing", cx_writable_database_remove_spellings)
  }

  /// One batch of spelling words through `entry` (the add or the remove C entry).
  private func spellings(
    _ words: TermBatch, _ verb: String,
    _ entry: (OpaquePointer?, UnsafePointer<CChar>?, Int, Int, CMessage) -> cx_status
  ) throws {
    guard !words.isEmpty else { return }
    try check("\(verb) \(words.count) spellings") { message in
      words.bytes.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { entry(handle, $0.baseAddress, $0.count, words.count, message) }
      }
    }
  }

  /// Records `synonym` as a synonym of `term` for the query parser.
  public func addSynonym(_ term: String, _ synonym: String) throws {
    try check("adding synonym \(synonym) of \(term)") { message in
      withBytes(term) { termBytes, termLength in
        withBytes(synonym) {
          cx_writable_database_add_synonym(handle, termBytes, termLength, $0, $1, message)
        }
      }
    }
  }

  // MARK: - Reading

  /// The number of documents in the database.
  public func documentCount() throws -> Int {
    var count: UInt32 = 0
    try check("counting documents") { cx_writable_database_get_doccount(handle, &count, $0) }
    return Int(count)
  }

  /// - throws: `XapianError` `.docNotFound` if there is no such document.
  public func document(_ id: UInt32) throws -> Document {
    var out: OpaquePointer? = nil
    try check("reading document \(id)") { cx_writable_database_get_document(handle, id, &out, $0) }
    return Document(handle: out!)
  }

  /// The docids of the documents that hold `term`, in ascending order.
  public func postings(_ term: String) throws -> [UInt32] {
    try collectPostings(term) { message, ids, count in
      withBytes(term) { cx_writable_database_postlist(handle, $0, $1, ids, count, message) }
    }
  }

  /// Every term starting with `prefix`, with the number of documents holding it, in sorted order.
  public func allTerms(prefix: String) throws -> [(term: String, frequency: Int)] {
    var out: OpaquePointer? = nil
    try check("listing terms with prefix \(prefix)") { message in
      withBytes(prefix) { cx_writable_database_allterms(handle, $0, $1, &out, message) }
    }
    return try TermIterator(out!).collect(
      "listing terms with prefix \(prefix)",
      second: cx_term_iterator_termfreq
    )
    .map { (term: $0.0, frequency: $0.1) }
  }

  /// Whether any document holds `term`.
  public func termExists(_ term: String) throws -> Bool {
    var exists = false
    try check("looking up term \(term)") { message in
      withBytes(term) { cx_writable_database_term_exists(handle, $0, $1, &exists, message) }
    }
    return exists
  }
}
