import Foundation
import Testing

@testable import VanbanKit

/// Ten dispatches written as .docx and exported by LibreOffice to .odt, .pdf, .doc and .html
/// (Tests/Fixtures/formats, made by scripts/make-format-fixtures): every format must yield the
/// same fields, and those of truth.json. Needs pdftotext and antiword, as CI has; not LibreOffice.
@Suite("Decode: same document, same fields")
struct FormatRoundTripTests {
  static let formats = ["docx", "odt", "pdf", "doc", "html"]

  static let directory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/formats")

  struct Truth: Decodable, Equatable, CustomStringConvertible {
    var type: String?
    var number: String?
    var issuer: String?
    var parent: String?
    var date: String?
    var subject: String?
    var signer: String?
    var signer_title: String?
    var references: [String]

    var description: String {
      "type=\(type ?? "nil") number=\(number ?? "nil") issuer=\(issuer ?? "nil") parent=\(parent ?? "nil") "
        + "date=\(date ?? "nil") subject=\(subject ?? "nil") signer=\(signer ?? "nil") "
        + "signer_title=\(signer_title ?? "nil") references=\(references)"
    }
  }

  struct TruthFile: Decodable { var documents: [String: Truth] }

  static let ids: [String] = {
    guard let data = try? Data(contentsOf: directory.appendingPathComponent("truth.json")),
      let file = try? JSONDecoder().decode(TruthFile.self, from: data)
    else { return [] }
    return file.documents.keys.sorted()
  }()

  static func truth(_ id: String) throws -> Truth {
    let data = try Data(contentsOf: directory.appendingPathComponent("truth.json"))
    return try #require(try JSONDecoder().decode(TruthFile.self, from: data).documents[id])
  }

  /// The fields this suite compares, normalised as the indexer stores them.
  static func metadata(_ id: String, _ format: String) throws -> DocumentMetadata {
    let path = directory.appendingPathComponent("\(id).\(format)").path
    let decoded = try DocumentDecoder().decode(fileAt: path)
    return MetadataExtractor().extract(from: TextNormalizer.normalize(decoded.text))
  }

  static func fields(_ id: String, _ format: String) throws -> Truth {
    let m = try metadata(id, format)
    return Truth(
      type: m.type, number: m.number, issuer: m.issuer, parent: m.parent, date: m.date?.iso, subject: m.subject,
      signer: m.signer, signer_title: m.signerTitle, references: m.references.map(\.number))
  }

  static func normalized(_ t: Truth) -> Truth {
    func n(_ s: String?) -> String? { s.map(TextNormalizer.normalize) }
    return Truth(
      type: n(t.type), number: n(t.number), issuer: n(t.issuer), parent: n(t.parent), date: t.date,
      subject: n(t.subject), signer: n(t.signer), signer_title: n(t.signer_title),
      references: t.references.map(TextNormalizer.normalize))
  }

  static var helpersInstalled: Bool {
    let locator = HelperLocator()
    return locator.locate("pdftotext") != nil && locator.locate("antiword") != nil
  }

  @Test func tenDispatchesInFiveFormats() throws {
    #expect(Self.ids.count == 10)
    for id in Self.ids {
      for format in Self.formats {
        #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(id).\(format)").path))
      }
    }
  }

  /// Each format against the .docx, field by field: a layout bug shows up here.
  @Test(arguments: ids)
  func everyFormatLikeDocx(_ id: String) throws {
    // CI installs both (make deps): their absence is a failure, not a skip.
    try #require(Self.helpersInstalled, "pdftotext and antiword are needed: make deps")
    let docx = Self.normalized(try Self.fields(id, "docx"))
    let docxRest = Self.rest(try Self.metadata(id, "docx"))
    for format in Self.formats.dropFirst() {
      let got = Self.normalized(try Self.fields(id, format))
      #expect(got == docx, "\(id).\(format)\n got \(got)\nwant \(docx)")
      let rest = Self.rest(try Self.metadata(id, format))
      #expect(rest == docxRest, "\(id).\(format)\n got \(rest)\nwant \(docxRest)")
    }
  }

  /// What truth.json does not list but must not depend on the format either: recipients, province,
  /// companies, and each citation's type and date (not its line, which moves with the layout).
  static func rest(_ m: DocumentMetadata) -> [String] {
    m.recipients + ["province: \(m.province ?? "nil")"] + m.companies
      + m.references.map { "\($0.number) \($0.type ?? "-") \($0.date?.iso ?? "-")" }
  }

  /// Reordering the columns must lose nothing: every word of the .docx, as often, in every format.
  @Test(arguments: ids)
  func everyWordOfTheDocxInEveryFormat(_ id: String) throws {
    // CI installs both (make deps): their absence is a failure, not a skip.
    try #require(Self.helpersInstalled, "pdftotext and antiword are needed: make deps")
    func words(_ format: String) throws -> [String: Int] {
      let path = Self.directory.appendingPathComponent("\(id).\(format)").path
      let text = TextNormalizer.normalize(try DocumentDecoder().decode(fileAt: path).text).lowercased()
      var counts: [String: Int] = [:]
      for w in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[String(w), default: 0] += 1 }
      return counts
    }
    let docx = try words("docx")
    #expect(docx.count > 50)
    for format in Self.formats.dropFirst() {
      let got = try words(format)
      let missing = docx.filter { got[$0.key, default: 0] < $0.value }.keys.sorted()
      #expect(missing.isEmpty, "\(id).\(format) lacks \(missing)")
    }
  }

  /// Each format against truth.json: an extractor bug shows up here (and in every format at once).
  @Test(arguments: ids)
  func everyFormatLikeTruth(_ id: String) throws {
    // CI installs both (make deps): their absence is a failure, not a skip.
    try #require(Self.helpersInstalled, "pdftotext and antiword are needed: make deps")
    let want = Self.normalized(try Self.truth(id))
    for format in Self.formats {
      let got = Self.normalized(try Self.fields(id, format))
      for (field, g, w) in Self.pairs(got, want) {
        #expect(g == w, "\(id).\(format) \(field): got \(g), want \(w)")
      }
    }
  }

  static func pairs(_ a: Truth, _ b: Truth) -> [(String, String, String)] {
    func s(_ v: String?) -> String { v.map { "\"\($0)\"" } ?? "nil" }
    return [
      ("type", s(a.type), s(b.type)), ("number", s(a.number), s(b.number)), ("issuer", s(a.issuer), s(b.issuer)),
      ("parent", s(a.parent), s(b.parent)), ("date", s(a.date), s(b.date)), ("subject", s(a.subject), s(b.subject)),
      ("signer", s(a.signer), s(b.signer)), ("signer_title", s(a.signer_title), s(b.signer_title)),
      ("references", "\(a.references)", "\(b.references)"),
    ]
  }
}
