// Issue N: JSON and JSON Lines parsed back: every key README documents is present (null or []
// when unknown, never missing), with the fixture's values.
import Foundation
import Testing

@testable import VanbanKit

@Suite struct JSONPrinterTests {
  static let envelopeKeys: Set<String> = [
    "version", "query", "total", "totalExact", "offset", "limit", "relaxed", "suggestion", "notes", "facets",
    "facetsExact", "timedOut",
    "hits",
  ]
  static let hitKeys: Set<String> = [
    "rank", "id", "path", "score", "type", "number", "issuer", "parent", "province", "date", "subject", "signer",
    "signer_title", "recipients", "references", "companies", "format", "snippet", "copies", "ocr",
  ]

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func envelopeAndHitsHaveEveryKey() throws {
    var r = PrinterFixture.result([PrinterFixture.hit, PrinterFixture.bareHit])
    r.facets = Facets(
      issuer: [.init(value: "UBND tỉnh Lai Châu", count: 1)], type: [], province: [],
      year: [.init(value: "2022", count: 1)])
    let out = try HitPrinter.render(r, PrinterFixture.options(.json))
    #expect(out.hasSuffix("}\n"))
    let env = try object(out)
    #expect(Set(env.keys) == Self.envelopeKeys)
    #expect(env["version"] as? Int == 1)
    #expect(env["query"] as? String == "tiem chung")
    #expect(env["total"] as? Int == 2)
    #expect(env["totalExact"] as? Bool == true)
    #expect(env["offset"] as? Int == 0)
    #expect(env["limit"] as? Int == 10)
    #expect(env["relaxed"] as? Bool == false)
    #expect(env["suggestion"] as? String == "tiêm chủng")
    #expect(env["notes"] as? [String] == ["query read as plain words (unbalanced quote)"])
    let facets = try #require(env["facets"] as? [String: Any])
    #expect(Set(facets.keys) == ["issuer", "type", "province", "year"])
    #expect(env["facetsExact"] as? Bool == true)
    let issuers = try #require(facets["issuer"] as? [[String: Any]])
    #expect(issuers.first?["value"] as? String == "UBND tỉnh Lai Châu" && issuers.first?["count"] as? Int == 1)

    let hits = try #require(env["hits"] as? [[String: Any]])
    #expect(hits.count == 2)
    for h in hits { #expect(Set(h.keys) == Self.hitKeys) }
    let h = hits[0]
    #expect(h["rank"] as? Int == 1)
    #expect(h["id"] as? String == "cv-16")
    #expect(h["path"] as? String == "/data/cv-16.docx")
    #expect(h["score"] as? Double == 12.346)
    #expect(h["type"] as? String == "Công văn")
    #expect(h["number"] as? String == "16/UBND-VX")
    #expect(h["issuer"] as? String == "UBND tỉnh Lai Châu")
    #expect(h["parent"] as? String == "Bộ Y tế")
    #expect(h["province"] as? String == "Lai Châu")
    #expect(h["date"] as? String == "2022-09-20")
    #expect(h["subject"] as? String == "V/v tiêm chủng")
    #expect(h["signer"] as? String == "Nguyễn Văn An")
    #expect(h["signer_title"] as? String == "PHÓ CHỦ TỊCH")
    #expect(h["recipients"] as? [String] == ["Sở Y tế", "Sở Tài chính"])
    #expect(h["references"] as? [String] == ["16/CT-TTg", "15/2020/NĐ-CP"])
    #expect(h["companies"] as? [String] == ["Công ty Việt Á"])
    #expect(h["format"] as? String == "docx")
    #expect(h["snippet"] as? String == "… về «tiêm» «chủng» đợt 2, \"khẩn\" …")
    // Unknown values are null or [], never missing.
    let bare = hits[1]
    for key in ["type", "number", "issuer", "parent", "province", "date", "subject", "signer", "signer_title"] {
      #expect(bare[key] is NSNull, "\(key)")
    }
    for key in ["recipients", "references", "companies"] { #expect((bare[key] as? [Any])?.isEmpty == true, "\(key)") }
    #expect(bare["snippet"] as? String == "")
  }

  @Test func withoutFacetsOrSuggestionTheyAreNull() throws {
    var r = PrinterFixture.result([])
    r.suggestion = nil
    let env = try object(try HitPrinter.render(r, PrinterFixture.options(.json)))
    #expect(Set(env.keys) == Self.envelopeKeys)
    #expect(env["facets"] is NSNull)
    #expect(env["suggestion"] is NSNull)
    #expect((env["hits"] as? [Any])?.isEmpty == true)
  }

  @Test func citationsOnlyWhenAsked() throws {
    var hit = PrinterFixture.hit
    hit.citations = [
      CitationLine(number: "16/CT-TTg", date: "2022", type: "Chỉ thị", line: 3, sentence: "theo Chỉ thị")
    ]
    let env = try object(try HitPrinter.render(PrinterFixture.result([hit]), PrinterFixture.options(.json)))
    let h = try #require((env["hits"] as? [[String: Any]])?.first)
    #expect(Set(h.keys) == Self.hitKeys.union(["citations"]))
    let c = try #require((h["citations"] as? [[String: Any]])?.first)
    #expect(Set(c.keys) == ["number", "date", "type", "line", "sentence"])
    #expect(c["line"] as? Int == 3)
  }

  @Test func fieldsRestrictTheHits() throws {
    var o = PrinterFixture.options(.json)
    o.fields = ["id", "signer_title", "nonsense"]
    let env = try object(try HitPrinter.render(PrinterFixture.result(), o))
    #expect(Set(env.keys) == Self.envelopeKeys)
    let h = try #require((env["hits"] as? [[String: Any]])?.first)
    #expect(Set(h.keys) == ["id", "signer_title"])
  }

  @Test func jsonLinesIsOneHitPerLine() throws {
    let out = try HitPrinter.render(
      PrinterFixture.result([PrinterFixture.hit, PrinterFixture.bareHit]), PrinterFixture.options(.jsonl))
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3 && lines[2].isEmpty)
    for line in lines.dropLast() { #expect(Set(try object(String(line)).keys) == Self.hitKeys) }
    #expect(try object(String(lines[0]))["path"] as? String == "/data/cv-16.docx")  // slashes unescaped
    #expect(lines[0].contains("\"path\":\"/data/cv-16.docx\""))

    var o = PrinterFixture.options(.jsonl)
    o.fields = ["rank"]
    #expect(try HitPrinter.render(PrinterFixture.result(), o) == "{\"rank\":1}\n")
  }

  /// The keys README's "JSON output" tables document are the keys printed.
  @Test func readmeDocumentsExactlyTheseKeys() throws {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(contentsOf: repo.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## JSON output").dropFirst().first)
    let tables = section.components(separatedBy: "\n\n").filter { $0.hasPrefix("| key |") }
    #expect(tables.count == 2)
    func keys(_ table: String) -> Set<String> {
      var out = Set<String>()
      for row in table.split(separator: "\n").dropFirst(2) {
        let first = row.split(separator: "|").first ?? ""
        for k in first.split(separator: ",") {
          out.insert(k.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
      }
      return out
    }
    #expect(keys(tables[0]) == Self.envelopeKeys)
    #expect(keys(tables[1]) == Self.hitKeys.union(["citations"]))
  }
}

@Suite struct JSONControlEscapeTests {
  struct Sample: Codable, Equatable { var text: String }

  @Test func c1ControlsAndDELAreEscapedAndReadBackTheSame() throws {
    let sample = Sample(text: "a\u{9B}31m b\u{85}\u{7F} ¢ Â đ \u{80}\u{9F}\u{A0}")
    let json = try WireFormat.json(sample, pretty: false)
    #expect(json == #"{"text":"a\u009b31m b\u0085\u007f ¢ Â đ \u0080\u009f\#u{A0}"}"#)
    #expect(try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) == sample)
  }

  @Test func textWithoutThemIsUnchanged() throws {
    let plain = Data(#"{"text":"Việt Á ¢ © ÿ"}"#.utf8)
    #expect(WireFormat.text(ofJSON: plain) == String(decoding: plain, as: UTF8.self))
  }
}
