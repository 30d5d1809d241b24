// Issue N: the query language as the parser reads it today, text → QueryNode, for every operator
// and field. Regression guards: the expected trees are what the code produces, read from it.
import Testing

@testable import VanbanKit

@Suite struct QueryLanguageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let defaultAnd: Bool
    let node: QueryNode?
    init(_ text: String, any: Bool = false, _ node: QueryNode?) {
      self.text = text
      self.defaultAnd = !any
      self.node = node
    }
    var testDescription: String { "\(text.debugDescription)\(defaultAnd ? "" : " (any)")" }
  }

  static let parsed: [Case] = [
    // Words and the default operator.
    Case("thuế", .word("thuế")),
    Case("tiêm chủng", .and([.word("tiêm"), .word("chủng")])),
    Case("tiêm chủng", any: true, .or([.word("tiêm"), .word("chủng")])),
    Case("  \t ", nil),
    Case("covid-19", .word("covid-19")),
    Case("16/CT-TTg", .word("16/CT-TTg")),
    Case("a - b", .and([.word("a"), .word("-"), .word("b")])),
    // AND / OR / NOT / NEAR.
    Case("a AND b", .and([.word("a"), .word("b")])),
    Case("a AND b", any: true, .and([.word("a"), .word("b")])),
    Case("a b AND c", any: true, .and([.and([.word("b"), .word("c")]), .word("a")])),
    Case("a and b", .and([.word("a"), .word("and"), .word("b")])),
    Case("a OR b", .or([.word("a"), .word("b")])),
    Case("a OR b c", .or([.word("a"), .and([.word("b"), .word("c")])])),
    Case("a OR b OR c", any: true, .or([.word("a"), .word("b"), .word("c")])),
    Case("a NOT b", .andNot(.word("a"), .word("b"))),
    Case("a AND NOT b", .andNot(.word("a"), .word("b"))),
    Case("NOT b", .not(.word("b"))),
    Case("a NEAR b", .near([.word("a"), .word("b")])),
    Case("a NEAR b NEAR c", .near([.word("a"), .word("b"), .word("c")])),
    Case("x a NEAR b", .and([.word("x"), .near([.word("a"), .word("b")])])),
    // - and +.
    Case("a -b", .andNot(.word("a"), .word("b"))),
    Case("a -b -c", .andNot(.word("a"), .or([.word("b"), .word("c")]))),
    Case("-b", .not(.word("b"))),
    Case("-b -c", .not(.or([.word("b"), .word("c")]))),
    Case("+a b", any: true, .or([.required(.word("a")), .word("b")])),
    Case("+a b", .and([.required(.word("a")), .word("b")])),
    Case("a+b", .word("a+b")),
    // Groups.
    Case("(a OR b) c", .and([.or([.word("a"), .word("b")]), .word("c")])),
    Case("(a OR b) -c", .andNot(.or([.word("a"), .word("b")]), .word("c"))),
    // A `-` before a group is not an operator (it must precede a word): a lone `-` word.
    Case("a -(c d)", .and([.word("a"), .word("-"), .and([.word("c"), .word("d")])])),
    Case("((a))", .word("a")),
    // Phrases and prefixes.
    Case("\"tiêm chủng\"", .phrase("tiêm chủng")),
    Case("“tiêm chủng”", .phrase("tiêm chủng")),
    Case("\"tiêm chủng\" vắc", .and([.phrase("tiêm chủng"), .word("vắc")])),
    Case("\"\"", .phrase("")),
    Case("tiêm*", .prefix("tiêm")),
    Case("*", .word("*")),
    Case("tiêm* chủng", .and([.prefix("tiêm"), .word("chủng")])),
    // Fields: names are case-insensitive, values kept as typed.
    Case("agency:UBND", .field("agency", "UBND")),
    Case("Agency:Bộ", .field("agency", "Bộ")),
    Case("agency:\"Bộ Y tế\"", .field("agency", "Bộ Y tế")),
    // Curly quotes, as Word and phones type them, quote a value as straight ones do.
    Case("agency:“Bộ Tài chính”", .field("agency", "Bộ Tài chính")),
    Case("issuer:”Quốc hội” thuế", .and([.field("issuer", "Quốc hội"), .word("thuế")])),
    Case("vắc“xin”", .and([.word("vắc"), .phrase("xin")])),
    Case("ref:16/CT-TTg", .field("ref", "16/CT-TTg")),
    Case("ref:79/2010/", .field("ref", "79/2010/")),
    Case("year:2022", .field("year", "2022")),
    Case("type:\"chỉ thị\"", .field("type", "chỉ thị")),
    Case("province:HàNội", .field("province", "HàNội")),
    Case("date:2022-01..2022-06", .field("date", "2022-01..2022-06")),
    Case("format:pdf", .field("format", "pdf")),
    Case("to:sở signer:Nguyễn", .and([.field("to", "sở"), .field("signer", "Nguyễn")])),
    Case("company:Việt number:16/CT-TTg", .and([.field("company", "Việt"), .field("number", "16/CT-TTg")])),
    Case("foo:bar", .word("foo:bar")),
    Case(
      "covid agency:UBND OR agency:Sở",
      .or([.and([.word("covid"), .field("agency", "UBND")]), .field("agency", "Sở")])),
    Case("covid -year:2020", .andNot(.word("covid"), .field("year", "2020"))),
  ]

  @Test(arguments: parsed)
  func parses(_ c: Case) throws {
    #expect(try QueryLanguage.parse(c.text, defaultAnd: c.defaultAnd) == c.node)
  }

  static let syntaxErrors: [(String, String)] = [
    ("\"tiêm chủng", "unbalanced quote"),
    ("agency:\"Bộ Y", "unbalanced quote"),
    ("agency:", "`agency:` needs a value"),
    ("a AND", "`AND` needs something after it"),
    ("AND a", "`AND` needs something before it"),
    ("a AND OR b", "`AND` needs something after it"),
    ("a OR", "`OR` needs something after it"),
    ("OR a", "empty query"),
    ("a NOT", "`NOT` needs something after it"),
    ("a NEAR", "`NEAR` needs something after it"),
    ("NEAR a", "an operator cannot start a query"),
    ("()", "empty parentheses"),
    ("(a", "unbalanced parenthesis"),
    ("a)", "unexpected `)`"),
    (String(repeating: "(", count: 65) + "a" + String(repeating: ")", count: 65), "too many nested parentheses"),
  ]

  @Test(arguments: syntaxErrors)
  func refuses(_ text: String, _ message: String) {
    #expect(throws: QuerySyntaxError(description: message)) {
      try QueryLanguage.parse(text, defaultAnd: true)
    }
  }

  @Test func sixtyFourNestedGroupsAreFine() throws {
    let text = String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)
    #expect(try QueryLanguage.parse(text, defaultAnd: true) == .word("a"))
  }

  /// The fallback when a query does not parse: every word as a plain term.
  static let plain: [Case] = [
    Case("\"tiêm chủng", .and([.word("tiêm"), .word("chủng")])),
    Case("\"tiêm chủng", any: true, .or([.word("tiêm"), .word("chủng")])),
    Case("a AND (b -c +d", .and([.word("a"), .word("b"), .word("c"), .word("d")])),
    Case("agency: x", .and([.word("agency:"), .word("x")])),
    Case("OR", nil),
    Case("( \" )", nil),
    Case("one", .word("one")),
  ]

  @Test(arguments: plain)
  func plainWords(_ c: Case) {
    #expect(QueryLanguage.plainWords(c.text, defaultAnd: c.defaultAnd) == c.node)
  }
}
