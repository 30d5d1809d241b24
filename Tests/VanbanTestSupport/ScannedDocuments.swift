// Scans made at test time from known text: each text is drawn with DejaVu Sans onto an A4 page
// at 300 dpi (python3 + Pillow, which fpdf2 depends on; `make deps`), turned a fraction of a
// degree and blurred a little as a scanner would, and saved as an image-only PDF, a PNG, or the
// second page of a PDF whose first page has a text layer. What was drawn is written beside it, so
// recall is measured against the words actually on the page.

import Foundation

public enum ScannedDocuments {
  public enum Kind: String, Sendable {
    /// An image-only PDF, one page.
    case pdf
    /// A PNG at 300 dpi.
    case png
    /// A PDF whose page 1 has a text layer (`firstPage`) and page 2 is the scan.
    case mixed
  }

  public struct Job: Sendable {
    public var text: String
    public var out: URL
    public var kind: Kind
    /// For `.mixed`: the text of the typed first page.
    public var firstPage: String
    /// Tilt in degrees (a scan is never straight).
    public var tilt: Double

    public init(text: String, out: URL, kind: Kind = .pdf, firstPage: String = "", tilt: Double = 0.3) {
      self.text = text
      self.out = out
      self.kind = kind
      self.firstPage = firstPage
      self.tilt = tilt
    }
  }

  /// Writes every job in one python3 run and returns the text drawn on each scanned page (lines
  /// past the page's end are left out); throws with python's stderr when it fails.
  @discardableResult
  public static func write(_ jobs: [Job]) throws -> [String] {
    guard !jobs.isEmpty else { return [] }
    let dir = try TemporaryDirectory.make(prefix: "vanban-scan-source")
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = ["-c", script, PDFDocuments.dejaVu]
    for (i, job) in jobs.enumerated() {
      let source = dir.appendingPathComponent("\(i).txt"), first = dir.appendingPathComponent("\(i)-first.txt")
      try job.text.write(to: source, atomically: true, encoding: .utf8)
      try job.firstPage.write(to: first, atomically: true, encoding: .utf8)
      let drawn = dir.appendingPathComponent("\(i)-drawn.txt")
      args += [job.kind.rawValue, source.path, first.path, job.out.path, drawn.path, String(job.tilt)]
    }
    let r = try ProcessRunner.run("python3", args)
    guard r.status == 0 else {
      throw PDFDocuments.PDFError("python3/Pillow could not write \(jobs.map(\.out.lastPathComponent)): \(r.stderr)")
    }
    return try jobs.indices.map {
      try String(contentsOf: dir.appendingPathComponent("\($0)-drawn.txt"), encoding: .utf8)
    }
  }

  /// argv: the font, then (kind, source, first page, out, drawn, tilt) sextuples.
  static let script = #"""
    import sys
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    W, H, MARGIN, SIZE = 2480, 3508, 200, 40   # A4 at 300 dpi; 40 px is 9.6 pt

    def page(text, font, tilt):
        img = Image.new("L", (W, H), 255)
        draw = ImageDraw.Draw(img)
        y, drawn, step = MARGIN, [], int(SIZE * 1.35)
        for line in text.split("\n"):
            words, pieces = line.split(" "), []
            current = ""
            for w in words:
                trial = (current + " " + w) if current else w
                if font.getlength(trial) > W - 2 * MARGIN and current:
                    pieces.append(current)
                    current = w
                else:
                    current = trial
            pieces.append(current)
            for piece in pieces:
                if y + step > H - MARGIN:
                    return finish(img, tilt), "\n".join(drawn)
                draw.text((MARGIN, y), piece, font=font, fill=0)
                drawn.append(piece)
                y += step
        return finish(img, tilt), "\n".join(drawn)

    def finish(img, tilt):
        img = img.rotate(tilt, resample=Image.BICUBIC, fillcolor=255)
        return img.filter(ImageFilter.GaussianBlur(0.6))

    font_path, jobs = sys.argv[1], sys.argv[2:]
    font = ImageFont.truetype(font_path, SIZE)
    for kind, src, first, out, drawn_out, tilt in zip(*[iter(jobs)] * 6):
        img, drawn = page(open(src, encoding="utf-8").read(), font, float(tilt))
        open(drawn_out, "w", encoding="utf-8").write(drawn)
        if kind == "png":
            img.save(out, "PNG", dpi=(300, 300))
        elif kind == "pdf":
            img.save(out, "PDF", resolution=300)
        else:
            from fpdf import FPDF
            doc = FPDF()
            doc.add_font("DejaVu", "", font_path)
            doc.set_font("DejaVu", size=10)
            doc.add_page()
            for line in open(first, encoding="utf-8").read().split("\n"):
                doc.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
            doc.add_page()
            png = out + ".page2.png"
            img.save(png, "PNG", dpi=(300, 300))
            doc.image(png, x=0, y=0, w=210, h=297)
            doc.output(out)
            import os
            os.remove(png)
    """#
}
