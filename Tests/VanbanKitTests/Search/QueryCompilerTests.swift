// Issue N: query text (and CLI filters) → the Xapian query QueryCompiler builds, as Xapian
// describes it. Regression guards for ranking and matching: the expected descriptions are what
// the code produces today (see QueryCompiler's header for why each shape is what it is).
import Testing

@testable import VanbanKit

@Suite struct QueryCompilerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let any: Bool
    let exact: Bool
    let description: String
    init(_ text: String, any: Bool = false, exact: Bool = false, _ description: String) {
      self.text = text
      self.any = any
      self.exact = exact
      self.description = description
    }
    var testDescription: String { "\(text.debugDescription)\(any ? " --any" : "")\(exact ? " --exact" : "")" }
  }

  static func compile(
    _ text: String, any: Bool = false, exact: Bool = false, filters: Filters = Filters()
  ) throws -> CompiledQuery {
    var compiler = QueryCompiler(exact: exact, defaultAnd: !any)
    return try compiler.compile(try QueryLanguage.parse(text, defaultAnd: !any), filters: filters)
  }

  static let cases: [Case] = [
    // One word: unaccented matches the folded term; accented adds its exact term as a boost.
    Case("tiem", "Query(tiem)"),
    Case("tiêm", "Query((tiem AND_MAYBE Etiêm))"),
    Case("tiêm", exact: true, "Query(Etiêm)"),
    // Two words: both folded terms, plus the exact boosts and the bigram boost.
    Case("tiem chung", "Query(((tiem AND chung) AND_MAYBE 1 * Btiem chung))"),
    Case("tiêm chủng", "Query(((tiem AND chung) AND_MAYBE (Etiêm OR Echủng OR 1 * Btiem chung)))"),
    Case("tiem chung", any: true, "Query(((tiem OR chung) AND_MAYBE 1 * Btiem chung))"),
    // A phrase: the bigram terms filter before the positional check.
    Case("\"tiem chung\"", "Query(((tiem AND chung) FILTER Btiem chung))"),
    Case("\"tiêm chủng\"", "Query((((tiem AND chung) FILTER Btiem chung) AND_MAYBE (Etiêm AND Echủng)))"),
    Case(
      "\"nghi dinh ve thue\"",
      "Query(((nghi PHRASE 4 dinh PHRASE 4 ve PHRASE 4 thue) FILTER (Bnghi dinh AND Bdinh ve AND Bve thue)))"),
    Case("covid-19", "Query(((covid AND 19) FILTER Bcovid 19))"),
    Case("16/CT-TTg", "Query((((16 PHRASE 3 ct PHRASE 3 ttg) FILTER (B16 ct AND Bct ttg)) OR R16/ct-ttg))"),
    // Operators.
    Case("tiem -covid", "Query((tiem AND_NOT covid))"),
    Case("-covid", "Query((<alldocuments> AND_NOT covid))"),
    // Adjacent words of an OR get the bigram boost too.
    Case("tiem OR chung", "Query(((tiem OR chung) AND_MAYBE 1 * Btiem chung))"),
    Case("tiem NEAR chung", "Query((tiem NEAR 10 chung))"),
    Case("tiem*", "Query(WILDCARD SYNONYM tiem)"),
    Case("tiêm*", "Query(WILDCARD SYNONYM Etiêm)"),
    Case("+tiem chung", any: true, "Query((tiem AND_MAYBE chung))"),
    // Fields in the text are weightless filters at their place (scaled by 0 twice: once as a
    // filter, once as a field in the text tree; a value range is weightless already).
    Case("covid year:2022", "Query((covid AND 0 * 0 * Y2022))"),
    Case("agency:UBND", "Query(0 * 0 * (Auy PHRASE 10 Aban PHRASE 10 Anhan PHRASE 10 Adan))"),
    Case("type:\"chỉ thị\"", "Query(0 * 0 * Tchithi)"),
    Case("province:\"Hà Nội\"", "Query(0 * 0 * Phanoi)"),
    Case("format:.PDF", "Query(0 * 0 * Fpdf)"),
    Case("ref:16/CT-TTg", "Query(0 * 0 * R16/ct-ttg)"),
    Case("ref:79/2010/", "Query(0 * 0 * WILDCARD SYNONYM R79/2010/)"),
    // A closed range is the month terms it spans (XMyyyy00: dates with no month), with the value
    // range checked only in a month it cuts.
    Case("date:2022-01..2022-06", "Query(0 * (XM202201 OR XM202202 OR XM202203 OR XM202204 OR XM202205 OR XM202206))"),
    Case(
      "date:2022",
      "Query(0 * (XM202200 OR XM202201 OR XM202202 OR XM202203 OR XM202204 OR XM202205 OR XM202206 OR XM202207 OR XM202208 OR XM202209 OR XM202210 OR XM202211 OR XM202212))"
    ),
    Case(
      "date:2021-12-15..2022-01",
      "Query(0 * (XM202200 OR XM202201 OR (VALUE_RANGE 0 20211215 20220199 FILTER XM202112)))"),
  ]

  @Test(arguments: cases)
  func compiles(_ c: Case) throws {
    let described = try Self.compile(c.text, any: c.any, exact: c.exact).query.description
    #expect(described == c.description)
  }

  /// An exact boost is left out when 90% or more of the folded word's documents have that exact
  /// form (it would weigh nearly every match alike); a rarer form keeps its boost, in a phrase
  /// too, and `--exact` still requires the exact term.
  @Test func exactBoostsOnlyWhereTheyTellDocumentsApart() throws {
    let frequencies = ["tiem": 100, "Etiêm": 95, "chung": 100, "Echủng": 60]
    func compile(_ text: String, exact: Bool = false) throws -> String {
      var compiler = QueryCompiler(exact: exact, defaultAnd: true)
      compiler.termFrequency = { frequencies[$0] ?? 0 }
      return try compiler.compile(try QueryLanguage.parse(text, defaultAnd: true), filters: Filters()).query.description
    }
    #expect(try compile("tiêm chủng") == "Query(((tiem AND chung) AND_MAYBE (Echủng OR 1 * Btiem chung)))")
    #expect(try compile("tiêm") == "Query(tiem)")
    #expect(try compile("\"tiêm chủng\"") == "Query((((tiem AND chung) FILTER Btiem chung) AND_MAYBE Echủng))")
    #expect(try compile("tiêm", exact: true) == "Query(Etiêm)")
  }

  /// A boost term (exact form or bigram) that a third or more of all the documents hold is left
  /// out whatever its share of the folded word: it weighs almost nothing, and weighing it stops
  /// Xapian pruning. Rarer ones stay, and so does everything that matches: only boosts go.
  @Test func boostsHeldByMostDocumentsAreLeftOut() throws {
    let frequencies = [
      "ban": 90_000, "Eban": 40_000, "nhan": 95_000, "Enhân": 50_000, "dan": 90_000, "Edân": 32_000,
      "Bban nhan": 70_000, "Bnhan dan": 30_000,
    ]
    func compile(_ text: String, documents: Int?, scale: Int = 1) throws -> String {
      var compiler = QueryCompiler(exact: false, defaultAnd: true)
      compiler.termFrequency = { frequencies[$0].map { $0 / scale } ?? 0 }
      compiler.documentCount = documents.map { $0 / scale }
      return try compiler.compile(try QueryLanguage.parse(text, defaultAnd: true), filters: Filters()).query.description
    }
    let all = "Query(((ban AND nhan AND dan) AND_MAYBE (Enhân OR Edân OR 1 * (Bban nhan OR Bnhan dan))))"
    // 100,000 documents: Enhân (50%) and Bban nhan (70%) go; Edân (32%) and Bnhan dan (30%) stay.
    #expect(
      try compile("ban nhân dân", documents: 100_000)
        == "Query(((ban AND nhan AND dan) AND_MAYBE (Edân OR 1 * Bnhan dan)))")
    #expect(
      try compile("\"ban nhân dân\"", documents: 100_000)
        == "Query((((ban PHRASE 3 nhan PHRASE 3 dan) FILTER (Bban nhan AND Bnhan dan)) AND_MAYBE Edân))")
    // The same shares in 1,000 documents: every boost is cheap there, and stays.
    #expect(try compile("ban nhân dân", documents: 100_000, scale: 100) == all)
    // Not knowing the document count keeps every boost.
    #expect(try compile("ban nhân dân", documents: nil) == all)
  }

  /// A phrase's exact boost goes when 90% or more of the documents with its pairs hold that form,
  /// which is counted only where the pairs are in enough documents for weighing to cost.
  @Test func aPhrasesExactBoostGoesWhenNearlyAllItsMatchesHaveIt() throws {
    let frequencies = [
      "chi": 40_000, "Echỉ": 39_000, "huy": 30_000, "quan": 90_000, "Equân": 20_000, "Bchi huy": 25_000,
      "Bhuy quan": 20_000,
    ]
    func compile(_ share: Double, scale: Int = 1) throws -> (String, asked: Int) {
      var asked = 0
      var compiler = QueryCompiler(exact: false, defaultAnd: true)
      compiler.termFrequency = { frequencies[$0].map { $0 / scale } ?? 0 }
      compiler.documentCount = 100_000 / scale
      compiler.shareOfMatches = { terms, context, size in
        asked += 1
        #expect(terms == ["Equân"] && size == 20_000 / scale)
        #expect(context.description == "Query((Bchi huy AND Bhuy quan))")
        return [share]
      }
      let q = try compiler.compile(try QueryLanguage.parse("\"chỉ huy quân\"", defaultAnd: true), filters: Filters())
      return (q.query.description, asked)
    }
    let phrase = "((chi PHRASE 3 huy PHRASE 3 quan) FILTER (Bchi huy AND Bhuy quan))"
    #expect(try compile(0.95) == ("Query(\(phrase))", 1))
    #expect(try compile(0.5) == ("Query((\(phrase) AND_MAYBE Equân))", 1))
    // Pairs in 200 documents: the boost is cheap to weigh, and nothing is counted.
    #expect(try compile(0.95, scale: 100) == ("Query((\(phrase) AND_MAYBE Equân))", 0))
  }

  /// Filters given as options (`--agency`, `--year`…) wrap the text query in a FILTER.
  @Test func optionFiltersWrapTheTextQuery() throws {
    var f = Filters()
    f.agency = ["UBND tỉnh Lai Châu", "Sở Y tế"]
    f.year = ["2022"]
    f.type = ["công văn"]
    f.province = ["lai chau"]
    f.format = ["docx"]
    f.signer = ["Nguyễn An"]
    f.since = PartialDate(year: 2022, month: 1)
    let compiled = try Self.compile("tiem", filters: f)
    #expect(compiled.hasText)
    // The agency keeps its words in order with gaps (PHRASE, window = words + 6); names need all
    // their words; a month as a lower bound starts the month, no upper bound is 99999999.
    #expect(
      compiled.query.description == """
        Query((tiem FILTER (\
        0 * ((Auy PHRASE 13 Aban PHRASE 13 Anhan PHRASE 13 Adan PHRASE 13 Atinh PHRASE 13 Alai PHRASE 13 Achau) \
        OR (Aso PHRASE 9 Ay PHRASE 9 Ate)) \
        AND 0 * (San AND Snguyen) AND 0 * Tcongvan AND 0 * Plaichau AND 0 * Y2022 AND 0 * Fdocx \
        AND VALUE_RANGE 0 20220100 99999999)))
        """)
  }

  /// `--year 2020..2022` (and `year:2020..2022`) is each of its years; a value that names no year
  /// is refused where it is typed, and matches nothing in a Filters built by hand.
  @Test func yearRanges() throws {
    #expect(Filters.years("2022") == 2022...2022)
    #expect(Filters.years(" 2020..2022 ") == 2020...2022)
    #expect(Filters.years("2020 .. 2022") == 2020...2022)
    for bad in [
      "", "22", "abc", "2022-01", "2022..2020", "2020..", "..2022", "2020..2021..2022", "0999", "3000", "２０２２",
    ] {
      #expect(Filters.years(bad) == nil, "\(bad)")
    }
    var f = Filters()
    f.year = ["2020..2022"]
    // A range is read as a date range is: months for a few years, a value range past ten.
    let few = try Self.compile("", filters: f).query.description
    #expect(few.contains("XM202001") && few.contains("XM202212") && !few.contains("Y2021"), "\(few)")
    f.year = ["1000..2999"]
    let wide = try Self.compile("", filters: f).query.description
    #expect(wide.contains("VALUE_RANGE 0 10000000 29999999") && !wide.contains("XM"), "\(wide)")
    f.year = ["2022"]
    #expect(try Self.compile("", filters: f).query.description == "Query((<alldocuments> FILTER 0 * Y2022))")
    f.year = ["abc"]
    #expect(try Self.compile("", filters: f).query.description == "Query()")
    var typed = Filters()
    #expect(throws: VanbanError.self) { try typed.add(option: "year", value: "abc", spelled: "--year") }
    #expect(throws: QuerySyntaxError.self) { try typed.add(field: "year", value: "abc") }
    try typed.add(field: "year", value: "2020..2021")
    #expect(typed.year == ["2020..2021"])
  }

  @Test func filtersOnlyListEveryMatch() throws {
    var f = Filters()
    f.year = ["2021", "2022"]
    let compiled = try Self.compile("", filters: f)
    #expect(!compiled.hasText)
    #expect(compiled.query.description == "Query((<alldocuments> FILTER 0 * (Y2021 OR Y2022)))")
  }

  @Test func highlightAndSpellingWords() throws {
    let compiled = try Self.compile("tiêm chung -covid")
    #expect(compiled.highlight.folded == ["tiem", "chung"])
    #expect(compiled.highlight.exact == ["tiêm", "chung"])
    #expect(!compiled.highlight.exactOnly)
    #expect(compiled.words.map(\.exact) == ["tiêm", "chung"])
  }

  @Test func aBadReferenceIsABadArgument() {
    #expect(throws: VanbanError.self) { try Self.compile("ref:hello") }
  }

  @Test func aBadDateIsASyntaxError() {
    #expect(throws: QuerySyntaxError(description: "bad date `2022-13`")) { try Self.compile("date:2022-13") }
  }
}
