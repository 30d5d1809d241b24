// PDFs written at test time with python3 + fpdf2 and the DejaVu font (CI: `make deps`). Nothing
// binary is committed.

import Foundation

public enum PDFDocuments {
  public static let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

  /// python3 with fpdf2 and the DejaVu font: a PDF of Vietnamese text can be written. (Reading it
  /// back needs pdftotext too; callers check that themselves.)
  public static let canWrite: Bool = {
    guard let python3 = ProcessRunner.which("python3"), FileManager.default.fileExists(atPath: dejaVu) else {
      return false
    }
    // find_spec, not import: importing fpdf2 costs a second or two.
    let probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('fpdf') is None)"
    return (try? ProcessRunner.run(python3, ["-c", probe]).status) == 0
  }()

  /// One PDF: the lines of `source` (a UTF-8 text file), one cell line each; a page with only a
  /// rectangle (no text layer) when `source` is nil. `title` and `author` go in the document info.
  public struct Job {
    public var source: URL?
    public var out: URL
    public var title: String
    public var author: String

    public init(source: URL?, out: URL, title: String = "", author: String = "") {
      self.source = source
      self.out = out
      self.title = title
      self.author = author
    }
  }

  /// Writes every job in one python3 run; throws with python's stderr when it fails.
  public static func write(_ jobs: [Job]) throws {
    guard !jobs.isEmpty else { return }
    guard let python3 = ProcessRunner.which("python3") else { throw PDFError("python3 is needed to write .pdf") }
    let args = ["-c", script, dejaVu] + jobs.flatMap { [$0.source?.path ?? "", $0.out.path, $0.title, $0.author] }
    let r = try ProcessRunner.run(python3, args)
    guard r.status == 0 else {
      throw PDFError("python3/fpdf2 could not write \(jobs.map(\.out.lastPathComponent)): \(r.stderr)")
    }
  }

  /// Writes a PDF of `text` (nil: a page without a text layer) to `url`.
  public static func write(text: String?, to url: URL, title: String = "", author: String = "") throws {
    var source: URL?
    if let text {
      let dir = try TemporaryDirectory.make(prefix: "vanban-pdf-source")
      let file = dir.appendingPathComponent("source.txt")
      try text.write(to: file, atomically: true, encoding: .utf8)
      source = file
      defer { try? FileManager.default.removeItem(at: dir) }
      try write([Job(source: source, out: url, title: title, author: author)])
    } else {
      try write([Job(source: nil, out: url, title: title, author: author)])
    }
  }

  public struct PDFError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
  }

  /// argv: the font, then (source, out, title, author) quadruples; an empty source draws a page with
  /// a rectangle and no text.
  static let script = #"""
    import sys
    from fpdf import FPDF

    def pdf(src, out, title, author):
        doc = FPDF()
        if title: doc.set_title(title)
        if author: doc.set_author(author)
        doc.add_page()
        if src:
            lines = open(src, encoding="utf-8").read().split("\n")
            while lines and lines[-1] == "":
                lines.pop()
            doc.add_font("DejaVu", "", font)
            doc.set_font("DejaVu", size=10)
            for line in lines:
                doc.multi_cell(0, 5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
        else:
            doc.rect(20, 20, 100, 50)
        doc.output(out)

    font, jobs = sys.argv[1], sys.argv[2:]
    for src, out, title, author in zip(jobs[0::4], jobs[1::4], jobs[2::4], jobs[3::4]):
        pdf(src, out, title, author)
    """#
}
