// `vanban index` on a 30-column terminal: the progress bar, drawn because stderr is a terminal,
// keeps every redraw within 29 columns, so `\r` overwrites it instead of scrolling. A pty from
// Python's standard library stands in for the terminal; its window size wins over $COLUMNS.

import Foundation
import Testing

@Suite struct ProgressBarTerminalTests {
  /// Runs `vanban args…` with stderr on a pty `columns` wide and returns what it wrote there.
  static func stderrOnTerminal(_ args: [String], columns: Int) throws -> String {
    let program = """
      import fcntl, os, pty, struct, subprocess, sys, termios
      master, slave = pty.openpty()
      fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, \(columns), 0, 0))
      env = dict(os.environ, COLUMNS="200")
      env.pop("VANBAN_INDEX", None)
      p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env)
      os.close(slave)
      out = b""
      while True:
          try:
              chunk = os.read(master, 65536)
          except OSError:
              break
          if not chunk:
              break
          out += chunk
      sys.stdout.write(out.decode("utf-8", "replace"))
      sys.exit(p.wait())
      """
    let r = try ProcessRunner.run("python3", ["-c", program, CLI.binary] + args, timeout: 120)
    #expect(r.status == 0 && r.finished, "vanban \(args): exit \(r.status): \(r.stderr)")
    return r.stdout
  }

  @Test func theBarFitsANarrowTerminal() throws {
    let ws = try Workspace()
    let columns = 30
    let shown = try Self.stderrOnTerminal(["index", ws.corpus.path, "--index", ws.index.path], columns: columns)
    let erase = "\u{1B}[K"
    #expect(shown.contains(erase), "no progress bar drawn: \(shown.debugDescription)")
    let redraws = shown.components(separatedBy: CharacterSet(charactersIn: "\r\n"))
      .map { $0.replacingOccurrences(of: erase, with: "") }
    #expect(redraws.contains { $0.contains("5/5 files") }, "\(shown.debugDescription)")
    for line in redraws {
      #expect(line.count <= columns - 1, "\(line.count) columns on a \(columns)-column terminal: \(line)")
    }
  }
}
