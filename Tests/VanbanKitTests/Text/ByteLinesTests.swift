// The extractor's lines: the same pieces as splitting on LF, and for a text of more lines than
// the bound, its first and last half, so 16 MB of empty lines costs kilobytes, not 512 MB.

import Testing

@testable import VanbanKit

@Suite struct ByteLinesTests {
  @Test func theSamePiecesAsSplittingOnLineFeeds() {
    for text in ["", "\n", "a", "a\n", "\na\n\nb", "Số: 1/UBND\r\nhết\n\n", "Việt Á\nđ\u{0C}\n"] {
      let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
      #expect(text.byteLines(limit: 100) == expected, "\(text.debugDescription)")
    }
  }

  @Test func moreLinesThanTheBoundGiveTheFirstAndLastHalf() {
    // One line over the bound: five and five.
    let eleven = (0..<11).map { "l\($0)" }.joined(separator: "\n").byteLines(limit: 10)
    #expect(eleven == ["l0", "l1", "l2", "l3", "l4", "l6", "l7", "l8", "l9", "l10"])
    let numbered = (0..<1_000).map { "dòng \($0)" }
    let lines = numbered.joined(separator: "\n").byteLines(limit: 10)
    #expect(
      lines == [
        "dòng 0", "dòng 1", "dòng 2", "dòng 3", "dòng 4", "dòng 995", "dòng 996", "dòng 997", "dòng 998", "dòng 999",
      ])
    // At the bound exactly, every line.
    #expect(numbered.prefix(10).joined(separator: "\n").byteLines(limit: 10).count == 10)
    let empty = String(repeating: "\n", count: 1_000).byteLines(limit: 10)
    #expect(empty == Array(repeating: "", count: 10))
  }

  /// A text of empty lines between its header and its signature: both are still read, and a
  /// digital signature's stamp between the title and the name is still found where it stands
  /// (its offset in the text, not the sum of the lines read before it).
  @Test func theHeaderAndSignatureOfALineDenseTextAreRead() {
    let text =
      "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\nSố: 214/UBND-VX\nV/v tiêm chủng vắc xin\n"
      + "Thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022.\n"
      + String(repeating: "\n", count: MetadataExtractor.maxLines * 2)
      + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKý bởi: Ủy ban Nhân dân tỉnh Bắc Giang\n"
      + "Thời gian ký: 12.03.2021 10:15:20 +07:00\nLê Văn Dũng\n"
    let m = MetadataExtractor().extract(from: text)
    #expect(m.number == "214/UBND-VX")
    #expect(m.signer == "Lê Văn Dũng")
    #expect(m.references.map(\.number) == ["16/CT-TTg"])
  }
}
