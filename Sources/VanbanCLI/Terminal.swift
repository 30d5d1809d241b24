// Terminal I/O shared by `vanban` and `vanban-serve`: stdout that exits 0 on a broken pipe,
// stderr lines, TTY detection and the terminal's width.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writing to the terminal: whole strings, a closed pipe ending the program quietly.
public enum Terminal {
  public static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

  public static var stdoutIsTTY: Bool { isatty(1) == 1 }
  public static var stderrIsTTY: Bool { isatty(2) == 1 }
  /// Colour only on a terminal and when NO_COLOR is not set (https://no-color.org).
  public static var useColor: Bool {
    stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  }

  /// The width of the terminal stderr is on: its window size, else $COLUMNS, else 80.
  public static var stderrColumns: Int {
    var size = winsize()
    let window = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
    return columns(window: window, environment: ProcessInfo.processInfo.environment["COLUMNS"])
  }

  /// The first of a window size and a $COLUMNS value that is a positive number, else 80.
  public static func columns(window: Int?, environment: String?) -> Int {
    if let window, window > 0 { return window }
    if let value = environment.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 { return value }
    return 80
  }

  public static func out(_ s: String) { write(1, s) }
  public static func err(_ s: String) { write(2, s) }

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
