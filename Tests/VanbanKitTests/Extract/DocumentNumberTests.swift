import Testing

@testable import VanbanKit

@Suite("Extract: DocumentNumber")
struct DocumentNumberTests {
  @Test(arguments: [
    ("16/CT-TTg", "16/CT-TTg"), ("16/ct-ttg", "16/CT-TTg"), ("16 / CT-TTg", "16/CT-TTg"), ("16/CT–TTg", "16/CT-TTg"),
    ("16/CT—TTG", "16/CT-TTg"), ("16 / ct–ttg", "16/CT-TTg"), ("15/2020/ND-CP", "15/2020/NĐ-CP"),
    ("15/2020/NĐ-CP", "15/2020/NĐ-CP"), ("585-TB/TU", "585-TB/TU"), ("585 - TB / TU", "585-TB/TU"),
    ("08-TB/BCDTW", "08-TB/BCĐTW"), ("1557/KH-BYT-BGDDT", "1557/KH-BYT-BGDĐT"), ("45/2019/QH14", "45/2019/QH14"),
    ("01/VBHN-VPQH", "01/VBHN-VPQH"), ("/UBND-KGVX", "/UBND-KGVX"), ("778/CD-TTG", "778/CĐ-TTg"),
    ("12/TTr-UBND", "12/TTr-UBND"), ("3/QĐi-TW", "3/QĐi-TW"), ("61-CP", "61-CP"),
    ("72/2025/NQLT/UBTVQH15-CP", "72/2025/NQLT/UBTVQH15-CP"),
  ])
  func canonical(_ raw: String, _ want: String) {
    #expect(DocumentNumber.canonical(raw) == want)
  }

  @Test func keysOfOneNumberAreEqual() {
    let keys = ["16/CT-TTg", "16/ct-ttg", "16 / CT-TTg", "16/CT–TTg", "16/CT-TTG"].map { DocumentNumber.key($0) }
    #expect(Set(keys) == ["16/ct-ttg"])
    #expect(DocumentNumber.key("15/2020/ND-CP") == DocumentNumber.key("15/2020/NĐ-CP"))
    #expect(DocumentNumber.key("15/2020/NĐ-CP") == "15/2020/nd-cp")
    #expect(DocumentNumber.key("1557/KH-BYT-BGDĐT") == "1557/kh-byt-bgddt")
  }

  @Test(arguments: [
    "20/9/2022", "24/24h", "5-12 tuổi", "2021 - 2025", "COVID-19", "SARS-CoV-2", "Covid-29", "3.000", "1/2", "F0", "",
    "abc", "16/",
  ])
  func nonNumbers(_ raw: String) {
    #expect(DocumentNumber.canonical(raw) == nil)
    #expect(DocumentNumber.key(raw) == nil)
  }

  @Test func prefixes() {
    #expect(DocumentNumber.keyPrefix("79/2010/") == "79/2010/")
    #expect(DocumentNumber.keyPrefix("16/CT-") == "16/ct-")
    #expect(DocumentNumber.keyPrefix("16 / CT–") == "16/ct-")
    #expect(DocumentNumber.keyPrefix("Việt Á") == nil)
  }

  @Test func findAllInText() {
    let text = """
      Thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022, Công văn số 6860/BYT-DP; trực 24/24h, trẻ 5-12 tuổi,
      giai đoạn 2021 - 2025, COVID-19, SARS-CoV-2, Covid-29; Thông báo số 364/TB-
      VPCP và Nghị quyết số 20-NQ/TW, 21-NQ/TW; query 16/ct-ttg; prose 1/ngày.
      """
    let found = DocumentNumber.findAll(in: text).map(\.number)
    #expect(found == ["16/CT-TTg", "6860/BYT-DP", "364/TB-VPCP", "20-NQ/TW", "21-NQ/TW", "16/CT-TTg"])
    let first = DocumentNumber.findAll(in: text)[0]
    #expect(text[first.range] == "16/CT-TTg")
  }

  /// A dot between digits: three digits after it separate thousands, anything else is part of
  /// the number as printed (`66.16/2026/NQ-CP`), in a header, in a citation and in a query alike.
  @Test func dottedNumbers() {
    #expect(DocumentNumber.canonical("66.16/2026/NQ-CP") == "66.16/2026/NQ-CP")
    #expect(DocumentNumber.canonical("1.234/QĐ-UBND") == "1234/QĐ-UBND")
    #expect(DocumentNumber.key("66.16/2026/nq-cp") == "66.16/2026/nq-cp")
    #expect(DocumentNumber.key("66.16/2026/NQ-CP") != DocumentNumber.key("6616/2026/NQ-CP"))
    let text = "Căn cứ Nghị quyết số 66.16/2026/NQ-CP của Chính phủ và Quyết định số 1.234/QĐ-UBND ngày 3.5."
    #expect(DocumentNumber.findAll(in: text).map(\.number) == ["66.16/2026/NQ-CP", "1234/QĐ-UBND"])
  }
}
