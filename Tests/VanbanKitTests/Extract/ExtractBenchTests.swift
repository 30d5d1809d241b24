import Foundation
import Testing

@testable import VanbanKit

/// Timing of `MetadataExtractor.extract(from:)` alone (texts read and normalised beforehand), with
/// a fingerprint of every result so that a speed-up can be checked to change nothing.
/// Skipped unless VANBAN_EXTRACT_BENCH=1. Run in release:
///   python3 ../shared/tools/gen_corpus.py --out /tmp/gen-3k --docs 3000 --seed 1
///   VANBAN_EXTRACT_BENCH=1 VANBAN_BENCH_DIRS=/tmp/gen-3k:/tmp/vn-legal VANBAN_BENCH_OUT=/tmp/extract.jsonl \
///     swift test -c release -Xswiftc -enable-testing --scratch-path .build-xspeed --filter ExtractBench
@Suite("Extract: bench")
struct ExtractBenchTests {
  @Test func extractSpeed() throws {
    let env = ProcessInfo.processInfo.environment
    guard env["VANBAN_EXTRACT_BENCH"] == "1" else { return }
    let dirs = (env["VANBAN_BENCH_DIRS"] ?? "/tmp/gen-3k:/tmp/vn-legal").split(separator: ":").map(String.init)
    let rounds = env["VANBAN_BENCH_ROUNDS"].flatMap(Int.init) ?? 5
    var fingerprint = ""
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let extractor = MetadataExtractor()
    for dir in dirs {
      let root = URL(fileURLWithPath: dir)
      let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
        .filter { $0.pathExtension == "txt" }.map(\.path).sorted()
      let texts = try files.map { TextNormalizer.normalize(String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self)) }
      let bytes = texts.reduce(0) { $0 + $1.utf8.count }
      var best = Double.infinity
      var results: [DocumentMetadata] = []
      for _ in 0..<rounds {
        var out: [DocumentMetadata] = []
        out.reserveCapacity(texts.count)
        let t0 = DispatchTime.now().uptimeNanoseconds
        for t in texts { out.append(extractor.extract(from: t)) }
        let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        best = min(best, dt)
        results = out
      }
      for (f, m) in zip(files, results) {
        let rel = String(f.dropFirst(root.path.count))
        fingerprint += rel + "\t" + String(decoding: try encoder.encode(m), as: UTF8.self) + "\n"
      }
      print(String(format: "extract bench %@: %d docs, %.1f MB, best of %d: %.1f ms total, %.1f ms per 1000 docs, %.1f MB/s",
        dir, texts.count, Double(bytes) / 1e6, rounds, best * 1000, best * 1e6 / Double(texts.count), Double(bytes) / 1e6 / best))
    }
    if let out = env["VANBAN_BENCH_OUT"] {
      try fingerprint.write(toFile: out, atomically: true, encoding: .utf8)
    }
  }
}
