import Foundation
import Testing

@testable import VanbanKit

/// Extraction accuracy on dispatches from shared/tools/gen_corpus.py, scored against its
/// truth.jsonl. The corpus is generated into a temporary folder on each run.
@Suite("Extract: generated corpus accuracy", .serialized)
struct GeneratedCorpusAccuracyTests {
  /// 1000 keeps a debug run short; `scripts/extraction-accuracy` sets VANBAN_GEN_DOCS=3000.
  static let docs = ProcessInfo.processInfo.environment["VANBAN_GEN_DOCS"].flatMap(Int.init) ?? 1000

  @Test(arguments: [0.0, 0.2])
  func accuracy(nfd: Double) throws {
    guard let shared = ExtractFixtures.shared else {
      print("skipped: shared/ not found")
      return
    }
    let tool = shared.appendingPathComponent("tools/gen_corpus.py")
    guard FileManager.default.fileExists(atPath: tool.path), ExtractFixtures.pythonAvailable() else {
      print("skipped: python3 or gen_corpus.py missing")
      return
    }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-gen-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let status = ExtractFixtures.run(
      "python3", [tool.path, "--out", out.path, "--docs", String(Self.docs), "--seed", "1", "--nfd", String(nfd)])
    try #require(status == 0, "gen_corpus.py failed")

    let score = try ExtractionScore.score(corpus: out)
    print("generated corpus, \(score.documents) docs, nfd \(nfd):\n" + score.report())
    for field in ExtractionScore.assertedFields {
      #expect(score.accuracy(field) >= 0.99, "\(field): \(score.accuracy(field)); e.g. \(score.examples[field] ?? [])")
    }
  }
}
