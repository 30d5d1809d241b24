// Enquire.swift - runs a query against a database: weighting, ordering,
// collapsing and match spies.
import CXapian

/// One search session over a database.
///
///     let enquire = try Enquire(database: db)
///     try enquire.setQuery(query)
///     let page = try enquire.matches(offset: 0, limit: 10)
///
/// To search a `WritableDatabase`, use `Enquire(database: writer)` (which
/// takes its `readView()`).
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1Enquire.html
public final class Enquire {
  /// How documents of equal weight are ordered (`set_docid_order`).
  public enum DocumentIDOrder: Sendable { case ascending, descending, dontCare }

  let handle: OpaquePointer
  /// Held so the database outlives this enquire on the Swift side too.
  public let database: Database

  deinit { cx_enquire_free(handle) }

  /// A query session over `database`.
  public init(database: Database) throws {
    var out: OpaquePointer? = nil
    try check("creating an enquire") { cx_enquire_new(database.handle, &out, $0) }
    handle = out!
    self.database = database
  }

  /// Searches a writer's `readView()`, which sees uncommitted changes.
  public convenience init(database: WritableDatabase) throws {
    try self.init(database: database.readView())
  }

  /// The query whose matches `matches` returns.
  public func setQuery(_ q: Query) throws {
    try check("setting the query") { cx_enquire_set_query(handle, q.handle, $0) }
  }

  /// BM25 weighting. Xapian's defaults are k1 1, k2 0, k3 1, b 0.5,
  /// minNormLength 0.5.
  /// - throws: `.invalidArgument` for negative parameters.
  public func setBM25(
    k1: Double, k2: Double = 0, k3: Double = 1, b: Double,
    minNormLength: Double = 0.5
  ) throws {
    try check("setting BM25 weighting") {
      cx_enquire_set_weighting_bm25(handle, k1, k2, k3, b, minNormLength, $0)
    }
  }

  /// Order among equally ranked documents.
  public func setDocumentIDOrder(_ order: DocumentIDOrder) throws {
    let cOrder: cx_docid_order =
      switch order {
      case .ascending: CX_DOCID_ORDER_ASCENDING
      case .descending: CX_DOCID_ORDER_DESCENDING
      case .dontCare: CX_DOCID_ORDER_DONT_CARE
      }
    try check("setting the docid order") { cx_enquire_set_docid_order(handle, cOrder, $0) }
  }

  /// Orders matches by weight, best first (the default).
  public func setSortByRelevance() throws {
    try check("sorting by relevance") { cx_enquire_set_sort_by_relevance(handle, $0) }
  }

  /// Sorts by the bytes of the value in `slot`, ascending unless `reverse`.
  public func setSortByValue(_ slot: UInt32, reverse: Bool) throws {
    try check("sorting by value \(slot)") { cx_enquire_set_sort_by_value(handle, slot, reverse, $0) }
  }

  /// Orders matches by the value in `slot` (descending when `reverse`), ties by weight.
  public func setSortByValueThenRelevance(_ slot: UInt32, reverse: Bool) throws {
    try check("sorting by value \(slot) then relevance") {
      cx_enquire_set_sort_by_value_then_relevance(handle, slot, reverse, $0)
    }
  }

  /// Orders matches by weight, ties by the value in `slot` (descending when `reverse`).
  public func setSortByRelevanceThenValue(_ slot: UInt32, reverse: Bool) throws {
    try check("sorting by relevance then value \(slot)") {
      cx_enquire_set_sort_by_relevance_then_value(handle, slot, reverse, $0)
    }
  }

  /// Keeps at most `max` matches per distinct value of `slot`; `nil`
  /// turns collapsing off.
  public func setCollapseKey(_ slot: UInt32?, max: Int = 1) throws {
    let collapseMax = try uint32(max, "max")
    try check("setting the collapse key") {
      cx_enquire_set_collapse_key(handle, slot ?? CX_BAD_VALUENO, collapseMax, $0)
    }
  }

  /// The spy sees every match the matcher considers (pass `checkAtLeast`
  /// to `matches` to make that all of them). Counts accumulate across
  /// calls to `matches`.
  public func add(_ spy: ValueCountMatchSpy) throws {
    try check("adding a match spy") { cx_enquire_add_matchspy(handle, spy.handle, $0) }
  }

  /// As `add(_:)` for a value count spy. A remote database cannot run it.
  public func add(_ spy: DocumentIDMatchSpy) throws {
    try check("adding a match spy") { cx_enquire_add_matchspy(handle, spy.handle, $0) }
  }

  /// Runs the query and returns one page of results.
  /// - parameter checkAtLeast: consider at least this many matches (for
  ///   exact totals and complete match-spy counts, pass the document count).
  public func matches(offset: Int, limit: Int, checkAtLeast: Int = 0) throws -> MatchSet {
    let first = try uint32(offset, "offset")
    let maxItems = try uint32(limit, "limit")
    let atLeast = try uint32(checkAtLeast, "checkAtLeast")
    var out: OpaquePointer? = nil
    try check("running the query") { cx_enquire_get_mset(handle, first, maxItems, atLeast, &out, $0) }
    return try MatchSet(handle: out!)
  }
}
