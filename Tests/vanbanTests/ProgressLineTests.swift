// The progress line fits the terminal it is drawn on (one column spare), dropping the MB/s, then
// the ETA, then shrinking the bar; and the terminal width falls back from the window to $COLUMNS
// to 80.

import Testing
import VanbanCLI

@testable import vanban

@Suite struct ProgressLineTests {
  static let states = [
    ProgressLine(done: 0, total: 0, megabytesPerSecond: 0, etaSeconds: 0),
    ProgressLine(done: 37, total: 120, megabytesPerSecond: 12.3, etaSeconds: 95),
    ProgressLine(done: 120, total: 120, megabytesPerSecond: 3.5, etaSeconds: 0),
    ProgressLine(done: 123_456, total: 9_876_543, megabytesPerSecond: 1234.5, etaSeconds: 360_000),
  ]

  @Test(arguments: [1, 2, 5, 10, 20, 30, 40, 50, 60, 80, 120, 200])
  func neverWiderThanTheTerminalLessOne(columns: Int) {
    for state in Self.states {
      let line = state.render(columns: columns)
      #expect(line.count <= columns - 1, "\(columns) columns: \(line.count): \(line)")
      #expect(!line.contains("\r") && !line.contains("\n"))
    }
  }

  @Test func aWideTerminalGetsEverything() {
    let line = Self.states[1].render(columns: 200)
    #expect(line == "[=======>                ] 37/120 files  12.3 MB/s  ETA 1:35")
    #expect(Self.states[1].render(columns: 80) == line)
  }

  @Test func partsGoInOrderAsTheTerminalNarrows() {
    let s = Self.states[1]
    // The full line is 60 characters: it needs 61 columns.
    #expect(s.render(columns: 61).contains("MB/s"))
    #expect(s.render(columns: 60) == "[=======>                ] 37/120 files  ETA 1:35")
    #expect(s.render(columns: 49) == "[=======>                ] 37/120 files")
    #expect(s.render(columns: 39) == "[=======>               ] 37/120 files")
    #expect(s.render(columns: 25) == "[==>      ] 37/120 files")
    #expect(s.render(columns: 20) == "37/120 files")
    #expect(s.render(columns: 10) == "37/120")
    #expect(s.render(columns: 5) == "37/1")
    #expect(s.render(columns: 0) == "")
  }

  /// Once a file needs OCR the line counts its pages, and they stay when the rate and ETA go.
  @Test func ocrPagesAreCountedAfterTheFiles() {
    var s = Self.states[1]
    s.ocrPages = (3, 12)
    #expect(s.render(columns: 200) == "[=======>                ] 37/120 files  OCR 3/12 pages  12.3 MB/s  ETA 1:35")
    #expect(s.render(columns: 60) == "[=======>                ] 37/120 files  OCR 3/12 pages")
    for columns in [1, 10, 30, 45, 70, 80] { #expect(s.render(columns: columns).count <= columns - 1) }
  }

  @Test func theBarIsFullAtTheEnd() {
    #expect(Self.states[2].bar(width: 10) == "[==========]")
    #expect(Self.states[0].bar(width: 5) == "[=====]")
    #expect(ProgressLine(done: 0, total: 10, megabytesPerSecond: 0, etaSeconds: 0).bar(width: 5) == "[>    ]")
  }

  @Test func terminalWidthFallsBackFromWindowToColumnsTo80() {
    #expect(Terminal.columns(window: 132, environment: "40") == 132)
    #expect(Terminal.columns(window: 0, environment: "40") == 40)
    #expect(Terminal.columns(window: nil, environment: "40") == 40)
    #expect(Terminal.columns(window: nil, environment: "wide") == 80)
    #expect(Terminal.columns(window: nil, environment: "-3") == 80)
    #expect(Terminal.columns(window: nil, environment: nil) == 80)
  }
}
