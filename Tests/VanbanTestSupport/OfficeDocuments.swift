// Minimal .docx and .odt files built in memory (ZIPFoundation), for decoder and CLI tests: no
// binary fixture is committed and no external tool is needed.

import Foundation
import ZIPFoundation

public enum OfficeDocuments {
  /// A zip archive (stored in memory) with the given entries.
  public static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
    try zip(bytes: entries.map { ($0.0, Data($0.1.utf8)) })
  }

  /// The same with raw bytes, for parts that are not valid UTF-8.
  public static func zip(bytes entries: [(String, Data)]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, data) in entries {
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
        position, size in data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return [UInt8](archive.data!)
  }

  public static func xmlEscape(_ s: some StringProtocol) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// A minimal .docx: one `w:p` per line (tabs as `w:tab`), then `extraBody` (raw WordprocessingML), plus core.xml.
  public static func docx(
    lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
    created: String? = nil
  ) throws -> [UInt8] {
    var body = ""
    for line in lines {
      body += "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      for (k, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
        if k > 0 { body += "<w:r><w:tab/></w:r>" }
        if !piece.isEmpty { body += "<w:r><w:t xml:space=\"preserve\">\(xmlEscape(piece))</w:t></w:r>" }
      }
      body += "</w:p>"
    }
    body += extraBody
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
      """
    var core = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      """
    if let title { core += "<dc:title>\(xmlEscape(title))</dc:title>" }
    if let author { core += "<dc:creator>\(xmlEscape(author))</dc:creator>" }
    if let created { core += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:created>" }
    core += "</cp:coreProperties>"
    let rels = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
      </Relationships>
      """
    let types = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
      </Types>
      """
    return try zip([
      ("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
      ("docProps/core.xml", core),
    ])
  }

  /// ODF paragraph content for one line: tabs as `text:tab`, space runs (and leading/trailing spaces) as `text:s`.
  public static func odfParagraph(_ line: Substring) -> String {
    var out = ""
    let chars = Array(line)
    var i = 0
    while i < chars.count {
      let ch = chars[i]
      if ch == "\t" {
        out += "<text:tab/>"
        i += 1
      } else if ch == " " {
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        let n = j - i
        if n == 1 && i > 0 && j < chars.count {
          out += " "
        } else {
          out += "<text:s text:c=\"\(n)\"/>"
        }
        i = j
      } else {
        out += xmlEscape(String(ch))
        i += 1
      }
    }
    return out
  }

  /// A minimal .odt: one `text:p` per line, then `extraBody` (raw ODF), plus meta.xml.
  public static func odt(
    lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
    created: String? = nil
  ) throws -> [UInt8] {
    let paragraphs = lines.map { "<text:p text:style-name=\"P1\">\(odfParagraph($0))</text:p>" }.joined()
    let content = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
      xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
      <office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="P1"/></office:automatic-styles>
      <office:body><office:text>\(paragraphs)\(extraBody)</office:text></office:body></office:document-content>
      """
    var meta = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta>
      """
    if let title { meta += "<dc:title>\(xmlEscape(title))</dc:title>" }
    if let author { meta += "<meta:initial-creator>\(xmlEscape(author))</meta:initial-creator>" }
    if let created { meta += "<meta:creation-date>\(created)</meta:creation-date>" }
    meta += "</office:meta></office:document-meta>"
    return try zip([
      ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content), ("meta.xml", meta),
    ])
  }

  /// Lines of a text without the final empty line that a trailing newline makes.
  public static func lines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}
