// Extraction on real documents, scored by the hand-checked set's own scorer
// (shared/corpora/real-labels/score.py), through the CLI: every field at or above issue H's
// targets. Needs shared/ (the labels and the vn-legal tarball), so it is skipped without it.

import Foundation
import Testing

@Suite("CLI: real-labels accuracy")
struct RealLabelsAccuracyTests {
  static let scorer = CLI.shared.appendingPathComponent("corpora/real-labels/score.py")
  static let available =
    FileManager.default.fileExists(atPath: scorer.path)
    && FileManager.default.fileExists(atPath: CLI.shared.appendingPathComponent("corpora/vn-legal.tar.xz").path)

  /// Field → lowest accepted accuracy (issue H, first column).
  static let targets: [String: Double] = [
    "number": 0.98, "type": 0.97, "issuer": 0.95, "date": 0.97, "signer": 0.92, "subject": 0.90,
  ]

  @Test(.enabled(if: available, "needs ../shared/corpora/real-labels and vn-legal.tar.xz"))
  func everyFieldMeetsItsTarget() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-rl-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", Self.scorer.path, CLI.binary, "--work", work.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let report = String(decoding: data, as: UTF8.self)
    var seen: [String: Double] = [:]
    var spurious: [String: Int] = [:]
    for line in report.split(separator: "\n") {
      // field  gold  correct  accuracy  missed  spurious(n/m)
      let cols = line.split(separator: " ", omittingEmptySubsequences: true)
      guard cols.count >= 6, let acc = Double(cols[3]) else { continue }
      seen[String(cols[0])] = acc
      spurious[String(cols[0])] = Int(cols[5].split(separator: "/").first ?? "0")
    }
    for (field, target) in Self.targets {
      let acc = try #require(seen[field], "score.py printed no row for \(field):\n\(report)")
      #expect(acc >= target, "\(field): \(acc) < \(target)")
    }
    // A value where the truth has none: at most 2% of the documents, per field.
    for (field, n) in spurious { #expect(n <= 2, "\(field): \(n) spurious values") }
  }
}
