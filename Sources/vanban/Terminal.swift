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

/// A one-line progress bar on stderr: files done/total, MB/s and ETA, redrawn at most 10×/s.
final class ProgressBar {
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false

  func update(done: Int, total: Int, bytes: Int) {
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
    lastDraw = now
    let elapsed = max(0.001, now.timeIntervalSince(start))
    let mbs = Double(bytes) / 1_048_576 / elapsed
    let fraction = total == 0 ? 1 : Double(done) / Double(total)
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar =
      String(repeating: "=", count: filled) + (filled < width ? ">" : "")
      + String(repeating: " ", count: max(0, width - filled - 1))
    let eta = done == 0 ? 0 : Int(elapsed / Double(done) * Double(total - done))
    let line = String(format: "\r[%@] %d/%d files  %.1f MB/s  ETA %d:%02d ", bar, done, total, mbs, eta / 60, eta % 60)
    Terminal.err(line)
    drawn = true
  }

  func finish() {
    if drawn { Terminal.err("\r" + String(repeating: " ", count: 72) + "\r") }
  }
}
