// Issue N §3: one analysis path. A word gives the same terms whether it is indexed (the hot path
// over UTF-8 bytes) or typed in a query (Analyzer), whatever its Unicode form or case.
import Foundation
import Testing

@testable import VanbanKit

@Suite struct AnalyzerTests {
  static let texts = [
    "Ủy ban nhân dân tỉnh Lai Châu",
    "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU",  // another tone placement, capitals
    "Ủy ban nhân dân".decomposedStringWithCanonicalMapping,  // NFD, as macOS writes file names
    "Chỉ thị số 16/CT-TTg ngày 20/9/2022 về COVID-19",
    "hoá đơn, hóa đơn; Đắk Lắk — Hà Tĩnh",
    "x\u{0301}\u{0300} a\u{0323}\u{0302} stray \u{0301} mark",
    String(repeating: "a", count: 80) + " dài",
  ]

  /// The query side and the indexer's byte path give the same exact and folded words.
  @Test(arguments: texts)
  func indexAndQuerySidesAgree(text: String) {
    let query = Analyzer.words(text)
    var indexed: [(String, String)] = []
    WordTokenizer.forEachWordUTF8(in: TextNormalizer.normalize(text), exactPrefix: []) { exact, folded in
      indexed.append((String(decoding: exact, as: UTF8.self), String(decoding: folded, as: UTF8.self)))
    }
    #expect(query.map(\.exact) == indexed.map(\.0), "\(text)")
    #expect(query.map(\.folded) == indexed.map(\.1), "\(text)")
  }

  /// NFC and NFD, capitals and the old tone placement are one word.
  @Test func formsOfOneWordAreOneWord() {
    let forms = ["Ủy ban", "UỶ BAN", "Ủy ban".decomposedStringWithCanonicalMapping, "uỷ ban"]
    let words = Set(forms.map { Analyzer.words($0).map(\.exact) })
    #expect(words.count == 1, "\(words)")
    #expect(Analyzer.foldedWords("Ủy ban") == ["uy", "ban"])
  }

  /// Agency names spell their abbreviations out, as the `A` terms are written.
  @Test func agencyWordsExpandAbbreviations() {
    #expect(
      Analyzer.agencyWords("UBND tỉnh Lai Châu").map(\.folded) == ["uy", "ban", "nhan", "dan", "tinh", "lai", "chau"])
  }

  @Test func prefixKeepsMarksAndFolds() {
    let p = Analyzer.prefix("CHỦ")
    #expect(p.exact == "chủ" && p.folded == "chu")
  }
}
