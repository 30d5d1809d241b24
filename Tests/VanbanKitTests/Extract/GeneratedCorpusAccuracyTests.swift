import Foundation
import Testing

@testable import VanbanKit

/// Extraction accuracy on dispatches from gen_corpus.py (Tests/VanbanTestSupport/Fixtures), scored against its
/// truth.jsonl. The corpus is generated into a temporary folder on each run.
@Suite("Extract: generated corpus accuracy", .serialized)
struct GeneratedCorpusAccuracyTests {
  /// 1000 keeps a debug run short; `scripts/extraction-accuracy` sets VANBAN_GEN_DOCS=3000.
  static let docs = ProcessInfo.processInfo.environment["VANBAN_GEN_DOCS"].flatMap(Int.init) ?? 1000

  @Test(
    .enabled(if: ExtractFixtures.pythonAvailable(), "python3 is needed to run gen_corpus.py"), arguments: [0.0, 0.2])
  func accuracy(nfd: Double) throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-gen-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    try ProcessRunner.generateCorpus(out: out, docs: Self.docs, seed: 1, nfd: nfd)

    let score = try ExtractionScore.score(corpus: out)
    print("generated corpus, \(score.documents) docs, nfd \(nfd):\n" + score.report())
    for field in ExtractionScore.assertedFields {
      #expect(score.accuracy(field) >= 0.99, "\(field): \(score.accuracy(field)); e.g. \(score.examples[field] ?? [])")
    }
  }
}
