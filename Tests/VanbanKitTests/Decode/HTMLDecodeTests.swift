import Foundation
import Testing

@testable import VanbanKit

@Suite("Decode: html")
struct HTMLDecodeTests {
  let decoder = DocumentDecoder()

  func decode(_ html: String) throws -> DecodedDocument {
    try decoder.decode(bytes: Array(html.utf8), format: .html)
  }

  @Test func scriptStyleCommentsAndBlocks() throws {
    let html = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Chỉ thị   16/CT-TTg</title>
      <style>p { color: red } /* <p>not text</p> */</style>
      <script type="text/javascript">if (a < b && c > d) { document.write("<p>not text</p>"); }</script>
      </head><body>
      <!-- <p>commented out</p> -->
      <h1>ỦY BAN NHÂN DÂN<br>TỈNH BẮC GIANG</h1>
      <div>Kính gửi:<ul><li>Sở Y tế;</li><li>UBND các huyện</li></ul></div>
      <p>Thực hiện <b>Chỉ thị</b> số 16/CT-TTg<span>,</span> ngày 20/9/2022
         của Thủ tướng</p>
      <table><tr><td>Nơi nhận</td><td>KT. CHỦ TỊCH</td></tr></table>
      <p>a < b, 3<5</p>
      <SCRIPT>var x = "</scriptx>";</SCRIPT><p>cuối</p>
      </body></html>
      """
    let d = try decode(html)
    #expect(d.format == .html)
    #expect(d.encoding == .utf8)
    #expect(d.embedded.title == "Chỉ thị 16/CT-TTg")
    #expect(
      d.text == """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC GIANG
        Kính gửi:
        Sở Y tế;
        UBND các huyện
        Thực hiện Chỉ thị số 16/CT-TTg, ngày 20/9/2022 của Thủ tướng
        Nơi nhận
        KT. CHỦ TỊCH
        a < b, 3<5
        cuối

        """)
  }

  /// Found by fuzzing (OfficeFuzz): an attribute whose quote never closes, on a raw-text element,
  /// sent the tokenizer past the end of the text, and slicing the raw text trapped.
  @Test(arguments: ["<p>Việt Á<title a=\"x", "<script src='x", "<title a=\"x\" b=\"", "<textarea x='"])
  func unclosedAttributeQuoteIsNotACrash(_ html: String) {
    // Decoding may find no text (a clear skip reason) but never traps.
    _ = try? decode(html)
    _ = try? decode(html + "\n<p>Việt Á</p>")
  }

  @Test func entities() throws {
    let d = try decode(
      "<p>Vi&#7879;t &amp; Nam &lt;&gt; &quot;x&quot; &nbsp;H&agrave; N&#x1ED9;i &copy &bogus; &#0; &#150;&hellip;</p>")
    #expect(d.text == "Việt & Nam <> \"x\"  Hà Nội © &bogus; \u{FFFD} –…\n")
  }

  /// Every Latin-1 letter by name, both cases: `C&ocirc;ng` (unrtf writes it) is `Công`.
  @Test func latin1LetterEntities() throws {
    #expect(try decode("<p>C&ocirc;ng C&Ocirc;NG Ph&uacute; &Yacute; &eth;</p>").text == "Công CÔNG Phú Ý ð\n")
  }

  @Test func metaCharsetWindows1258() throws {
    let head = Array(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><title>".utf8)
    let body = Array("</title></head><body><p>".utf8)
    let bytes =
      head + PlainTextDecodeTests.committee1258 + body + PlainTextDecodeTests.motto1258
      + Array("</p></body></html>".utf8)
    let d = try decoder.decode(bytes: bytes, format: .html)
    #expect(d.encoding == .windows1258)
    #expect(d.embedded.title == PlainTextDecodeTests.committee)
    #expect(d.text == PlainTextDecodeTests.motto + "\n")
  }

  @Test func metaCharsetShortForm() throws {
    let bytes = Array("<meta charset='windows-1258'><p>".utf8) + PlainTextDecodeTests.motto1258
    #expect(HTMLDecoder.declaredCharset(bytes) == "windows-1258")
    let d = try decoder.decode(bytes: bytes, format: .html)
    #expect(d.text == PlainTextDecodeTests.motto + "\n")
  }

  @Test func undeclaredLegacyPageIsDetected() throws {
    // An old page typed with VNI fonts and declaring Latin-1.
    let bytes =
      Array("<html><head><meta charset=iso-8859-1></head><body><font face=\"VNI-Times\">".utf8)
      + PlainTextDecodeTests.mottoVNI + Array("<br>".utf8) + PlainTextDecodeTests.committeeVNI
      + Array("</font></body></html>".utf8)
    let d = try decoder.decode(bytes: bytes, format: .html)
    #expect(d.encoding == .vni)
    #expect(d.text == "\(PlainTextDecodeTests.motto)\n\(PlainTextDecodeTests.committee)\n")
  }

  @Test func utf16PageWithBOM() throws {
    let units = Array("<html><title>Tiêu đề</title><p>Nội dung</p></html>".utf16)
    let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let d = try decoder.decode(bytes: bytes, format: .html)
    #expect(d.encoding == .utf16LE)
    #expect(d.embedded.title == "Tiêu đề")
    #expect(d.text == "Nội dung\n")
  }

  @Test func brokenMarkupNeverFails() throws {
    let d = try decode("<p class=x>Một <b>hai</i> ba <unclosed attr='1' <p>bốn</p></div></div> <!-- never closed")
    // As in browsers, "<p" inside the unclosed tag is an attribute name, so no paragraph break.
    #expect(d.text == "Một hai ba bốn\n")
    // An attribute quote that never closes swallows the rest, as in browsers.
    #expect(throws: DecodeError.empty) { try decode("<p class=\"x>Một hai") }
    let e = try decode("text with <3 hearts and a lone & sign")
    #expect(e.text == "text with <3 hearts and a lone & sign\n")
    #expect(throws: DecodeError.empty) { try decode("<html><head><style>x{}</style></head><body> </body></html>") }
  }
}
