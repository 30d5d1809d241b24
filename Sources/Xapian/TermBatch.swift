// TermBatch.swift - terms gathered in Swift and handed to C in one call,
// because bridging one String per term dominates indexing time.

/// Terms (with optional positions) to add to a `Document` in one call.
///
///     var batch = TermBatch()
///     for (i, word) in words.enumerated() { batch.append(word, position: UInt32(i + 1)) }
///     try doc.addTerms(batch)
///     batch.removeAll()          // reuse the storage for the next document
///
/// Stored as NUL-terminated UTF-8 back to back plus one position per term;
/// position 0 means "no position" (a plain term with wdf +1). Terms must be
/// non-empty and must not contain NUL; `Document.addTerms` rejects the whole
/// batch otherwise.
public struct TermBatch: Sendable {
  // Internal, and usable from inlinable code: `append` is inlined into the indexer's loop, which
  // calls it for every word of every document. Not inlined, the generic `append(utf8:)` looked up
  // its type metadata on each call (7% of indexing CPU on real documents).
  @usableFromInline var bytes: [UInt8] = []
  @usableFromInline var positions: [UInt32] = []

  /// An empty batch.
  public init() {}

  @inlinable
  public mutating func append(_ term: String, position: UInt32 = 0) {
    bytes.append(contentsOf: term.utf8)
    bytes.append(0)
    positions.append(position)
  }

  /// Appends a term already in UTF-8, avoiding a String.
  @inlinable
  public mutating func append(utf8 term: some Collection<UInt8>, position: UInt32 = 0) {
    bytes.append(contentsOf: term)
    bytes.append(0)
    positions.append(position)
  }

  /// The number of postings in the batch.
  public var count: Int { positions.count }

  /// Whether the batch holds no posting.
  public var isEmpty: Bool { positions.isEmpty }

  public mutating func reserveCapacity(terms: Int, bytes byteCount: Int) {
    positions.reserveCapacity(terms)
    bytes.reserveCapacity(byteCount)
  }

  public mutating func removeAll(keepingCapacity: Bool = true) {
    bytes.removeAll(keepingCapacity: keepingCapacity)
    positions.removeAll(keepingCapacity: keepingCapacity)
  }
}
