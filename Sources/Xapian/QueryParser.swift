// QueryParser.swift - user query text to a Query, with field prefixes.
import CXapian

/// Parses query strings such as `nghị định AND loai:ND`.
///
///     let parser = QueryParser()
///     try parser.setDatabase(db)
///     try parser.addBooleanPrefix("loai", "XT")
///     let query = try parser.parse(text, flags: [.default, .wildcard])
///
/// Related Xapian documentation: https://xapian.org/docs/apidoc/html/classXapian_1_1QueryParser.html
public final class QueryParser {
  /// Xapian::QueryParser::feature_flag.
  public struct Flags: OptionSet, Sendable {
    /// The flags as Xapian's `QueryParser::feature_flag` bits.
    public let rawValue: UInt32
    /// Flags from Xapian's bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    init(_ flag: cx_qp_flag) { rawValue = UInt32(flag.rawValue) }

    /// AND, OR, NOT, XOR and brackets.
    public static let boolean = Flags(CX_QP_FLAG_BOOLEAN)
    /// Quoted phrases.
    public static let phrase = Flags(CX_QP_FLAG_PHRASE)
    /// `+` and `-`.
    public static let loveHate = Flags(CX_QP_FLAG_LOVEHATE)
    /// Boolean operators in any case (`and`, `or`).
    public static let booleanAnyCase = Flags(CX_QP_FLAG_BOOLEAN_ANY_CASE)
    /// Trailing `*`; needs a database.
    public static let wildcard = Flags(CX_QP_FLAG_WILDCARD)
    /// A query of only NOT terms.
    public static let pureNot = Flags(CX_QP_FLAG_PURE_NOT)
    /// The last word as a prefix (search-as-you-type); needs a database.
    public static let partial = Flags(CX_QP_FLAG_PARTIAL)
    /// Fills `correctedQueryString()`; needs a database with spellings.
    public static let spellingCorrection = Flags(CX_QP_FLAG_SPELLING_CORRECTION)
    /// `~term` expands synonyms.
    public static let synonym = Flags(CX_QP_FLAG_SYNONYM)
    /// Expand every term with its synonyms.
    public static let autoSynonyms = Flags(CX_QP_FLAG_AUTO_SYNONYMS)
    /// Expand runs of terms with multi-word synonyms.
    public static let autoMultiwordSynonyms = Flags(CX_QP_FLAG_AUTO_MULTIWORD_SYNONYMS)
    /// Split CJK text into n-grams.
    public static let cjkNgram = Flags(CX_QP_FLAG_CJK_NGRAM)
    /// Combine the weights of repeated terms.
    public static let accumulate = Flags(CX_QP_FLAG_ACCUMULATE)
    /// Make phrase and NEAR queries into AND (for databases without positions).
    public static let noPositions = Flags(CX_QP_FLAG_NO_POSITIONS)
    /// `[.phrase, .boolean, .loveHate]`, Xapian's default.
    public static let `default` = Flags(CX_QP_FLAG_DEFAULT)
  }

  let handle: OpaquePointer

  deinit { cx_query_parser_free(handle) }

  /// Traps only if memory runs out.
  public init() {
    var out: OpaquePointer? = nil
    mustSucceed("creating a query parser") { cx_query_parser_new(&out, $0) }
    handle = out!
  }

  /// The database used for wildcards, partial terms, spelling and synonyms.
  public func setDatabase(_ db: Database) throws {
    try check("setting the query parser's database") { cx_query_parser_set_database(handle, db.handle, $0) }
  }

  /// Operator between words with no explicit operator (default `.or`).
  /// - throws: `.invalidArgument` for `.andNot`, `.xor`, `.andMaybe`, `.filter`.
  public func setDefaultOperator(_ op: Query.Operator) throws {
    try check("setting the default operator to \(op)") { cx_query_parser_set_default_op(handle, op.cValue, $0) }
  }

  /// `field:word` searches free-text terms prefixed with `prefix`.
  /// - throws: `.invalidOperation` if `field` already has a boolean prefix.
  public func addPrefix(_ field: String, _ prefix: String) throws {
    try check("adding prefix \(field)") { message in
      withBytes(field) { fieldBytes, fieldLength in
        withBytes(prefix) { cx_query_parser_add_prefix(handle, fieldBytes, fieldLength, $0, $1, message) }
      }
    }
  }

  /// `field:value` filters on the term `prefix + value` without affecting
  /// ranking. With `exclusive`, several filters on one field are ORed.
  /// - throws: `.invalidOperation` if `field` already has a free-text prefix.
  public func addBooleanPrefix(_ field: String, _ prefix: String, exclusive: Bool = true) throws {
    try check("adding boolean prefix \(field)") { message in
      withBytes(field) { fieldBytes, fieldLength in
        withBytes(prefix) {
          cx_query_parser_add_boolean_prefix(handle, fieldBytes, fieldLength, $0, $1, exclusive, message)
        }
      }
    }
  }

  /// Wildcards and partial terms expand to at most `n` of the most
  /// frequent matching terms (0 = no limit).
  public func setMaxExpansion(_ n: Int) throws {
    let limit = try uint32(n, "maxExpansion")
    try check("setting max expansion") { cx_query_parser_set_max_expansion(handle, limit, $0) }
  }

  /// - throws: `XapianError` `.queryParser` on a syntax error.
  public func parse(_ text: String, flags: Flags = .default) throws -> Query {
    var out: OpaquePointer? = nil
    try check("parsing query \"\(text)\"") { message in
      withBytes(text) { cx_query_parser_parse_query(handle, $0, $1, flags.rawValue, &out, message) }
    }
    return Query(handle: out!)
  }

  /// After `parse` with `.spellingCorrection`: the corrected query text,
  /// or "" if nothing was corrected.
  public func correctedQueryString() throws -> String {
    try checkString("reading the corrected query") {
      cx_query_parser_get_corrected_query_string(handle, $0, $1, $2)
    }
  }
}
