// Issue N: CSV for Excel, byte for byte: BOM, CRLF, RFC 4180 quoting, lists joined with "; ".
import Testing

@testable import VanbanKit

@Suite struct CSVPrinterTests {
  static let header =
    "rank,id,path,score,type,number,issuer,province,date,subject,signer,signer_title,recipients,references,companies,snippet,copies,ocr"

  @Test func fullHitAndBareHit() throws {
    let r = PrinterFixture.result([PrinterFixture.hit, PrinterFixture.bareHit])
    let out = try HitPrinter.render(r, PrinterFixture.options(.csv))
    #expect(
      out == "\u{FEFF}" + Self.header + "\r\n"
        + "1,cv-16,/data/cv-16.docx,12.346,Công văn,16/UBND-VX,UBND tỉnh Lai Châu,Lai Châu,2022-09-20,V/v tiêm chủng,"
        + "Nguyễn Văn An,PHÓ CHỦ TỊCH,Sở Y tế; Sở Tài chính,16/CT-TTg; 15/2020/NĐ-CP,Công ty Việt Á,"
        + "\"… về tiêm chủng đợt 2, \"\"khẩn\"\" …\",,false\r\n"
        + "2,x,/data/x.txt,0.0,,,,,,,,,,,,,,false\r\n")
  }

  @Test func chosenFieldsWithoutBOM() throws {
    var o = PrinterFixture.options(.csv)
    o.bom = false
    o.fields = ["number", "nonsense", "rank", "format"]
    let out = try HitPrinter.render(PrinterFixture.result(), o)
    #expect(out == "number,rank\r\n16/UBND-VX,1\r\n")
  }

  @Test func noHitsIsTheHeader() throws {
    #expect(
      try HitPrinter.render(PrinterFixture.result([]), PrinterFixture.options(.csv)) == "\u{FEFF}" + Self.header
        + "\r\n")
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\""),
    ("=SUM(A1)", "'=SUM(A1)"),
    ("+84 912", "'+84 912"),
    ("-5", "'-5"),
    ("@cmd", "'@cmd"),
    ("=a,b", "\"'=a,b\""),
    ("a=b", "a=b"),
    ("esc\u{1B}]0;title\u{07}", "esc\\x1b]0;title\\x07"),
    ("c1\u{9B}31m", "c1\\x9b31m"),
    ("", ""),
  ])
  func quoting(_ value: String, _ field: String) {
    #expect(CSVPrinter.quote(value) == field)
  }
}
