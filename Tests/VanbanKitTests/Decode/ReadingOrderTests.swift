import Testing

@testable import VanbanKit

/// PDFLayout and TableCells on small hand-made layouts, including the ones they must leave alone.
@Suite("Decode: two-column reading order")
struct ReadingOrderTests {
  @Test func pdfHeaderBecomesLeftThenRight() {
    let text = """
           ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH LAI CHÂU                         Độc lập - Tự do - Hạnh phúc
            Số: 2345/UBND-VX                       Lai Châu, ngày 15 tháng 3 năm 2023
      V/v tăng cường phòng, chống dịch
       bệnh mùa đông xuân năm 2023

      Kính gửi: Sở Y tế.
      """
    let want = """
      ỦY BAN NHÂN DÂN
      TỈNH LAI CHÂU
      Số: 2345/UBND-VX
      V/v tăng cường phòng, chống dịch
      bệnh mùa đông xuân năm 2023
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc
      Lai Châu, ngày 15 tháng 3 năm 2023

      Kính gửi: Sở Y tế.
      """
    #expect(PDFLayout.readingOrder(text) == want)
  }

  @Test func pdfSignatureBesideDistributionList() {
    let text = """
      Body paragraph that fills the whole line of the page from the left margin to the
      right margin, justified.

      Nơi nhận:                                            KT. CHỦ TỊCH
      - Như trên;                                          PHÓ CHỦ TỊCH
      - Lưu: VT, VX.

                                                           Tống Thanh Hải
      """
    let got = PDFLayout.readingOrder(text).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(Array(got[3...6]) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VX.", "KT. CHỦ TỊCH"])
    #expect(got[7] == "PHÓ CHỦ TỊCH")
  }

  @Test func pdfLoneSignatureLineNeedsAWideGutter() {
    let text = "Nơi nhận:                                CHỦ TỊCH\n- Như Điều 2;\n- Lưu: VT."
    #expect(PDFLayout.readingOrder(text) == "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH")
  }

  @Test func pdfBodyAndLaterTablesStayAsTheyAre() {
    // A justified paragraph ends the header zone; a data table after it keeps its rows.
    let text = """
      Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực
      hiện các biện pháp cấp bách phòng, chống dịch COVID-19.

      Sở Y tế                12 người
      Sở Tài chính            3 người
      """
    #expect(PDFLayout.readingOrder(text) == text)
  }

  @Test func pdfPageBreakStaysOnItsLine() {
    let text = "page one\n\u{0C}Nơi nhận:          KT. CHỦ TỊCH\n- Như trên;        PHÓ CHỦ TỊCH\n\u{0C}"
    #expect(
      PDFLayout.readingOrder(text) == "page one\n\u{0C}Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\u{0C}")
  }

  @Test func antiwordTwoColumnTableBecomesLeftThenRight() {
    let text = """
      |ỦY BAN NHÂN DÂN         |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  |
      |Số: 2345/UBND-VX        |Lai Châu, ngày 15 tháng 3 năm 2023  |
      |V/v tăng cường năm      |                                    |
      |2023                    |                                    |

      Kính gửi:
      """
    let want = """
      ỦY BAN NHÂN DÂN
      Số: 2345/UBND-VX
      V/v tăng cường năm
      2023
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Lai Châu, ngày 15 tháng 3 năm 2023

      Kính gửi:
      """
    #expect(TableCells.antiwordReadingOrder(text) == want)
  }

  @Test func antiwordKeepsBlankLinesInsideACell() {
    let text = "|Nơi nhận:   |KT. CHỦ TỊCH  |\n|- Lưu: VT.  |               |\n|            |Tống Thanh Hải |"
    #expect(TableCells.antiwordReadingOrder(text) == "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\n\nTống Thanh Hải")
  }

  @Test func antiwordWiderTablesAndPipesInTextStay() {
    let text = "|STT |Đơn vị     |Số người |\n|1   |Sở Y tế    |12       |\nA | B in a sentence"
    #expect(TableCells.antiwordReadingOrder(text) == text)
  }
}

extension ReadingOrderTests {
  @Test func pdfHeaderRunningIntoTheGreeting() {
    let text = """
      ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Số: 12/UBND-VX              Hà Nội, ngày 15 tháng 3 năm 2023
      Kính gửi: Các bệnh viện, trung tâm y tế huyện, thành phố và các đơn vị.
      Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực
      hiện các biện pháp cấp bách.
      """
    let got = PDFLayout.readingOrder(text).split(separator: "\n").map(String.init)
    #expect(
      Array(got.prefix(4)) == [
        "ỦY BAN NHÂN DÂN", "Số: 12/UBND-VX", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 15 tháng 3 năm 2023",
      ])
    #expect(got.count == 7)
  }

  @Test func pdfDistributionListRightUnderTheLastParagraph() {
    let text = """
      \u{0C}Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực
      hiện các biện pháp cấp bách./.
      Nơi nhận:                                            KT. CHỦ TỊCH
      - Như trên;                                          PHÓ CHỦ TỊCH
      """
    let got = PDFLayout.readingOrder(text).split(separator: "\n").map(String.init)
    #expect(Array(got.suffix(4)) == ["Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
  }
}

extension ReadingOrderTests {
  @Test func pdfLongLinesAndManyBlocksStayLinear() {
    // A page of prose with no line breaks, then thousands of `Nơi nhận` blocks: unchanged, and fast.
    let prose = String(repeating: "chữ   ", count: 200_000)
    var text = prose + "\n\n"
    for _ in 0..<5_000 { text += "Nơi nhận: a\n\n" }
    let clock = ContinuousClock()
    var got = ""
    let elapsed = clock.measure { got = PDFLayout.readingOrder(text) }
    #expect(got == text)
    #expect(elapsed < .seconds(10))
  }
}
