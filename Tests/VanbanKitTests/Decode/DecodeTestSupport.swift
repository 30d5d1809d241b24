import Foundation
import VanbanTestSupport

@testable import VanbanKit

/// Paths and fixtures shared by the Decode tests. Everything is generated at test time; no binary fixture
/// is committed.
enum DecodeFixtures {
  /// `shared/` (TestPaths.shared: `$VANBAN_SHARED`, else the repository's sibling), nil when missing.
  static var shared: URL? { TestPaths.shared }

  static let seed003Name = "003_32c798e237f9dc40.txt"

  /// The text of seed 003 (`Chỉ thị số 16/CT-TTg`, with an NFD `Nơi nhận` block).
  static func seed003() throws -> String {
    try String(contentsOf: TestPaths.seed(seed003Name), encoding: .utf8)
  }

  struct FixtureMissing: Error, CustomStringConvertible {
    var what: String
    var description: String { "missing test fixture: \(what)" }
  }

  // The builders live in VanbanTestSupport (OfficeDocuments); these names forward to them.
  static func zip(_ entries: [(String, String)]) throws -> [UInt8] { try OfficeDocuments.zip(entries) }
  static func xmlEscape(_ s: some StringProtocol) -> String { OfficeDocuments.xmlEscape(s) }
  static func docx(
    lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
    created: String? = nil
  ) throws -> [UInt8] {
    try OfficeDocuments.docx(lines: lines, extraBody: extraBody, title: title, author: author, created: created)
  }
  static func odfParagraph(_ line: Substring) -> String { OfficeDocuments.odfParagraph(line) }
  static func odt(
    lines: [Substring], extraBody: String = "", title: String? = nil, author: String? = nil,
    created: String? = nil
  ) throws -> [UInt8] {
    try OfficeDocuments.odt(lines: lines, extraBody: extraBody, title: title, author: author, created: created)
  }
  static func lines(_ text: String) -> [Substring] { OfficeDocuments.lines(text) }

  /// A fresh temporary directory, removed by the caller with `FileManager.default.removeItem`.
  static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make(prefix: "vanban-decode-test") }

  /// Runs a program (no shell) and returns its exit status; `environment`, when given, replaces the
  /// current one.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Int32 {
    let removing = environment == nil ? [] : Array(ProcessInfo.processInfo.environment.keys)
    return try ProcessRunner.run(executable, arguments, environment: environment ?? [:], removing: removing).status
  }
}

/// Pseudo-random bytes, the same on every run.
func decodeTestNoise(count: Int, seed: UInt64 = 0x5EED) -> [UInt8] { Noise.bytes(count, seed: seed) }
