import Foundation
import ZIPFoundation

@testable import VanbanKit

/// Paths and fixtures shared by the Decode tests. Everything is generated at test time; no binary fixture
/// is committed.
enum DecodeFixtures {
  /// `shared/` next to the repository (found by walking up from this file), or `$VANBAN_SHARED`.
  static let shared: URL? = {
    if let env = ProcessInfo.processInfo.environment["VANBAN_SHARED"] { return URL(fileURLWithPath: env) }
    var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while dir.path != "/" {
      let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("seeds").path),
        FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
      {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  static let seed003Name = "003_32c798e237f9dc40.txt"

  /// The text of seed 003 (`Chỉ thị số 16/CT-TTg`, with an NFD `Nơi nhận` block).
  static func seed003() throws -> String {
    guard let shared else { throw FixtureMissing(what: "shared/ (set VANBAN_SHARED)") }
    return try String(contentsOf: shared.appendingPathComponent("seeds").appendingPathComponent(seed003Name), encoding: .utf8)
  }

  struct FixtureMissing: Error, CustomStringConvertible {
    var what: String
    var description: String { "missing test fixture: \(what)" }
  }

  /// A zip archive (stored in memory) with the given entries.
  static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, content) in entries {
      let data = Data(content.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
        position, size in data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return [UInt8](archive.data!)
  }

  static func xmlEscape(_ s: some StringProtocol) -> String {
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
  static func docx(lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
                   created: String? = nil) throws -> [UInt8] {
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
    return try zip([("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
                    ("docProps/core.xml", core)])
  }

  /// ODF paragraph content for one line: tabs as `text:tab`, space runs (and leading/trailing spaces) as `text:s`.
  static func odfParagraph(_ line: Substring) -> String {
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
  static func odt(lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
                  created: String? = nil) throws -> [UInt8] {
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
    return try zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content), ("meta.xml", meta)])
  }

  /// Lines of a text without the final empty line that a trailing newline makes.
  static func lines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// A fresh temporary directory, removed by the caller with `FileManager.default.removeItem`.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-decode-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs a program (no shell) and returns its exit status.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
  }

  /// The first executable called `name` on PATH.
  static func which(_ name: String) -> String? {
    HelperLocator(searchPath: nil).locate(name)
  }
}

/// Pseudo-random bytes, the same on every run.
func decodeTestNoise(count: Int, seed: UInt64 = 0x5EED) -> [UInt8] {
  var state = seed
  return (0..<count).map { _ in
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return UInt8(truncatingIfNeeded: state >> 33)
  }
}
