import Foundation
import Testing

@testable import VanbanKit

@Suite("Decode: docx and odt")
struct ZippedXMLDecodeTests {
  let decoder = DocumentDecoder()

  @Test func docxGivesBackTheSeedLines() throws {
    let seed = try DecodeFixtures.seed003()
    let lines = DecodeFixtures.lines(seed)
    let bytes = try DecodeFixtures.docx(
      lines: lines, title: "Về việc triển khai Chỉ thị 16/CT-TTg",
      author: "UBND tỉnh Bắc Giang", created: "2022-10-03T08:15:00Z")
    let d = try decoder.decode(bytes: bytes, format: .docx)
    #expect(d.format == .docx)
    #expect(d.encoding == .xml)
    #expect(DecodeFixtures.lines(d.text) == lines)
    #expect(d.text.contains("Chỉ thị số 16/CT-TTg"))
    #expect(
      d.embedded
        == EmbeddedMetadata(
          title: "Về việc triển khai Chỉ thị 16/CT-TTg", author: "UBND tỉnh Bắc Giang",
          created: "2022-10-03T08:15:00Z"))
  }

  @Test func odtGivesBackTheSeedLines() throws {
    let seed = try DecodeFixtures.seed003()
    let lines = DecodeFixtures.lines(seed)
    let bytes = try DecodeFixtures.odt(
      lines: lines, title: "Chỉ thị 16", author: "Sở Y tế", created: "2022-10-03T08:15:00")
    let d = try decoder.decode(bytes: bytes, format: .odt)
    #expect(d.format == .odt)
    #expect(d.encoding == .xml)
    #expect(DecodeFixtures.lines(d.text) == lines)
    #expect(d.embedded == EmbeddedMetadata(title: "Chỉ thị 16", author: "Sở Y tế", created: "2022-10-03T08:15:00"))
  }

  @Test func boldRunInsideAWordNeitherSplitsNorGlues() throws {
    // "Việt Nam" with a bold "t", then "Hà Nội" split as "Hà" | " " | "Nội" over three runs.
    let extra = """
      <w:p><w:r><w:t>Việ</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>t</w:t></w:r><w:r><w:t xml:space="preserve"> Nam</w:t></w:r></w:p>\
      <w:p><w:r><w:t>Hà</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Nội</w:t></w:r></w:p>\
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô một</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>ô hai</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
      <w:p><w:r><w:t>dòng</w:t></w:r><w:r><w:br/><w:t>mới</w:t></w:r><w:r><w:delText>xoá</w:delText></w:r></w:p>
      """
    let docx = try DecodeFixtures.docx(lines: [], extraBody: extra)
    let d = try decoder.decode(bytes: docx, format: .docx)
    #expect(d.text == "Việt Nam\nHà Nội\nô một\nô hai\ndòng\nmới\n")
    #expect(d.embedded == EmbeddedMetadata())

    let odfExtra = """
      <text:p>Việ<text:span text:style-name="T1">t</text:span> Nam</text:p>\
      <text:h text:outline-level="1">Hà <text:span>Nội</text:span></text:h>\
      <table:table><table:table-row><table:table-cell><text:p>ô một</text:p></table:table-cell>\
      <table:table-cell><text:p>ô hai</text:p></table:table-cell></table:table-row></table:table>\
      <text:p>dòng<text:line-break/>mới<text:tab/>cột<text:s text:c="3"/>xa</text:p>
      """
    let odt = try DecodeFixtures.odt(lines: [], extraBody: odfExtra)
    let o = try decoder.decode(bytes: odt, format: .odt)
    #expect(o.text == "Việt Nam\nHà Nội\nô một\nô hai\ndòng\nmới\tcột   xa\n")
  }

  @Test func truncatedZipIsDamaged() throws {
    let bytes = try DecodeFixtures.docx(lines: DecodeFixtures.lines(try DecodeFixtures.seed003()))
    for cut in [bytes.count / 2, bytes.count - 30, 100] {
      #expect {
        try decoder.decode(bytes: Array(bytes.prefix(cut)), format: .docx)
      } throws: { error in
        guard case .damaged = error as? DecodeError else { return false }
        return true
      }
    }
  }

  @Test func zipWithoutTheMainPartIsDamaged() throws {
    let bytes = try DecodeFixtures.zip([("hello.txt", "xin chào")])
    #expect(throws: DecodeError.damaged("zip archive without word/document.xml (not a docx file?)")) {
      try decoder.decode(bytes: bytes, format: .docx)
    }
    #expect(throws: DecodeError.damaged("zip archive without content.xml (not a odt file?)")) {
      try decoder.decode(bytes: bytes, format: .odt)
    }
    #expect(throws: DecodeError.damaged("not a readable zip archive (truncated or corrupt)")) {
      try decoder.decode(bytes: Array("not a zip at all".utf8), format: .docx)
    }
  }

  @Test func malformedXMLIsDamaged() throws {
    let bytes = try DecodeFixtures.zip([("word/document.xml", "<w:document><w:body><w:p><w:t>Việt</w:body>")])
    #expect {
      try decoder.decode(bytes: bytes, format: .docx)
    } throws: { error in
      guard case .damaged(let why) = error as? DecodeError else { return false }
      return why.hasPrefix("word/document.xml: malformed XML")
    }
  }

  /// Found by fuzzing (OfficeFuzz): an element name that is not UTF-8 made Foundation's
  /// XMLParser trap, killing the whole indexing run. Now the part is refused as damaged.
  @Test func elementNameNotInUTF8IsDamagedNotACrash() throws {
    let xml: [UInt8] =
      Array("<w:docum".utf8) + [0xDF, 0xDF, 0xDF, 0xDF, 0xDF, 0xDF, 0xC3, 0x5D]
      + Array("NG w:body></w:dUnsafeRaocument>".utf8)
    for format in [DocumentFormat.docx, .odt] {
      let part = format == .docx ? "word/document.xml" : "content.xml"
      let bytes = try OfficeDocuments.zip(bytes: [(part, Data(xml))])
      #expect {
        try decoder.decode(bytes: bytes, format: format)
      } throws: { error in
        guard case .damaged(let why) = error as? DecodeError else { return false }
        return why.contains("malformed XML")
      }
    }
  }

  /// Found by fuzzing: a processing instruction without data made FoundationXML read a null
  /// string. It carries no text, so the document reads as if it were not there.
  @Test func processingInstructionWithoutDataIsNotACrash() throws {
    let xml =
      "<?xml version=\"1.0\"?><?ri-?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Việt<?x?> Á</w:t></w:r></w:p></w:body></w:document>"
    let bytes = try OfficeDocuments.zip([("word/document.xml", xml)])
    let doc = try decoder.decode(bytes: bytes, format: .docx)
    #expect(doc.text.contains("Việt") && doc.text.contains("Á"))
    let odt = try OfficeDocuments.zip([
      (
        "content.xml",
        "<?ri-?><office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><text:p>Việt Á</text:p></office:body></office:document-content>"
      )
    ])
    #expect(try decoder.decode(bytes: odt, format: .odt).text.contains("Việt Á"))
  }

  @Test func zipBombIsRefused() throws {
    // 40 MB of spaces compresses to a few tens of KB; a 1 MB file limit caps decompression at 8 MB.
    let filler = String(repeating: " ", count: 40 << 20)
    let bytes = try DecodeFixtures.zip([
      ("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>a\(filler)</w:t></w:r></w:p></w:body></w:document>")
    ])
    #expect(bytes.count < 1 << 20)
    #expect {
      try DocumentDecoder(maxFileSize: 1 << 20).decode(bytes: bytes, format: .docx)
    } throws: { error in
      guard case .tooLarge(_, let limit) = error as? DecodeError else { return false }
      return limit == 8 << 20
    }
  }

  @Test func docxTypedInALegacyFontIsConverted() throws {
    // A .doc converted to .docx keeps .VnTime text as the Latin-1 characters of the TCVN3 bytes.
    let latin1 = String(String.UnicodeScalarView(PlainTextDecodeTests.mottoTCVN.map { Unicode.Scalar($0) }))
    let latin1b = String(String.UnicodeScalarView(PlainTextDecodeTests.committeeTCVN.map { Unicode.Scalar($0) }))
    let bytes = try DecodeFixtures.docx(lines: [Substring(latin1), Substring(latin1b), "Số: 16/CT-TTg"])
    let d = try decoder.decode(bytes: bytes, format: .docx)
    #expect(d.encoding == .tcvn3)
    #expect(d.text == "\(PlainTextDecodeTests.motto)\nỦy ban nhân dân tỉnh\nSố: 16/CT-TTg\n")
  }
}
