import Foundation
import Testing

@testable import VanbanKit

/// The real corpus (shared/corpora/vn-legal.tar.xz): every file extracts without a crash, and a
/// number is found for the files whose header has a `Số:` line.
@Suite("Extract: real corpus")
struct RealCorpusExtractionTests {
  @Test(.enabled(if: TestPaths.vnLegalTarball != nil, "shared/corpora/vn-legal.tar.xz is missing (see VANBAN_SHARED)"))
  func numbersFoundWhereTheHeaderHasOne() throws {
    let tarball = try #require(TestPaths.vnLegalTarball)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-vnlegal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try #require(ExtractFixtures.run("tar", ["-xJf", tarball.path, "-C", dir.path]) == 0, "tar failed")

    let files =
      (FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
      .filter { $0.pathExtension == "txt" }
    #expect(files.count >= 800)
    let extractor = MetadataExtractor()
    var withNumberLine = 0
    var found = 0
    var misses: [String] = []
    for f in files {
      let text = try ExtractFixtures.normalizedText(f)
      let m = extractor.extract(from: text)
      if Self.headerHasNumberLine(text) {
        withNumberLine += 1
        if m.number != nil { found += 1 } else { misses.append(f.lastPathComponent) }
      }
    }
    let ratio = Double(found) / Double(max(1, withNumberLine))
    print(
      String(
        format: "real corpus: %d files, %d with a `Số:` header line, number found for %d (%.2f%%)", files.count,
        withNumberLine, found, 100 * ratio))
    #expect(ratio >= 0.95, "misses: \(misses.prefix(10))")
  }

  /// `Số:` (any case or marks) in the first 30 lines: `Số:`, `Luật số:`, `SỐ :`.
  static func headerHasNumberLine(_ text: String) -> Bool {
    for line in text.split(separator: "\n", maxSplits: 30, omittingEmptySubsequences: false).prefix(30) {
      let f = Array(VietnameseFolding.fold(String(line)).utf8)
      var i = 0
      while i + 2 < f.count {
        if f[i] == 0x73, f[i + 1] == 0x6F, i == 0 || !(f[i - 1] >= 0x61 && f[i - 1] <= 0x7A) {
          var j = i + 2
          while j < f.count, f[j] == 0x20 || f[j] == 0x09 { j += 1 }
          if j < f.count, f[j] == 0x3A { return true }
        }
        i += 1
      }
    }
    return false
  }
}
