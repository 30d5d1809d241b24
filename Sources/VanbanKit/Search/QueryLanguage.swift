// The query language: words, "phrases", AND/OR/NOT/NEAR, -word, +word, (groups), word*, and
// field:value filters (agency:, issuer:, ref:, type:, province:, signer:, to:, company:, year:, date:).
//
// We parse it ourselves rather than with Xapian's QueryParser because every word must expand to
// exact and folded terms, and field values need Vietnamese-aware canonicalisation (document
// numbers, provinces, abbreviations) that QueryParser's prefixes cannot do. Anything that does
// not parse is read as plain words, with a note, so a query never fails on syntax.

/// A parsed query: words, prefixes, phrases, fields and the operators between them.
public indirect enum QueryNode: Equatable, Sendable {
  /// A bare word (may hold several syllables after tokenising, e.g. `16/CT-TTg`).
  case word(String)
  /// `word*`: a prefix.
  case prefix(String)
  case phrase(String)
  case field(String, String)
  case and([QueryNode])
  case or([QueryNode])
  /// Left and not right.
  case andNot(QueryNode, QueryNode)
  case near([QueryNode])
  /// `+word`: required even in `--any` mode.
  case required(QueryNode)
  /// A lone `-word`/`NOT x` with nothing to subtract from.
  case not(QueryNode)
}

/// Why a query did not parse; the search then reads it as plain words and says so in a note.
public struct QuerySyntaxError: Error, Equatable, CustomStringConvertible {
  public var description: String
}

/// Parses the query language (`AND`, `OR`, `NOT`, `"phrase"`, `word*`, `field:value`, `NEAR`) into a `QueryNode`.
public enum QueryLanguage {
  /// Field names accepted as `name:value`.
  public static let fields: Set<String> = [
    "agency", "issuer", "to", "ref", "type", "province", "signer", "company", "year", "date", "format", "number",
  ]

  enum Token: Equatable {
    case word(String), phrase(String), field(String, String)
    case and, or, not, near, open, close, minus, plus
  }

  /// Parses `text`; `defaultAnd` decides how juxtaposed terms combine.
  public static func parse(_ text: String, defaultAnd: Bool) throws -> QueryNode? {
    var p = Parser(tokens: try tokenize(text), defaultAnd: defaultAnd)
    guard !p.tokens.isEmpty else { return nil }
    let node = try p.parseOr()
    guard p.index == p.tokens.count else { throw QuerySyntaxError(description: "unexpected `)`") }
    return node
  }

  /// The fallback reading: every word and field as a plain term, operators and quotes dropped.
  public static func plainWords(_ text: String, defaultAnd: Bool) -> QueryNode? {
    var nodes: [QueryNode] = []
    for raw in text.split(whereSeparator: { $0.isWhitespace }) {
      let cleaned = raw.filter { !"\"()".contains($0) }
      let s = cleaned.hasPrefix("-") || cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned
      if s.isEmpty || ["AND", "OR", "NOT", "NEAR"].contains(s) { continue }
      nodes.append(.word(s))
    }
    if nodes.isEmpty { return nil }
    return nodes.count == 1 ? nodes[0] : (defaultAnd ? .and(nodes) : .or(nodes))
  }

  static func tokenize(_ text: String) throws -> [Token] {
    var tokens: [Token] = []
    let chars = Array(text)
    var i = 0
    // Curly quotes (Word's and phones' autocorrect) are quotes wherever straight ones are.
    func isQuote(_ c: Character) -> Bool { c == "\"" || c == "“" || c == "”" }
    func isBreak(_ c: Character) -> Bool { c.isWhitespace || c == "(" || c == ")" || isQuote(c) }
    while i < chars.count {
      let c = chars[i]
      if c.isWhitespace || c.isASCII && c.asciiValue! < 0x20 { i += 1; continue }
      switch c {
      case "(": tokens.append(.open); i += 1
      case ")": tokens.append(.close); i += 1
      case "\"", "“", "”":
        var j = i + 1
        while j < chars.count && !isQuote(chars[j]) { j += 1 }
        guard j < chars.count else { throw QuerySyntaxError(description: "unbalanced quote") }
        tokens.append(.phrase(String(chars[(i + 1)..<j])))
        i = j + 1
      case "-"
      where i + 1 < chars.count && !isBreak(chars[i + 1]) && (tokens.isEmpty || i == 0 || isBreak(chars[i - 1])):
        tokens.append(.minus); i += 1
      case "+" where i + 1 < chars.count && !isBreak(chars[i + 1]) && (i == 0 || isBreak(chars[i - 1])):
        tokens.append(.plus); i += 1
      default:
        var j = i
        while j < chars.count && !isBreak(chars[j]) { j += 1 }
        let chunk = String(chars[i..<j])
        i = j
        if let colon = chunk.firstIndex(of: ":"), fields.contains(chunk[..<colon].lowercased()) {
          let name = chunk[..<colon].lowercased()
          var value = String(chunk[chunk.index(after: colon)...])
          if value.isEmpty, i < chars.count, isQuote(chars[i]) {  // name:"quoted value"
            var k = i + 1
            while k < chars.count && !isQuote(chars[k]) { k += 1 }
            guard k < chars.count else { throw QuerySyntaxError(description: "unbalanced quote") }
            value = String(chars[(i + 1)..<k])
            i = k + 1
          }
          guard !value.isEmpty else { throw QuerySyntaxError(description: "`\(name):` needs a value") }
          tokens.append(.field(name, value))
          continue
        }
        switch chunk {
        case "AND": tokens.append(.and)
        case "OR": tokens.append(.or)
        case "NOT": tokens.append(.not)
        case "NEAR": tokens.append(.near)
        default: tokens.append(.word(chunk))
        }
      }
    }
    return tokens
  }

  struct Parser {
    var tokens: [Token]
    var defaultAnd: Bool
    var index = 0
    static let maxDepth = 64
    var depth = 0

    init(tokens: [Token], defaultAnd: Bool) {
      self.tokens = tokens
      self.defaultAnd = defaultAnd
    }

    var peek: Token? { index < tokens.count ? tokens[index] : nil }

    mutating func parseOr() throws -> QueryNode {
      var items = [try parseAnd()]
      while peek == .or {
        index += 1
        guard peek != nil, peek != .close else { throw QuerySyntaxError(description: "`OR` needs something after it") }
        items.append(try parseAnd())
      }
      return items.count == 1 ? items[0] : .or(items)
    }

    mutating func parseAnd() throws -> QueryNode {
      var explicitAnd: [QueryNode] = []
      var loose: [QueryNode] = []
      var negatives: [QueryNode] = []
      var pendingAnd = false
      loop: while let t = peek {
        switch t {
        case .or, .close: break loop
        case .and:
          guard !loose.isEmpty || !explicitAnd.isEmpty else {
            throw QuerySyntaxError(description: "`AND` needs something before it")
          }
          index += 1
          guard let n = peek, n != .or, n != .close, n != .and else {
            throw QuerySyntaxError(description: "`AND` needs something after it")
          }
          if let last = loose.popLast() { explicitAnd.append(last) }
          pendingAnd = true
        case .not:
          index += 1
          guard peek != nil, peek != .close else {
            throw QuerySyntaxError(description: "`NOT` needs something after it")
          }
          negatives.append(try parseNear())
        case .minus:
          index += 1
          negatives.append(try parseNear())
        default:
          let n = try parseNear()
          if pendingAnd { explicitAnd.append(n); pendingAnd = false } else { loose.append(n) }
        }
      }
      var positives: [QueryNode]
      if defaultAnd {
        positives = explicitAnd + loose
      } else {
        positives = explicitAnd.isEmpty ? [] : [explicitAnd.count == 1 ? explicitAnd[0] : .and(explicitAnd)]
        if !loose.isEmpty { positives.append(loose.count == 1 ? loose[0] : .or(loose)) }
        if explicitAnd.isEmpty && loose.count > 1 { positives = [.or(loose)] }
      }
      let base: QueryNode?
      if positives.isEmpty {
        base = nil
      } else if positives.count == 1 {
        base = positives[0]
      } else {
        base = defaultAnd ? .and(positives) : .and(positives)  // explicit AND group plus the loose OR group
      }
      guard let base else {
        guard !negatives.isEmpty else { throw QuerySyntaxError(description: "empty query") }
        return .not(negatives.count == 1 ? negatives[0] : .or(negatives))
      }
      if negatives.isEmpty { return base }
      return .andNot(base, negatives.count == 1 ? negatives[0] : .or(negatives))
    }

    mutating func parseNear() throws -> QueryNode {
      var items = [try parsePrimary()]
      while peek == .near {
        index += 1
        guard peek != nil else { throw QuerySyntaxError(description: "`NEAR` needs something after it") }
        items.append(try parsePrimary())
      }
      return items.count == 1 ? items[0] : .near(items)
    }

    mutating func parsePrimary() throws -> QueryNode {
      guard let t = peek else { throw QuerySyntaxError(description: "unexpected end of query") }
      index += 1
      switch t {
      case .word(let w):
        if w.hasSuffix("*") && w.count > 1 { return .prefix(String(w.dropLast())) }
        return .word(w)
      case .phrase(let p): return .phrase(p)
      case .field(let n, let v): return .field(n, v)
      case .plus: return .required(try parsePrimary())
      case .open:
        depth += 1
        guard depth <= Self.maxDepth else { throw QuerySyntaxError(description: "too many nested parentheses") }
        guard peek != .close else { throw QuerySyntaxError(description: "empty parentheses") }
        let inner = try parseOr()
        guard peek == .close else { throw QuerySyntaxError(description: "unbalanced parenthesis") }
        index += 1
        depth -= 1
        return inner
      case .close: throw QuerySyntaxError(description: "unexpected `)`")
      case .and, .or, .not, .near, .minus:
        throw QuerySyntaxError(description: "an operator cannot start a query")
      }
    }
  }
}
