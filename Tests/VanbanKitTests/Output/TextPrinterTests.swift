// Issue N: text output for a fixed result, byte for byte.
import Testing

@testable import VanbanKit

@Suite struct TextPrinterTests {
  @Test func plainText() throws {
    let out = try HitPrinter.render(PrinterFixture.result(), PrinterFixture.options(.text))
    #expect(
      out == """
        note: query read as plain words (unbalanced quote)
        Did you mean: tiêm chủng
        1. cv-16 — UBND tỉnh Lai Châu · Số 16/UBND-VX · 20/9/2022
           V/v tiêm chủng
           /data/cv-16.docx
           … về tiêm chủng đợt 2, "khẩn" …

        1–1 of 1

        """)
  }

  /// A hit read by OCR says so on its first line, and in JSON and CSV.
  @Test func ocrHitsAreMarked() throws {
    var hit = PrinterFixture.hit
    hit.ocr = true
    let result = PrinterFixture.result([hit])
    let out = try HitPrinter.render(result, PrinterFixture.options(.text))
    #expect(out.contains("1. cv-16 [OCR] — UBND tỉnh Lai Châu"), "\(out)")
    #expect(try HitPrinter.render(result, PrinterFixture.options(.json)).contains("\"ocr\" : true"))
    #expect(try HitPrinter.render(result, PrinterFixture.options(.csv)).hasSuffix(",true\r\n"))
    #expect(!(try HitPrinter.render(PrinterFixture.result(), PrinterFixture.options(.text))).contains("[OCR]"))
  }

  @Test func colouredText() throws {
    var o = PrinterFixture.options(.text)
    o.color = true
    let out = try HitPrinter.render(PrinterFixture.result(), o)
    let (b, d, p, t) = (TextPrinter.bold, TextPrinter.dim, TextPrinter.plain, TextPrinter.title)
    #expect(b == "\u{1B}[1;31m" && d == "\u{1B}[2m" && p == "\u{1B}[0m" && t == "\u{1B}[1m")
    #expect(
      out == """
        note: query read as plain words (unbalanced quote)
        Did you mean: tiêm chủng
        \(t)1. cv-16 — UBND tỉnh Lai Châu · Số 16/UBND-VX · 20/9/2022\(p)
           V/v tiêm chủng
           \(d)/data/cv-16.docx\(p)
           … về \(b)tiêm\(p) \(b)chủng\(p) đợt 2, "khẩn" …

        1–1 of 1

        """)
  }

  @Test func bareHitEstimatedTotalAndRelaxed() throws {
    var r = PrinterFixture.result([PrinterFixture.bareHit])
    r.notes = []
    r.suggestion = nil
    r.offset = 1
    r.total = 57
    r.totalExact = false
    r.relaxed = true
    let out = try HitPrinter.render(r, PrinterFixture.options(.text))
    #expect(
      out == """
        2. x
           /data/x.txt

        (any word) 2–2 of about 57

        """)
  }

  @Test func noHits() throws {
    var r = PrinterFixture.result([])
    r.notes = []
    r.suggestion = nil
    #expect(try HitPrinter.render(r, PrinterFixture.options(.text)) == "no documents match\n")
  }

  @Test func citationLinesForRefs() throws {
    var hit = PrinterFixture.hit
    hit.snippet = ""
    hit.citations = [
      CitationLine(number: "16/CT-TTg", date: nil, type: nil, line: 3, sentence: "theo «Chỉ thị» số 16/CT-TTg")
    ]
    var r = PrinterFixture.result([hit])
    r.notes = []
    r.suggestion = nil
    let out = try HitPrinter.render(r, PrinterFixture.options(.text))
    #expect(
      out == """
        1. cv-16 — UBND tỉnh Lai Châu · Số 16/UBND-VX · 20/9/2022
           V/v tiêm chủng
           /data/cv-16.docx
           3: theo Chỉ thị số 16/CT-TTg

        1–1 of 1

        """)
  }

  @Test func contextLinesAroundMatches() throws {
    var o = PrinterFixture.options(.text)
    o.context = 1
    var r = PrinterFixture.result()
    r.notes = []
    r.suggestion = nil
    let text = "dòng một\ndòng hai\nvề tiêm chủng\ndòng bốn\ndòng năm\ndòng sáu\nchủng ngừa\ndòng tám"
    let out = try HitPrinter.render(r, o, contextTexts: ["/data/cv-16.docx": text])
    #expect(
      out == """
        1. cv-16 — UBND tỉnh Lai Châu · Số 16/UBND-VX · 20/9/2022
           V/v tiêm chủng
           /data/cv-16.docx
           2- dòng hai
           3: về tiêm chủng
           4- dòng bốn
           --
           6- dòng sáu
           7: chủng ngừa
           8- dòng tám

        1–1 of 1

        """)
  }

  /// Piped output carries no markers, so grep finds the words as the document has them (issue L).
  @Test func pipedSnippetsHaveNoMarkers() throws {
    let out = try HitPrinter.render(PrinterFixture.result(), PrinterFixture.options(.text))
    #expect(!out.contains("[") && !out.contains(Snippet.open) && out.contains("về tiêm chủng đợt 2"))
  }

  /// `--context` shows at most `maxContextHitLines` matching lines per hit, then says how many more.
  @Test func contextIsCappedPerHit() throws {
    var o = PrinterFixture.options(.text)
    o.context = 0
    var r = PrinterFixture.result()
    r.notes = []
    r.suggestion = nil
    let text = (1...1700).map { "dòng \($0) về tiêm chủng" }.joined(separator: "\n")
    let out = try HitPrinter.render(r, o, contextTexts: ["/data/cv-16.docx": text])
    let shown = out.split(separator: "\n").filter { $0.contains("tiêm chủng") && !$0.contains("V/v") }
    #expect(shown.count == TextPrinter.maxContextHitLines)
    #expect(out.contains("… \(1700 - TextPrinter.maxContextHitLines) more matching lines"))
  }

  @Test(arguments: [
    ("2022-09-20", "20/9/2022"),
    ("2022-01", "1/2022"),
    ("2022", "2022"),
    ("2022-01-05", "5/1/2022"),
  ])
  func vietnameseDates(_ iso: String, _ shown: String) {
    #expect(TextPrinter.vietnameseDate(iso) == shown)
  }
}
