import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

/// pdf and doc through pdftotext / antiword. PDFs are generated at test time with python3 + fpdf2 and the
/// DejaVu font (CI: `pip install fpdf2`, `apt-get install fonts-dejavu-core poppler-utils antiword`).
@Suite("Decode: pdf and doc helpers")
struct ExternalToolDecodeTests {
  static let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

  /// python3 with fpdf2, the DejaVu font (PDFDocuments), and pdftotext: everything the PDF tests need.
  static let pdfGeneratorAvailable = PDFDocuments.canWrite && ProcessRunner.which("pdftotext") != nil

  static let antiwordAvailable = ProcessRunner.which("antiword") != nil

  /// Writes a PDF of `text` (one cell line per text line) to `url`, or a PDF with only a rectangle if text is nil.
  static func makePDF(_ text: String?, at url: URL, title: String = "", author: String = "") throws {
    try PDFDocuments.write(text: text, to: url, title: title, author: author)
  }

  // Tools `make deps` installs: missing, the test fails rather than skips.
  @Test func pdfFromSeedKeepsVietnamese() throws {
    try #require(
      Self.pdfGeneratorAvailable, "python3 with fpdf2, fonts-dejavu-core and poppler-utils are needed: make deps")
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("chi-thi-16.pdf")
    try Self.makePDF(try DecodeFixtures.seed003(), at: pdf, title: "Chỉ thị 16", author: "UBND tỉnh Bắc Giang")
    let d = try DocumentDecoder().decode(fileAt: pdf.path)
    #expect(d.format == .pdf)
    #expect(d.encoding == .helper)
    #expect(d.text.precomposedStringWithCanonicalMapping.contains("Chỉ thị số 16/CT-TTg"))
    #expect(!d.text.contains("\u{0C}"))
    #expect(d.embedded.title == "Chỉ thị 16")
    #expect(d.embedded.author == "UBND tỉnh Bắc Giang")
    #expect(d.embedded.created?.hasPrefix("20") == true)

    // The same PDF from memory goes through a temporary file.
    let fromBytes = try DocumentDecoder().decode(bytes: [UInt8](try Data(contentsOf: pdf)), format: .pdf)
    #expect(fromBytes.text == d.text)
  }

  // Tools `make deps` installs: missing, the test fails rather than skips.
  @Test func pdfWithoutTextLayerIsDamaged() throws {
    try #require(
      Self.pdfGeneratorAvailable, "python3 with fpdf2, fonts-dejavu-core and poppler-utils are needed: make deps")
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("scan.pdf")
    try Self.makePDF(nil, at: pdf)
    #expect(throws: DecodeError.damaged("no text layer (scanned PDF?)")) {
      try DocumentDecoder().decode(fileAt: pdf.path)
    }
  }

  // Tools `make deps` installs: missing, the test fails rather than skips.
  @Test func truncatedPDFIsDamaged() throws {
    try #require(
      Self.pdfGeneratorAvailable, "python3 with fpdf2, fonts-dejavu-core and poppler-utils are needed: make deps")
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("whole.pdf")
    try Self.makePDF(try DecodeFixtures.seed003(), at: pdf)
    let bytes = [UInt8](try Data(contentsOf: pdf))
    let cut = dir.appendingPathComponent("cut.pdf")
    try Data(bytes.prefix(bytes.count / 3)).write(to: cut)
    #expect {
      try DocumentDecoder().decode(fileAt: cut.path)
    } throws: { error in
      guard case .damaged = error as? DecodeError else { return false }
      return true
    }
  }

  @Test func corruptDocIsDamaged() throws {
    try #require(Self.antiwordAvailable, "antiword is needed: make deps")
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let doc = dir.appendingPathComponent("hỏng.doc")
    // An OLE2 signature followed by junk.
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + decodeTestNoise(count: 3000)).write(to: doc)
    #expect {
      try DocumentDecoder().decode(fileAt: doc.path)
    } throws: { error in
      switch error as? DecodeError {
      case .damaged(let why): return !why.contains(dir.path)
      case .helperFailed: return true
      default: return false
      }
    }
  }

  @Test func missingHelpers() throws {
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("a.pdf"), doc = dir.appendingPathComponent("a.doc")
    try Data("%PDF-1.4\n".utf8).write(to: pdf)
    try Data("x".utf8).write(to: doc)
    let decoder = DocumentDecoder(helperSearchPath: dir.path)
    #expect(throws: DecodeError.missingHelper(program: "pdftotext", debianPackage: "poppler-utils")) {
      try decoder.decode(fileAt: pdf.path)
    }
    #expect(throws: DecodeError.missingHelper(program: "antiword", debianPackage: "antiword")) {
      try decoder.decode(fileAt: doc.path)
    }
  }

  /// A fake helper: a script called `name` in `dir` that runs `body`.
  static func fakeHelper(_ name: String, in dir: URL, _ body: String) throws {
    let url = dir.appendingPathComponent(name)
    try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
  }

  @Test func legacyFontDocThroughCatdocFallback() throws {
    // What antiword/catdoc print for a .doc typed in .VnTime: the TCVN3 bytes as Latin-1 characters, in UTF-8.
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let mojibake = String(
      String.UnicodeScalarView(
        (PlainTextDecodeTests.mottoTCVN + [0x0A] + PlainTextDecodeTests.committeeTCVN).map { Unicode.Scalar($0) }))
    let out = dir.appendingPathComponent("out.txt")
    try (mojibake + "\r\n").write(to: out, atomically: true, encoding: .utf8)
    try Self.fakeHelper("catdoc", in: dir, "cat '\(out.path)'")
    let doc = dir.appendingPathComponent("cu.doc")
    try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: doc)
    let d = try DocumentDecoder(helperSearchPath: dir.path).decode(fileAt: doc.path)
    #expect(d.encoding == .tcvn3)
    #expect(d.text == "\(PlainTextDecodeTests.motto)\n\(PlainTextDecodeTests.committee)\n")
  }

  @Test func slowHelperIsKilled() throws {
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.fakeHelper("pdftotext", in: dir, "exec sleep 30")
    let pdf = dir.appendingPathComponent("slow.pdf")
    try Data("%PDF-1.4\n".utf8).write(to: pdf)
    let start = Date()
    #expect(throws: DecodeError.timedOut(program: "pdftotext", seconds: 1)) {
      try DocumentDecoder(helperTimeout: 1, helperSearchPath: dir.path).decode(fileAt: pdf.path)
    }
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func failingHelperReportsItsFirstStderrLine() throws {
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.fakeHelper(
      "pdftotext", in: dir, "echo 'Syntax Error: Couldn'\"'\"'t read xref table' >&2; echo second >&2; exit 1")
    let pdf = dir.appendingPathComponent("bad.pdf")
    try Data("%PDF-1.4\n".utf8).write(to: pdf)
    #expect(throws: DecodeError.damaged("Syntax Error: Couldn't read xref table")) {
      try DocumentDecoder(helperSearchPath: dir.path).decode(fileAt: pdf.path)
    }
  }
}
