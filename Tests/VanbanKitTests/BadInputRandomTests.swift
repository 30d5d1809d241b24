// Issue F, the text path on seeded random input: bytes → DocumentDecoder.decode(bytes:format:)
// (.txt, .html, .docx) → TextNormalizer.normalize → MetadataExtractor.extract → WordTokenizer.
// Mutated seed documents and pure junk; decoding may throw DecodeError, nothing may trap. The
// deterministic, CI-sized counterpart of Fuzz/Sources/TextFuzz.

import Foundation
import Testing

@testable import VanbanKit

@Suite struct BadInputRandomTests {
  static let seeds: [[UInt8]] = {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("corpus")
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
    return names.compactMap { try? [UInt8](Data(contentsOf: dir.appendingPathComponent($0))) }
  }()

  func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
    var b = input
    for _ in 0..<(1 + rng.below(16)) {
      switch rng.below(6) {
      case 0 where !b.isEmpty: b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next())
      case 1 where !b.isEmpty: b.remove(at: rng.below(b.count))
      case 2: b.insert(rng.pick([0x00, 0xFF, 0xC3, 0xE1, 0x80, 0x0D, 0x3C, 0x26, 0x1A]), at: rng.below(b.count + 1))
      case 3 where b.count > 2:
        let i = rng.below(b.count), n = min(b.count - i, 1 + rng.below(64))
        b.insert(contentsOf: b[i..<(i + n)], at: rng.below(b.count))
      case 4:
        b.insert(
          contentsOf: Array(
            rng.pick([
              "<p>", "</", "&#", "&amp;", "<script>", "<?xml", "PK\u{3}\u{4}", "Số:", "/CT-TTg", "ngày 31 tháng 12 năm",
            ]).utf8), at: rng.below(b.count + 1))
      default: if b.count > 8 { b.removeSubrange(rng.below(b.count / 2)..<b.count) }
      }
    }
    return b
  }

  func run(
    _ bytes: [UInt8], _ format: DocumentFormat, _ decoder: DocumentDecoder, _ extractor: MetadataExtractor
  ) -> Bool {
    guard let decoded = try? decoder.decode(bytes: bytes, format: format) else { return false }
    let text = TextNormalizer.normalize(decoded.text)
    let metadata = extractor.extract(from: text)
    var words = 0
    WordTokenizer.forEachWord(in: text) { w in
      if w.folded.isEmpty { Issue.record("empty folded word in \(format)") }
      words += 1
    }
    for r in metadata.references where r.key.isEmpty { Issue.record("empty reference key") }
    return true
  }

  @Test func seededRandomBytesThroughTheTextPath() throws {
    try #require(!Self.seeds.isEmpty, "the seeds in corpus/ are needed")
    let decoder = DocumentDecoder(maxFileSize: 1 << 20, helperTimeout: 5)
    let extractor = MetadataExtractor()
    // A fixed count, not a time budget: the same inputs on every machine. VANBAN_TEST_SEED=N tries another seed.
    var rng = SeededRandom(environmentOr: 77)
    var runs = 0, decoded = 0
    for i in 0..<1_000 {  // CI-sized: about 8 s of CPU in a debug build
      let format: DocumentFormat = [.txt, .txt, .html, .docx][i % 4]
      var input: [UInt8]
      if rng.below(5) == 0 {
        input = (0..<rng.below(2048)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      } else {
        var seed = rng.pick(Self.seeds)
        if format == .html {
          seed =
            Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + seed + Array("</p></body></html>".utf8)
        }
        input = mutate(seed, &rng)
      }
      if run(input, format, decoder, extractor) { decoded += 1 }
      runs += 1
    }
    print(
      "seededRandomBytesThroughTheTextPath (seed \(rng.seed); replay with VANBAN_TEST_SEED=\(rng.seed)): \(runs) inputs, "
        + "\(decoded) decoded, \(runs - decoded) refused with a DecodeError")
    #expect(decoded > runs / 4, "mutated documents mostly still decode (seed \(rng.seed))")
  }
}
