// The progress bar of `vanban index` on stderr.

import Foundation
import VanbanCLI

/// A one-line progress bar on stderr: files done/total, MB/s and ETA, redrawn at most 10×/s and
/// fitted to the terminal's width each time (it may be resized while indexing).
final class ProgressBar {
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private var last = (done: 0, total: 0, bytes: 0)
  private var ocrPages: (done: Int, found: Int)?

  /// Pages read by OCR of those found: redraws the line with the last file counts.
  func update(ocrPages: (done: Int, found: Int)) {
    self.ocrPages = ocrPages
    update(done: last.done, total: last.total, bytes: last.bytes)
  }

  func update(done: Int, total: Int, bytes: Int) {
    last = (done, total, bytes)
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
    lastDraw = now
    let elapsed = max(0.001, now.timeIntervalSince(start))
    let eta = done == 0 ? 0 : Int(elapsed / Double(done) * Double(total - done))
    var line = ProgressLine(
      done: done, total: total, megabytesPerSecond: Double(bytes) / 1_048_576 / elapsed, etaSeconds: eta)
    line.ocrPages = ocrPages
    // `ESC [K` erases what a longer earlier line (or a wider terminal) left after this one.
    Terminal.err("\r" + line.render(columns: Terminal.stderrColumns) + Self.eraseToEndOfLine)
    drawn = true
  }

  func finish() {
    if drawn { Terminal.err("\r" + Self.eraseToEndOfLine) }
  }

  static let eraseToEndOfLine = "\u{1B}[K"
}
