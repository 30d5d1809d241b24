// Terminal I/O: buffered stdout that exits 0 on a broken pipe, stderr lines, TTY detection and
// the progress bar of `vanban index`.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

enum Terminal {
  static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

  static var stdoutIsTTY: Bool { isatty(1) == 1 }
  static var stderrIsTTY: Bool { isatty(2) == 1 }
  /// Colour only on a terminal and when NO_COLOR is not set (https://no-color.org).
  static var useColor: Bool { stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true }

  /// The width of the terminal stderr is on: its window size, else $COLUMNS, else 80.
  static var stderrColumns: Int {
    var size = winsize()
    let window = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
    return columns(window: window, environment: ProcessInfo.processInfo.environment["COLUMNS"])
  }

  /// The first of a window size and a $COLUMNS value that is a positive number, else 80.
  static func columns(window: Int?, environment: String?) -> Int {
    if let window, window > 0 { return window }
    if let value = environment.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 { return value }
    return 80
  }

  static func out(_ s: String) { write(1, s) }
  static func err(_ s: String) { write(2, s) }

  private static func write(_ fd: Int32, _ s: String) {
    var bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { exit(0) }  // the reader went away (`| head`): not an error
        return
      }
      offset += n
    }
  }
}

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
