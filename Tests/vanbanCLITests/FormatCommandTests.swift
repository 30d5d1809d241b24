// Every input format through the binary: seed 003 written as .docx, .odt, .pdf and .html at test
// time (in Swift for the zips, fpdf2 + DejaVu for the PDF), indexed next to the .txt; the
// same metadata, citations and words come out of each. Damaged files are skipped with a reason, and a
// missing pdftotext is said once per run.

import Foundation
import Testing

/// Generated documents. Nothing binary is committed: everything is written at test time.
enum FormatFixtures {
  static let seed003 = CLI.seeds.appendingPathComponent("003_32c798e237f9dc40.txt")
  static let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

  /// The first executable called `name` on PATH.
  static func which(_ name: String) -> String? { ProcessRunner.which(name) }

  static let python3 = which("python3")

  /// Runs a program (no shell); returns its status and stderr.
  @discardableResult
  static func tool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let r = try ProcessRunner.run(executable, arguments)
    return (r.status, r.stderr)
  }

  /// python3 with fpdf2, the DejaVu font and pdftotext: a generated PDF can be written and read back.
  static let canPDF = PDFDocuments.canWrite && which("pdftotext") != nil

  static let hasDocHelper = which("antiword") != nil || which("catdoc") != nil

  /// .docx and .odt are built in Swift now (OfficeDocuments): always possible. Kept for existing callers.
  static let canZip = true

  /// Writes each (kind, source, out): `source` (a UTF-8 text file, nil for a text-less PDF) as a `kind` file.
  /// .docx and .odt are built in Swift (OfficeDocuments), .pdf by python3 and fpdf2 (PDFDocuments).
  static func generate(_ jobs: [(kind: String, source: URL?, out: URL)]) throws {
    var pdfJobs: [(kind: String, source: URL?, out: URL)] = []
    for job in jobs {
      switch job.kind {
      case "docx", "odt":
        let source = try #require(job.source, "a .\(job.kind) needs a source text")
        let lines = OfficeDocuments.lines(try String(contentsOf: source, encoding: .utf8))
        let bytes = job.kind == "docx" ? try OfficeDocuments.docx(lines: lines) : try OfficeDocuments.odt(lines: lines)
        try Data(bytes).write(to: job.out)
      case "pdf":
        pdfJobs.append(job)
      default:
        Issue.record("unknown kind \(job.kind)")
      }
    }
    try PDFDocuments.write(pdfJobs.map { PDFDocuments.Job(source: $0.source, out: $0.out) })
  }

  static func htmlEscape(_ s: some StringProtocol) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// An HTML page of the text, one `<p>` per line, with a `<meta charset>`, a `<style>` and a
  /// `<script>` whose contents (a word and a citation) must not be indexed.
  static func html(of text: String) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="vi"><head>
      <meta charset="utf-8">
      <title>Chỉ thị 16 — UBND tỉnh Bắc Giang</title>
      <style>p { margin: 0 } .scriptonlystyle:before { content: "Chỉ thị số 99/CT-TTg <p>"; }</style>
      <script type="text/javascript">
        var s = "<p>scriptonlyword Chỉ thị số 98/CT-TTg</p>"; if (1 < 2 && s) { document.title = s; }
      </script>
      </head><body>

      """
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      out += "<p>" + htmlEscape(line.replacingOccurrences(of: "\t", with: " ")) + "</p>\n"
    }
    return out + "</body></html>\n"
  }

  /// A small valid PDF (one page, "Hello" in Helvetica), written by hand: enough for a folder of PDFs
  /// that must be skipped because pdftotext is missing, without needing fpdf2.
  static func tinyPDF() -> [UInt8] {
    let stream = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET"
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, o) in objects.enumerated() {
      offsets.append(pdf.utf8.count)
      pdf += "\(i + 1) 0 obj\n\(o)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(pdf.utf8)
  }

  /// Deterministic junk bytes.
  static func noise(_ count: Int, seed: UInt64) -> [UInt8] { Noise.bytes(count, seed: seed) }
}

extension CLIResult {
  var ids: Set<String> { Set(hits.compactMap { $0["id"] as? String }) }
}

@Suite(.serialized) struct FormatCommandTests {
  /// The metadata `vanban show ID --format json` reports, with references as their numbers.
  static func metadata(_ ws: Workspace, _ id: String) throws -> [String: String] {
    let r = try ws.run("show", id, "--format", "json", "--metadata-only")
    #expect(r.status == 0, "show \(id): \(r.stderr)")
    let document = r.json["document"] as? [String: Any] ?? [:]
    let m = document["metadata"] as? [String: Any] ?? [:]
    var out: [String: String] = ["format": document["format"] as? String ?? "?"]
    for key in ["type", "number", "issuer", "parent", "province", "date", "subject", "signer", "signerTitle"] {
      out[key] = m[key].map { "\($0)" } ?? "null"
    }
    let refs = (m["references"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
    out["references"] = refs.joined(separator: ", ")
    out["recipients"] = (m["recipients"] as? [String] ?? []).joined(separator: "; ")
    return out
  }

  /// The .txt, and seed 003 as .docx, .odt, .html (and .pdf when fpdf2 and pdftotext are here).
  static func corpusOfFormats(pdf: Bool) throws -> Workspace {
    let ws = try Workspace(seeds: false)
    try FileManager.default.copyItem(at: FormatFixtures.seed003, to: ws.corpus.appendingPathComponent("seed003.txt"))
    let seed = FormatFixtures.seed003
    try FormatFixtures.generate(
      [
        ("docx", seed, ws.corpus.appendingPathComponent("seed003-word.docx")),
        ("odt", seed, ws.corpus.appendingPathComponent("seed003-writer.odt")),
      ]
        + (pdf ? [("pdf", seed, ws.corpus.appendingPathComponent("seed003-print.pdf"))] : []))
    try ws.write("seed003-page.html", FormatFixtures.html(of: try String(contentsOf: seed, encoding: .utf8)))
    return ws
  }

  @Test func everyFormatIsIndexedWithTheSameMetadataCitationsAndWords() throws {
    let pdf = FormatFixtures.canPDF
    let ws = try Self.corpusOfFormats(pdf: pdf)
    let r = try ws.index(["--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "no file should be skipped: \(r.stderr)")
    let formats = r.json["formats"] as? [String: Int] ?? [:]
    var expected = ["txt": 1, "docx": 1, "odt": 1, "html": 1]
    if pdf { expected["pdf"] = 1 }
    #expect(formats == expected, "summary: \(r.stdout)")
    #expect(r.json["skipped"] as? Int == 0)

    let ids = Set(["seed003", "seed003-word", "seed003-writer", "seed003-page"] + (pdf ? ["seed003-print"] : []))

    // The same metadata out of every format: header, date, subject, signature, recipients and the
    // numbers cited, in order. (HTML collapses the header's tab columns, so it is held to the same.)
    let txt = try Self.metadata(ws, "seed003")
    #expect(txt["format"] == "txt")
    #expect(txt["type"] == "Công văn")
    #expect(txt["number"] == "/UBND-KGVX")
    #expect(txt["issuer"] == "UBND tỉnh Bắc Giang")
    #expect(txt["province"] == "Bắc Giang")
    #expect(txt["date"] == "2022")
    #expect(txt["references"]?.hasPrefix("16/CT-TTg, 20-NQ/TW") == true, "\(txt)")
    for (id, format) in [("seed003-word", "docx"), ("seed003-writer", "odt"), ("seed003-page", "html")]
      + (pdf ? [("seed003-print", "pdf")] : [])
    {
      var m = try Self.metadata(ws, id)
      #expect(m["format"] == format)
      m["format"] = "txt"
      for key in txt.keys.sorted() where m[key] != txt[key] {
        Issue.record("\(id).\(format) \(key): \(m[key] ?? "nil") ≠ txt \(txt[key] ?? "nil")")
      }
    }

    // The five files are copies of one document: one hit that lists the others, or with
    // --all-copies one hit each.
    let refs = try ws.run("refs", "16/CT-TTg", "--format", "json", "--all-copies")
    #expect(refs.status == 0)
    #expect(refs.ids == ids, "refs 16/CT-TTg: \(refs.ids.sorted())")
    let collapsed = try ws.run("refs", "16/CT-TTg", "--format", "json")
    #expect(collapsed.hits.count == 1 && collapsed.json["total"] as? Int == 1, "\(collapsed.stdout)")
    let copies = (collapsed.hits.first?["copies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(Set(copies).union(collapsed.ids) == ids, "copies: \(copies)")
    // The html's <script> and <style> cite 98/… and 99/CT-TTg and hold a word; none of it is text.
    #expect(try ws.run("refs", "99/CT-TTg", "--format", "json").status == 1)
    #expect(try ws.run("refs", "98/CT-TTg", "--format", "json").status == 1)
    #expect(try ws.search("scriptonlyword").status == 1)

    for query in [
      "\"Bảo hiểm xã hội tỉnh\"", "\"bao hiem xa hoi tinh\"", "Việt Yên Lục Ngạn", "luc ngan", "BCĐ chiến dịch",
    ] {
      let s = try ws.search(query, "--limit", "20", "--all-copies")
      #expect(s.status == 0, "\(query): \(s.stderr)")
      #expect(s.ids == ids, "\(query): \(s.ids.sorted())")
    }
    // format: in the query language picks one of them.
    #expect(try ws.search("format:docx", "bảo hiểm").ids == ["seed003-word"])
  }

  @Test func damagedFilesOfEachTypeAreSkippedWithAReason() throws {
    let ws = try Workspace()  // the five seeds
    // A real .docx cut in half (the central directory is gone), and a PDF page with only a rectangle.
    let whole = ws.root.appendingPathComponent("whole.docx")
    try FormatFixtures.generate(
      [("docx", FormatFixtures.seed003, whole)]
        + (FormatFixtures.canPDF ? [("pdf", nil, ws.corpus.appendingPathComponent("scanned.pdf"))] : []))
    let bytes = [UInt8](try Data(contentsOf: whole))
    try ws.write("truncated.docx", bytes: Array(bytes.prefix(bytes.count / 2)))
    // Binary junk named .odt, and a "Word 97" file: OLE2 signature, then junk.
    try ws.write("junk.odt", bytes: FormatFixtures.noise(3000, seed: 7))
    try ws.write(
      "corrupt.doc", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + FormatFixtures.noise(4096, seed: 11))
    let r = try ws.index(["--json"])
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    func reason(_ name: String) -> String? {
      lines.first { $0.hasPrefix(ws.corpus.appendingPathComponent(name).path + ": ") }
    }
    #expect(reason("truncated.docx") != nil, "stderr: \(r.stderr)")
    #expect(reason("junk.odt") != nil, "stderr: \(r.stderr)")
    if FormatFixtures.hasDocHelper {
      #expect(reason("corrupt.doc")?.contains("damaged") == true, "stderr: \(r.stderr)")
    } else {
      #expect(r.stderr.contains("apt-get install antiword"), "stderr: \(r.stderr)")
    }
    if FormatFixtures.canPDF {
      #expect(reason("scanned.pdf")?.contains("no text layer") == true, "stderr: \(r.stderr)")
    }
    #expect(r.json["added"] as? Int == 5, "\(r.stdout)")
    #expect(r.json["formats"] as? [String: Int] == ["txt": 5])
    #expect(r.json["skipped"] as? Int == (FormatFixtures.canPDF ? 4 : 3))
    #expect(try ws.search("Việt Á").status == 0, "the other files are searchable")
  }

  @Test func typesNarrowTheFormatsIndexed() throws {
    let ws = try Self.corpusOfFormats(pdf: false)
    let r = try ws.index(["--types", "txt,docx", "--json"])
    #expect(r.status == 0)
    #expect(r.json["formats"] as? [String: Int] == ["txt": 1, "docx": 1], "\(r.stdout)")
    #expect(r.stderr.isEmpty, "files of other types are not candidates, not skips: \(r.stderr)")
    #expect(try ws.run("refs", "16/CT-TTg", "--format", "json", "--all-copies").ids == ["seed003", "seed003-word"])
  }

  @Test func aMissingPdftotextIsSaidOncePerRun() throws {
    let ws = try Workspace()
    try ws.write("a.pdf", bytes: FormatFixtures.tinyPDF())
    try ws.write("b.pdf", bytes: FormatFixtures.tinyPDF())
    // PATH holds nothing at all: the binary is run by its absolute path and needs no helper for .txt.
    let emptyBin = ws.root.appendingPathComponent("empty-bin")
    try FileManager.default.createDirectory(at: emptyBin, withIntermediateDirectories: true)
    let r = try CLI.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"],
      environment: ["PATH": emptyBin.path])
    #expect(r.status == 0, "\(r.stderr)")
    let mentions = r.stderr.split(separator: "\n").filter { $0.contains("poppler-utils") }
    #expect(mentions.count == 1, "one note per run, not per file: \(r.stderr)")
    #expect(mentions.first?.contains("pdftotext") == true)
    #expect(!r.stderr.contains("a.pdf") && !r.stderr.contains("b.pdf"), "\(r.stderr)")
    #expect(r.json["added"] as? Int == 5, "\(r.stdout)")
    #expect(r.json["skipped"] as? Int == 2, "\(r.stdout)")
    #expect(r.json["formats"] as? [String: Int] == ["txt": 5])
    // A second run says it again (once), and the PDFs are still not indexed.
    let again = try CLI.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"],
      environment: ["PATH": emptyBin.path])
    #expect(again.stderr.split(separator: "\n").filter { $0.contains("poppler-utils") }.count == 1, "\(again.stderr)")
    #expect(again.json["unchanged"] as? Int == 5, "\(again.stdout)")
  }
}
