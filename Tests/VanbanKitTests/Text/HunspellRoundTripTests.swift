// A round trip over every syllable of Debian's Vietnamese dictionary (hunspell-vi): the
// normaliser and folder must agree with Unicode on real Vietnamese, not just on our examples.

import Foundation
import Testing

@testable import VanbanKit

struct HunspellRoundTripTests {
  static let dictionary = "/usr/share/hunspell/vi_VN.dic"

  static func syllables() -> [String]? {
    guard let text = try? String(contentsOfFile: dictionary, encoding: .utf8) else { return nil }
    // First line is the entry count; entries may carry /FLAGS.
    return text.split(separator: "\n").dropFirst().map { String($0.split(separator: "/")[0]) }
      .filter { !$0.isEmpty }
  }

  @Test func everySyllableRoundTrips() throws {
    try #require(
      FileManager.default.fileExists(atPath: Self.dictionary),
      "\(Self.dictionary) is missing: make deps installs hunspell-vi")
    let words = try #require(Self.syllables(), "\(Self.dictionary) is unreadable")
    #expect(words.count > 6000)
    var failures: [String] = []
    for w in words {
      let n = TextNormalizer.normalize(w)
      if TextNormalizer.normalize(w.decomposedStringWithCanonicalMapping) != n { failures.append("NFD \(w)") }
      let folded = VietnameseFolding.fold(n)
      if !folded.unicodeScalars.allSatisfy({ $0.isASCII }) { failures.append("fold \(w) → \(folded)") }
      if VietnameseFolding.fold(folded) != folded { failures.append("idempotent \(w)") }
      if VietnameseFolding.fold(w) != folded { failures.append("tone placement changes folding: \(w)") }
      // Normalising is stable: a second pass changes nothing.
      if TextNormalizer.normalize(n) != n { failures.append("stable \(w)") }
      // Upper and lower case agree after folding.
      if VietnameseFolding.fold(TextNormalizer.normalize(w.uppercased())) != folded { failures.append("case \(w)") }
    }
    #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(10))")
  }
}
