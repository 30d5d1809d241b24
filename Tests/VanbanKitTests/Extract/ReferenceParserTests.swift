import Foundation
import Testing

@testable import VanbanKit

@Suite("Extract: references")
struct ReferenceParserTests {
  func refs(_ text: String, own: String? = nil) -> [Citation] {
    ReferenceParser.parse(FoldedText(TextNormalizer.normalize(text)), ownKey: own.flatMap(DocumentNumber.key))
  }

  @Test func typeDateSentenceAndLine() throws {
    let r = refs(
      "Kính gửi: Sở Y tế.\n\nThực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ; Sở Y tế báo cáo.")
    try #require(r.count == 1)
    #expect(r[0].number == "16/CT-TTg" && r[0].key == "16/ct-ttg")
    #expect(r[0].type == "Chỉ thị")
    #expect(r[0].date?.iso == "2022-09-20")
    #expect(r[0].line == 3)
    #expect(r[0].sentence == "Thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ;")
  }

  @Test func markedList() {
    let r = refs("theo tinh thần Nghị quyết số 20-NQ/TW, 21-NQ/TW và Nghị quyết số  22-NQ/TW của Ban Chấp hành.")
    #expect(r.map(\.number) == ["20-NQ/TW", "21-NQ/TW", "22-NQ/TW"])
    #expect(r.map(\.type) == ["Nghị quyết", "Nghị quyết", "Nghị quyết"])
  }

  @Test func wrappedNumberAndBreakAfterSo() {
    let r = refs(
      "Thực hiện Thông báo số 364/TB-\nVPCP ngày 29/11/2022 và Công văn số\n6860/BYT-DP ngày 28 tháng 11 năm 2022.")
    #expect(r.map(\.number) == ["364/TB-VPCP", "6860/BYT-DP"])
    #expect(r.map(\.type) == ["Thông báo", "Công văn"])
    #expect(r.map { $0.date?.iso } == ["2022-11-29", "2022-11-28"])
    #expect(r[1].line == 3)  // the number itself starts on the third line
  }

  @Test func ownNumberExcluded() {
    let r = refs(
      "Số: 123/UBND-VX\nV/v thực hiện Công văn 45/SYT-NVY.\nCông văn 123/UBND-VX này thay thế.", own: "123/UBND-VX")
    #expect(r.map(\.number) == ["45/SYT-NVY"])
  }

  @Test func sameNumberTwoDates() {
    let r = refs("Chỉ thị 16/CT-TTg ngày 31/3/2020 và Chỉ thị 16/CT-TTg ngày 20/9/2022; Chỉ thị 16/CT-TTg.")
    #expect(r.map { "\($0.number)@\($0.date?.iso ?? "-")" } == ["16/CT-TTg@2020-03-31", "16/CT-TTg@2022-09-20"])
  }

  @Test func notNumbers() {
    let r = refs(
      "Trực 24/24h, trẻ 5-12 tuổi, giai đoạn 2021 - 2025, COVID-19, SARS-CoV-2, Covid-29, ngày 20/9/2022, 0912.345.678."
    )
    #expect(r.isEmpty)
  }

  @Test func genericWordAndNoSo() {
    let r = refs("Văn bản số 585-TB/TU; theo Nghị quyết 68/NQ-CP của Chính phủ; công văn 6860/BYT-DP.")
    #expect(r.map(\.type) == ["Văn bản", "Nghị quyết", "Công văn"])
  }

  /// `refs` lists every line that cites the number, not one per document: each with its line,
  /// the date beside it or else the one date the document gives the number, and a line naming
  /// the number twice once.
  @Test func citingLinesListsEveryLine() {
    let text = """
      Căn cứ Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ;
      Thực hiện Công văn 45/SYT-NVY.
      Theo Chỉ thị 16/CT-TTg, các sở triển khai; Chỉ thị 16/CT-TTg yêu cầu báo cáo.
      Kết quả thực hiện Chỉ thị số 16/CT-TTg được tổng hợp.
      """
    let ft = FoldedText(TextNormalizer.normalize(text))
    let lines = ReferenceParser.citingLines(ft, date: nil) { $0 == "16/ct-ttg" }
    #expect(lines.map(\.line) == [1, 3, 4])
    #expect(lines.allSatisfy { $0.date?.iso == "2022-09-20" && $0.type == "Chỉ thị" })
    #expect(lines[1].sentence == "Theo Chỉ thị 16/CT-TTg, các sở triển khai;")
    #expect(ReferenceParser.citingLines(ft, date: "2022") { $0 == "16/ct-ttg" }.count == 3)
    #expect(ReferenceParser.citingLines(ft, date: "2020") { $0 == "16/ct-ttg" }.isEmpty)
    // The stored citations keep one entry per number and date.
    #expect(refs(text).filter { $0.key == "16/ct-ttg" }.count == 1)
  }

  /// Two dated directives under one number: an undated line could be either, so a date filter
  /// leaves it out, and it shows no date.
  @Test func citingLinesWithTwoDatesLeaveAnUndatedLineOutOfADateFilter() {
    let ft = FoldedText(
      TextNormalizer.normalize(
        "Chỉ thị 16/CT-TTg ngày 31/3/2020 và Chỉ thị 16/CT-TTg ngày 20/9/2022.\nTheo Chỉ thị 16/CT-TTg nói trên."))
    let all = ReferenceParser.citingLines(ft, date: nil) { $0 == "16/ct-ttg" }
    // A line that names both is one citing line (with the first date); a date filter keeps it
    // under the date asked for.
    #expect(all.map(\.line) == [1, 2] && all.map { $0.date?.iso } == ["2020-03-31", nil])
    let dated = ReferenceParser.citingLines(ft, date: "2022") { $0 == "16/ct-ttg" }
    #expect(dated.map(\.line) == [1] && dated.first?.date?.iso == "2022-09-20")
  }

  /// A long citing sentence is cut between words, never inside a syllable (`…ám sát`).
  @Test func longSentencesAreCutBetweenWords() {
    let filler = String(repeating: "công tác giám sát việc thực hiện ", count: 20)
    let r = refs("Về \(filler)theo Công văn số 45/SYT-NVY ngày 2/3/2023 về \(filler)đầy đủ.")
    let s = try! #require(r.first).sentence
    #expect(s.hasPrefix("…") && s.hasSuffix("…") && s.contains("45/SYT-NVY"))
    let words = Set(
      filler.split(separator: " ").map(String.init) + [
        "Công", "văn", "số", "45/SYT-NVY", "ngày", "2/3/2023", "về", "theo",
      ])
    let shown = s.dropFirst().dropLast().split(separator: " ").map(String.init)
    #expect(shown.allSatisfy(words.contains), "\(shown.filter { !words.contains($0) })")
    for cut in [0, 5, 17, 150] {
      let e = ReferenceParser.excerpt(filler, around: cut, length: 100)
      let inner = e.trimmingCharacters(in: CharacterSet(charactersIn: "…")).split(separator: " ").map(String.init)
      #expect(inner.allSatisfy(words.contains), "cut at \(cut): \(e)")
    }
  }
}
