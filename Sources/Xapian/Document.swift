// Document.swift - a document's data, values and terms, new or read back.
import CXapian

/// A Xapian document: opaque data, value slots and terms.
///
///     let doc = Document()
///     try doc.setData(Array(json.utf8))
///     try doc.addBooleanTerm("Qabc")
///     try doc.addTerms(batch)
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1Document.html
public final class Document {
  let handle: OpaquePointer

  init(handle: OpaquePointer) { self.handle = handle }

  deinit { cx_document_free(handle) }

  /// An empty document. Traps only if memory runs out.
  public init() {
    var out: OpaquePointer? = nil
    mustSucceed("creating a document") { cx_document_new(&out, $0) }
    handle = out!
  }

  /// The id this document was read from, or 0 for a new document.
  public var id: UInt32 { cx_document_get_docid(handle) }

  // MARK: - Data

  /// The document's data blob, as stored.
  public func data() throws -> [UInt8] {
    try checkBytes("reading document data") { cx_document_get_data(handle, $0, $1, $2) }
  }

  /// Replaces the document's data blob.
  public func setData(_ bytes: [UInt8]) throws {
    try check("writing document data") { message in
      withBytes(bytes) { cx_document_set_data(handle, $0, $1, message) }
    }
  }

  // MARK: - Values

  /// The value in `slot` decoded as UTF-8, or "" if unset.
  public func value(_ slot: UInt32) throws -> String {
    try checkString("reading value \(slot)") { cx_document_get_value(handle, slot, $0, $1, $2) }
  }

  /// The raw bytes in `slot` (e.g. `sortable_serialise` output).
  public func valueBytes(_ slot: UInt32) throws -> [UInt8] {
    try checkBytes("reading value \(slot)") { cx_document_get_value(handle, slot, $0, $1, $2) }
  }

  /// Sets `slot`; an empty value removes it.
  public func setValue(_ slot: UInt32, _ value: String) throws {
    try check("writing value \(slot)") { message in
      withBytes(value) { cx_document_set_value(handle, slot, $0, $1, message) }
    }
  }

  /// Sets the value in `slot` to raw bytes (sortable encodings are not valid UTF-8).
  public func setValue(_ slot: UInt32, bytes: [UInt8]) throws {
    try check("writing value \(slot)") { message in
      withBytes(bytes) { cx_document_set_value(handle, slot, $0, $1, message) }
    }
  }

  // MARK: - Terms

  /// Adds `term` without a position, raising its within-document frequency by `wdfIncrement`.
  public func addTerm(_ term: String, wdfIncrement: Int = 1) throws {
    let increment = try uint32(wdfIncrement, "wdfIncrement")
    try check("adding term \(term)") { message in
      withBytes(term) { cx_document_add_term(handle, $0, $1, increment, message) }
    }
  }

  /// A filter term (wdf 0) that does not affect ranking.
  public func addBooleanTerm(_ term: String) throws {
    try check("adding boolean term \(term)") { message in
      withBytes(term) { cx_document_add_boolean_term(handle, $0, $1, message) }
    }
  }

  /// Adds `term` at `position` (for phrase and NEAR queries), raising its wdf by `wdfIncrement`.
  public func addPosting(_ term: String, position: UInt32, wdfIncrement: Int = 1) throws {
    let increment = try uint32(wdfIncrement, "wdfIncrement")
    try check("adding term \(term) at \(position)") { message in
      withBytes(term) { cx_document_add_posting(handle, $0, $1, position, increment, message) }
    }
  }

  /// Adds every term of `batch` in one call into C (the indexer's hot path),
  /// each with `wdfIncrement` (0: boolean terms, which match but count
  /// toward neither the document's length nor a weight).
  /// - throws: `.invalidArgument`, leaving the document unchanged, if a
  ///   term is empty or contains a NUL byte.
  public func addTerms(_ batch: TermBatch, wdfIncrement: UInt32 = 1) throws {
    try check("adding \(batch.count) terms") { message in
      batch.bytes.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { terms in
          batch.positions.withUnsafeBufferPointer { positions in
            cx_document_add_terms_batch(
              handle, terms.baseAddress, terms.count,
              positions.baseAddress, positions.count, wdfIncrement, message)
          }
        }
      }
    }
  }

  /// - throws: `.invalidArgument` if the document does not contain `term`.
  public func removeTerm(_ term: String) throws {
    try check("removing term \(term)") { message in
      withBytes(term) { cx_document_remove_term(handle, $0, $1, message) }
    }
  }

  /// Removes every term and posting from the document.
  public func clearTerms() throws {
    try check("clearing terms") { cx_document_clear_terms(handle, $0) }
  }

  /// Every term in byte order with its wdf (within-document frequency).
  public func terms() throws -> [(term: String, wdf: Int)] {
    var out: OpaquePointer? = nil
    try check("listing document terms") { cx_document_termlist(handle, &out, $0) }
    return try TermIterator(out!).collect("listing document terms", second: cx_term_iterator_wdf)
      .map { (term: $0.0, wdf: $0.1) }
  }
}
