// Query.swift - queries built by hand; QueryParser builds them from text.
import CXapian

/// An immutable Xapian query.
///
///     let phrase = try Query(.phrase, [Query(term: "nghị"), Query(term: "định")])
///     let recent = Query(valueAtLeast: 1, "20200101")
///     let query = try Query(.filter, [phrase, recent])
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1Query.html
public final class Query: CustomStringConvertible {
  /// The combining operators of Xapian::Query::op.
  public enum Operator: Sendable {
    case and, or, andNot, xor, andMaybe, filter, near, phrase, eliteSet, synonym, max

    var cValue: cx_query_op {
      switch self {
      case .and: CX_QUERY_OP_AND
      case .or: CX_QUERY_OP_OR
      case .andNot: CX_QUERY_OP_AND_NOT
      case .xor: CX_QUERY_OP_XOR
      case .andMaybe: CX_QUERY_OP_AND_MAYBE
      case .filter: CX_QUERY_OP_FILTER
      case .near: CX_QUERY_OP_NEAR
      case .phrase: CX_QUERY_OP_PHRASE
      case .eliteSet: CX_QUERY_OP_ELITE_SET
      case .synonym: CX_QUERY_OP_SYNONYM
      case .max: CX_QUERY_OP_MAX
      }
    }
  }

  let handle: OpaquePointer

  init(handle: OpaquePointer) { self.handle = handle }

  deinit { cx_query_free(handle) }

  /// Only fails when memory runs out, which traps like Swift's allocator.
  private convenience init(
    _ context: @autoclosure () -> String,
    _ make: (UnsafeMutablePointer<OpaquePointer?>, CMessage) -> cx_status
  ) {
    var out: OpaquePointer? = nil
    mustSucceed(context()) { make(&out, $0) }
    self.init(handle: out!)
  }

  private convenience init(
    throwing context: @autoclosure () -> String,
    _ make: (UnsafeMutablePointer<OpaquePointer?>, CMessage) -> cx_status
  ) throws {
    var out: OpaquePointer? = nil
    try check(context()) { make(&out, $0) }
    self.init(handle: out!)
  }

  /// - parameter wqf: within-query frequency (0...UInt32.max).
  /// - parameter position: position in the query for phrases, 0 for none.
  /// - throws: `.invalidArgument` if `wqf` is out of range.
  public convenience init(term: String, wqf: Int = 1, position: UInt32 = 0) throws {
    let cWqf = try uint32(wqf, "wqf")
    try self.init(throwing: "making a term query") { out, message in
      withBytes(term) { cx_query_new_term($0, $1, cWqf, position, out, message) }
    }
  }

  /// Combines subqueries. `parameter` is the window for `.near`/`.phrase`
  /// (0 = number of subqueries) and the set size for `.eliteSet`.
  /// - throws: `.invalidArgument` if Xapian rejects the combination.
  public convenience init(_ op: Operator, _ subqueries: [Query], parameter: Int = 0) throws {
    let cParameter = try uint32(parameter, "parameter")
    let handles: [OpaquePointer?] = subqueries.map { $0.handle }
    try self.init(throwing: "combining \(subqueries.count) queries with \(op)") { out, message in
      handles.withUnsafeBufferPointer {
        cx_query_new_combine(op.cValue, $0.baseAddress, $0.count, cParameter, out, message)
      }
    }
    withExtendedLifetime(subqueries) {}
  }

  /// Multiplies the weight of `query` by `factor`.
  /// - throws: `.invalidArgument` if `factor` is negative.
  public convenience init(scaling query: Query, by factor: Double) throws {
    try self.init(throwing: "scaling a query by \(factor)") {
      cx_query_new_scale_weight(query.handle, factor, $0, $1)
    }
  }

  /// The part of `query` that decides which documents match: the same matches, without each
  /// AND_MAYBE's optional side and without weight scaling, so their weights differ. For counting:
  /// filtered by another query (a docid sample), its ANDs and phrases merge with that filter, and
  /// a phrase's positions are read only for the documents the filter keeps.
  public convenience init(matchingPartOf query: Query) throws {
    try self.init(throwing: "taking the matching part of a query") { cx_query_new_matching_part(query.handle, $0, $1) }
  }

  /// Documents whose value in `slot` is within lower...upper (byte order).
  public convenience init(valueRange slot: UInt32, from lower: String, to upper: String) {
    self.init("making a value range query") { out, message in
      withBytes(lower) { lo, loLength in
        withBytes(upper) { cx_query_new_value_range(slot, lo, loLength, $0, $1, out, message) }
      }
    }
  }

  /// Documents whose value in `slot` sorts at or after `lower` (`OP_VALUE_GE`).
  public convenience init(valueAtLeast slot: UInt32, _ lower: String) {
    self.init("making a value query") { out, message in
      withBytes(lower) { cx_query_new_value_ge(slot, $0, $1, out, message) }
    }
  }

  /// Documents whose value in `slot` sorts at or before `upper` (`OP_VALUE_LE`).
  public convenience init(valueAtMost slot: UInt32, _ upper: String) {
    self.init("making a value query") { out, message in
      withBytes(upper) { cx_query_new_value_le(slot, $0, $1, out, message) }
    }
  }

  /// Terms starting with `pattern`. Beyond `maxExpansion` terms (0 = no
  /// limit) only the most frequent are used, rather than failing.
  /// - throws: `.invalidArgument` if `maxExpansion` is out of range.
  public convenience init(wildcard pattern: String, maxExpansion: Int = 100) throws {
    let cMaxExpansion = try uint32(maxExpansion, "maxExpansion")
    try self.init(throwing: "making a wildcard query") { out, message in
      withBytes(pattern) { cx_query_new_wildcard($0, $1, cMaxExpansion, out, message) }
    }
  }

  /// Matches every document with the weight `weight`, whatever its terms or length. Combined
  /// with `.filter` over a boolean term, it gives that term's documents a fixed boost, which
  /// BM25 cannot (its weights grow with wdf and shrink with the document's length).
  /// - throws: `.invalidArgument` if `weight` is negative or not finite.
  public convenience init(fixedWeight weight: Double) throws {
    try self.init(throwing: "making a fixed-weight query") { cx_query_new_fixed_weight(weight, $0, $1) }
  }

  /// Matches the documents whose docid, hashed, is `residue` modulo `modulus` (in each shard),
  /// with no weight: a random sample of about 1/`modulus` of the index. Filtering a query by it and counting the
  /// matches estimates the query's total, where Xapian's own estimate assumes its words are
  /// independent. With `run` > 1 it takes runs of that many consecutive docids, hashing whole runs:
  /// a cluster sample, whose values are read from a few value chunks rather than from all of them.
  /// Local databases only: a remote shard's server cannot run it.
  /// - throws: `.invalidArgument` if `modulus` or `run` is 0.
  public convenience init(docidSample modulus: UInt32, residue: UInt32 = 0, run: UInt32 = 1) throws {
    try self.init(throwing: "making a docid sample") { cx_query_new_docid_sample(modulus, residue, run, $0, $1) }
  }

  /// Matches every document.
  public static var matchAll: Query {
    Query("making a match-all query") { cx_query_new_match_all($0, $1) }
  }

  /// Matches no document; `isEmpty` is true.
  public static var matchNothing: Query {
    Query("making a match-nothing query") { cx_query_new_match_nothing($0, $1) }
  }

  /// Xapian's description, e.g. `Query((a@1 PHRASE 2 b@2))`.
  public var description: String {
    do {
      return try checkString("describing a query") { cx_query_get_description(handle, $0, $1, $2) }
    } catch {
      return "Query(\(error))"
    }
  }

  /// Whether this is the empty query, which matches nothing.
  public var isEmpty: Bool { cx_query_is_empty(handle) }
}
