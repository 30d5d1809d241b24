import Foundation
import PropertyBased
import Testing

@testable import VanbanKit

/// The extractor folds with byte loops (`ScalarText.fold`, `FoldedText`) that write into buffers as
/// long as the original and fall back to a scalar loop when a fold would grow. Both must give
/// exactly `VietnameseFolding.fold`, the index's own folding, on any text.
@Suite("Extract: byte-level folding equals the analyzer's folding")
struct ByteFoldTests {
  /// Scalars of every UTF-8 length, and ones whose fold is longer (`Ⱥ` → `ⱥ`, two bytes to three)
  /// or shorter (`K` Kelvin → `k`), combining marks and an emoji.
  static let alphabet: [Character] = Array(
    "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ AĐÊÔƠƯỦ-/.,\t"
      + "\u{23A}\u{212A}\u{2126}\u{130}\u{1E9E}\u{301}\u{1F600}\u{A0}Ω한")

  @Test(arguments: [
    "", "Việt Á", "ĐƯỜNG", "\u{23A}\u{23A}\u{23A}", "a\u{23A}", "\u{212A}elvin", "😀 Đà Nẵng",
    "e\u{301}", "\u{130}stanbul", "ỦY BAN NHÂN DÂN TỈNH CÀ MAU",
  ])
  func knownStrings(s: String) {
    #expect(ScalarText.fold(s) == VietnameseFolding.fold(s))
    #expect(FoldedText(s).folded == Array(VietnameseFolding.fold(s).utf8))
  }

  @Test func anyTextFoldsAsTheAnalyzerDoes() async {
    await propertyCheck(
      count: 500, input: Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...40)
    ) { s in
      let reference = VietnameseFolding.fold(s)
      #expect(ScalarText.fold(s) == reference)
      #expect(FoldedText(s).folded == Array(reference.utf8))
      // A line cut from a larger text folds the same as the line on its own.
      let line = ("trước\n" + s + "\nsau").split(separator: "\n", omittingEmptySubsequences: false)[1]
      #expect(ScalarText.fold(line) == reference)
    }
  }

  /// Each folded byte maps back to the start of the scalar it came from.
  @Test func foldedBytesMapToTheirScalars() async {
    await propertyCheck(
      count: 300, input: Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...40)
    ) { s in
      let f = FoldedText(s)
      #expect(f.toOriginal.count == f.folded.count + 1)
      #expect(f.toOriginal.last == f.bytes.count)
      for o in f.toOriginal.dropLast() {
        #expect(f.bytes[o] & 0xC0 != 0x80, "offset \(o) is inside a scalar")
      }
    }
  }
}
