// The text of `vanban index`'s progress line, fitted to the terminal's width. A line wider than
// the terminal wraps, and every redraw after `\r` then scrolls instead of overwriting.

import Foundation

/// One state of the progress line: files done of total, throughput and time left.
struct ProgressLine {
  var done: Int
  var total: Int
  var megabytesPerSecond: Double
  var etaSeconds: Int
  /// OCR pages read and found, shown once a file needs OCR (a scan's page takes seconds).
  var ocrPages: (done: Int, found: Int)? = nil

  /// The bar's inside at full size, and the smallest bar still worth drawing.
  static let fullBar = 24
  static let smallestBar = 5

  /// The line for a terminal `columns` wide, at most `columns - 1` characters (a character in the
  /// last column makes some terminals wrap). The MB/s goes first, then the ETA, then the bar
  /// shrinks and goes; the counts stay, cut only when nothing else fits.
  func render(columns: Int) -> String {
    let room = max(0, columns - 1)
    let counts = "\(done)/\(total) files"
    let rate = String(format: "%.1f MB/s", megabytesPerSecond)
    let eta = String(format: "ETA %d:%02d", max(0, etaSeconds) / 60, max(0, etaSeconds) % 60)
    let ocr = ocrPages.map { "OCR \($0.done)/\($0.found) pages" }
    var choices = [[counts, rate, eta], [counts, eta], [counts]]
    if let ocr { choices = [[counts, ocr, rate, eta], [counts, ocr, eta], [counts, ocr]] + choices }
    for parts in choices {
      let line = bar(width: Self.fullBar) + " " + parts.joined(separator: "  ")
      if line.count <= room { return line }
    }
    // "[" + bar + "] " + counts
    let shrunk = room - counts.count - 3
    if shrunk >= Self.smallestBar { return bar(width: shrunk) + " " + counts }
    for bare in [counts, "\(done)/\(total)"] where bare.count <= room { return bare }
    return String("\(done)/\(total)".prefix(room))
  }

  /// `[=====>      ]` with `width` characters between the brackets.
  func bar(width: Int) -> String {
    let fraction = total <= 0 ? 1 : min(1, max(0, Double(done) / Double(total)))
    let filled = Int(fraction * Double(width))
    let head = filled < width ? ">" : ""
    return "[" + String(repeating: "=", count: filled) + head
      + String(repeating: " ", count: max(0, width - filled - head.count)) + "]"
  }
}
