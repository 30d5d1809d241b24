// Issue L §6: `Did you mean` offers only a better query. A typo is corrected when the correction
// finds clearly more; an abbreviation, or a word with documents and the right neighbours, is
// left alone; accents are restored from one place, never patched together from several.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

// Serialized: the tests share one Searcher, and a Xapian database is used from one thread at a time.
@Suite(.serialized) struct SuggestionTests {
  /// A small index: a dozen notices on fire safety, three on repairs whose words look alike
  /// (chảy, chưa, chai), social insurance with one OCR slip (`hoj`), vaccination, a place name
  /// beside a commoner word one letter away, and the code `CCC` (one edit from `PCCC`).
  nonisolated(unsafe) static let searcher: Searcher = {
    do {
      let docs = try TemporaryDirectory()
      var files: [String: String] = [:]
      for i in 0..<12 {
        files["pccc-\(i).txt"] =
          "CÔNG VĂN\nV/v phòng cháy chữa cháy\nCông tác phòng cháy chữa cháy tại khu dân cư số \(i) được kiểm tra.\n"
      }
      for i in 0..<3 {
        files["repair-\(i).txt"] =
          "THÔNG BÁO\nV/v sửa phòng họp\nNước chảy qua cống trước phòng họp số \(i). Việc sửa chưa xong. Chai nhựa được thu gom.\n"
      }
      for i in 0..<15 {
        files["bhxh-\(i).txt"] =
          "QUYẾT ĐỊNH\nV/v chi trả\nChi trả chế độ bảo hiểm xã hội cho người lao động đợt \(i).\n"
      }
      files["ocr.txt"] = "QUYẾT ĐỊNH\nV/v chi trả\nChi trả bảo hiểm xã hoj cho người lao động.\n"
      for i in 0..<5 {
        files["vaccine-\(i).txt"] = "KẾ HOẠCH\nV/v tiêm chủng\nTriển khai tiêm chủng vắc xin cho trẻ em đợt \(i).\n"
      }
      for i in 0..<2 {
        files["place-\(i).txt"] = "THÔNG BÁO\nĐoàn công tác làm việc tại huyện Kơbang lần \(i).\n"
      }
      for i in 0..<45 {
        files["goods-\(i).txt"] = "PHIẾU\nMã hàng kohang số \(i) nhập kho.\n"
      }
      files["code.txt"] = "PHIẾU\nMã CCC của hồ sơ lưu trữ.\n"
      for (name, text) in files { try text.write(to: docs.appending(name), atomically: true, encoding: .utf8) }
      let index = try TemporaryDirectory.makeRemovedAtExit(prefix: "vanban-suggest-index")
      _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
      return try Searcher(indexes: [index.path])
    } catch {
      fatalError("building the suggestion index: \(error)")
    }
  }()

  static func suggestion(_ text: String) throws -> String? {
    try searcher.search(SearchRequest(text: text)).suggestion
  }

  @Test(
    arguments: [
      // Spelled right, with results: nothing to suggest.
      ("phòng cháy chữa cháy", nil),
      ("bảo hiểm xã hội", nil),
      ("tiêm chủng", nil),
      // An abbreviation is not a misspelling of `ccc`, though the index has `ccc` and not `pccc`.
      ("PCCC", nil),
      ("pccc", nil),
      // Typed without marks: the form the documents use.
      ("tiem chung", "tiêm chủng"),
      // A word the index lacks.
      ("tiem chunh", "tiêm chủng"),
      ("tiêm chủnh", "tiêm chủng"),
      // A word the index has once (an OCR slip) beside words that want another: 1 match against 15.
      ("bao hiem xa hoj", "bảo hiểm xã hội"),
      // Every word exists, but `chua chai` stands together nowhere, and `chua chay` in 12 documents.
      ("phong chay chua chai", "phòng cháy chữa cháy"),
      // `kohang` is 20 times commoner than `kobang`, but `huyen kohang` finds nothing: no correction,
      // only the accents.
      ("huyen kobang", "huyện kơbang"),
    ] as [(String, String?)])
  func suggests(_ query: String, _ expected: String?) throws {
    #expect(try Self.suggestion(query) == expected, "\(query)")
  }

  @Test func anAbbreviationStillFindsItsFullForm() throws {
    let r = try Self.searcher.search(SearchRequest(text: "PCCC"))
    #expect(r.total == 12 && r.suggestion == nil, "\(r.total) \(String(describing: r.suggestion))")
  }

  @Test func aQueryThatMatchesNothingAndIsRelaxedKeepsTheCorrection() throws {
    let r = try Self.searcher.search(SearchRequest(text: "bao hiem xa hoij"))
    #expect(r.relaxed)
    #expect(r.suggestion == "bảo hiểm xã hội")
  }

  @Test func aQueryWithOperatorsGetsNoSuggestionThatWouldDropThem() throws {
    #expect(try Self.suggestion("tiem chunh -covid") == nil)
    #expect(try Self.suggestion("tiem OR chunh") == nil)
  }

  /// The rule a correction's count must pass, whatever its candidates.
  @Test(arguments: [
    (0, 0, false), (0, 1, true), (1, 3, false), (1, 4, true), (3, 5, false), (3, 6, true), (28, 56, true),
    (28, 40, false), (10, 9, false), (5, 5, false),
  ])
  func aCorrectionMustFindClearlyMore(_ original: Int, _ corrected: Int, _ offered: Bool) {
    #expect(SpellingSuggester.isClearlyMore(corrected, than: original) == offered)
  }

  /// With index reads faked: a candidate the context and frequency favour is still not offered
  /// when its search finds fewer documents than the query did.
  @Test(arguments: [(5, 3, false), (5, 0, false), (5, 13, true), (0, 2, true)])
  func theCountDecides(_ original: Int, _ corrected: Int, _ offered: Bool) throws {
    let frequencies = ["bao": 50, "hiem": 50, "xa": 50, "hoi": 50, "hoj": 1, "Bxa hoi": 40, "Bxa hoj": 1]
    let suggester = SpellingSuggester(
      termFrequency: { frequencies[$0] ?? 0 }, spelling: { _ in "" },
      count: { _ in SpellingSuggester.Count(total: corrected, texts: ["bảo hiểm xã hội"]) })
    let node = try #require(QueryLanguage.plainWords("bao hiem xa hoj", defaultAnd: true))
    let query = try #require(SpellingSuggester.PlainQuery(node))
    let s = suggester.suggest(query, total: original, texts: [])
    #expect((s == "bảo hiểm xã hội") == offered, "\(original) → \(corrected): \(String(describing: s))")
    if !offered { #expect(s == nil) }
  }

  /// As many matches either way (common words in long texts): the correction is offered when its
  /// words stand together clearly more often than the typed ones.
  @Test(arguments: [(8, 0, true), (5, 3, false), (1, 0, false)])
  func aPhraseDecidesBetweenEqualCounts(_ correctedPhrase: Int, _ typedPhrase: Int, _ offered: Bool) throws {
    let frequencies = ["thu": 90, "thuc": 60, "hien": 80, "Bthuc hien": 50, "Bthu hien": 1]
    let suggester = SpellingSuggester(
      termFrequency: { frequencies[$0] ?? 0 }, spelling: { _ in "" },
      count: { node in
        guard case .phrase(let p) = node else { return SpellingSuggester.Count(total: 40, texts: []) }
        let n = p.hasPrefix("thuc") ? correctedPhrase : typedPhrase
        return SpellingSuggester.Count(total: n, texts: ["thực hiện"])
      })
    let node = try #require(QueryLanguage.plainWords("thu hien", defaultAnd: true))
    let query = try #require(SpellingSuggester.PlainQuery(node))
    let s = suggester.suggest(query, total: 40, texts: [])
    #expect(s == (offered ? "thực hiện" : nil), "\(String(describing: s))")
  }

  /// The accented form of each word comes from a run of query words standing together, or from
  /// a form the texts nearly always use: never one word from here and one from there.
  @Test(
    arguments: [
      // Together once: that place decides, though `chảy` and `chưa` come first.
      (["chay", "chua"], "Nước chảy. Việc chưa xong. Phòng cháy chữa cháy.", ["cháy", "chữa"]),
      // Never together, each written two ways: no form.
      (["chay", "chua"], "Nước chảy. Nhà cháy. Việc chưa xong. Sửa chữa.", [nil, nil]),
      // Never together, each written one way: those forms.
      (["tiem", "chung"], "Tiêm phòng. Chứng nhận chủng loại. Tiêm ngừa.", ["tiêm", nil]),
      // The longest run wins over a shorter one.
      (["bao", "hiem", "xa", "hoi"], "Bao bì. Bảo hiểm y tế. Bảo hiểm xã hội.", ["bảo", "hiểm", "xã", "hội"]),
    ] as [([String], String, [String?])])
  func accentFormsComeFromOnePlace(_ folded: [String], _ text: String, _ expected: [String?]) {
    #expect(AccentForms.forms(of: folded, in: [TextNormalizer.normalize(text)]) == expected)
  }

  /// Spellings the index holds equally often, with no neighbour to tell them apart: the same one
  /// is offered in every run (the first in sorted order), not whichever a Set happened to list
  /// first in this process.
  @Test func aTieIsSettledTheSameWayEveryRun() throws {
    let frequencies = ["hoi": 50, "hoa": 50, "hon": 50, "ho": 50, "hot": 50, "oj": 50]
    let suggester = SpellingSuggester(
      termFrequency: { frequencies[$0] ?? 0 }, spelling: { _ in "" },
      count: { _ in SpellingSuggester.Count(total: 10, texts: []) })
    let node = try #require(QueryLanguage.plainWords("hoj", defaultAnd: true))
    let query = try #require(SpellingSuggester.PlainQuery(node))
    #expect(suggester.suggest(query, total: 0, texts: []) == "ho")
  }

  @Test func editsOneAway() {
    let e = SpellingSuggester.edits(of: "hoj")
    for w in ["hoi", "ho", "oj", "ohj", "hjo", "hooj", "hoij"] { #expect(e.contains(w), "\(w)") }
    #expect(!e.contains("hoj") && !e.contains("hoia"))
  }
}
