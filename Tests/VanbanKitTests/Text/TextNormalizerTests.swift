import Foundation
import Testing

@testable import VanbanKit

struct TextNormalizerTests {
  @Test(arguments: [
    ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("UỶ BAN", "ỦY BAN"),
    ("HOÀ BÌNH", "HÒA BÌNH"), ("Tỉnh uỷ", "Tỉnh ủy"), ("quý", "quý"), ("hoàng", "hoàng"), ("thuyền", "thuyền"),
  ])
  func oneTonePlacement(input: String, canonical: String) {
    #expect(TextNormalizer.normalize(input) == canonical)
  }

  @Test func lookAlikesReadAsDStroke() {
    #expect(TextNormalizer.normalize("\u{00D0}à Nẵng") == "Đà Nẵng")
    #expect(TextNormalizer.normalize("\u{0189}iện Biên") == "Điện Biên")
  }

  @Test func markdownEmphasisIsRemoved() {
    #expect(TextNormalizer.normalize("**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**") == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    #expect(TextNormalizer.normalize("***lên gấp đôi***") == "lên gấp đôi")
    #expect(TextNormalizer.normalize("TỈNH ỦY\n*") == "TỈNH ỦY\n*")
  }

  @Test func lineEndingsAndNFC() {
    #expect(TextNormalizer.normalize("a\r\nb\rc") == "a\nb\nc")
    let nfd = "Nơi nhận".decomposedStringWithCanonicalMapping
    #expect(TextNormalizer.normalize(nfd) == "Nơi nhận")
    #expect(TextNormalizer.normalize(nfd).unicodeScalars.count == "Nơi nhận".unicodeScalars.count)
  }

  @Test func exactFormsAgreeAcrossTonePlacementAndCase() {
    let a = WordTokenizer.words(in: TextNormalizer.normalize("UỶ BAN")).map(\.exact)
    let b = WordTokenizer.words(in: TextNormalizer.normalize("Ủy ban")).map(\.exact)
    #expect(a == b)
  }

  @Test func tokenizerKeepsShortWordsAndPositions() {
    let ws = WordTokenizer.words(in: "Công an tỉnh, 16/CT-TTg")
    #expect(ws.map(\.exact) == ["công", "an", "tỉnh", "16", "ct", "ttg"])
    #expect(ws.map(\.folded) == ["cong", "an", "tinh", "16", "ct", "ttg"])
  }
}
