import Foundation
import PropertyBased
import Testing

@testable import VanbanKit

struct VietnameseFoldingTests {
  @Test(arguments: [
    ("Việt Á", "viet a"), ("Đường", "duong"), ("ĐĂNG KÝ", "dang ky"), ("Sơn La", "son la"),
    ("Ủy ban nhân dân", "uy ban nhan dan"), ("Ðà Nẵng", "da nang"), ("16/CT-TTg", "16/ct-ttg"),
    ("Thừa Thiên Huế", "thua thien hue"), ("ưỡng", "uong"),
  ])
  func folds(input: String, folded: String) {
    #expect(VietnameseFolding.fold(TextNormalizer.normalize(input)) == folded)
  }

  @Test func decomposedInputFoldsTheSame() {
    let nfd = "Phó Chủ tịch Tỉnh ủy".decomposedStringWithCanonicalMapping
    #expect(VietnameseFolding.fold(nfd) == "pho chu tich tinh uy")
  }

  @Test func everyVietnameseLetterFoldsToASCII() {
    let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    for ch in letters + letters.uppercased() {
      let f = VietnameseFolding.fold(String(ch))
      #expect(f.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isLowercase }, "\(ch) → \(f)")
    }
  }

  @Test func hasDiacritics() {
    #expect(VietnameseFolding.hasDiacritics("Việt"))
    #expect(VietnameseFolding.hasDiacritics("đi"))
    #expect(!VietnameseFolding.hasDiacritics("Viet A 16/CT"))
  }

  static let alphabet: [Character] = Array(
    "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ AĐÊÔƠƯỦ-/.,")

  @Test func foldIsIdempotent() async {
    await propertyCheck(
      count: 300, input: Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...40)
    ) { s in
      let once = VietnameseFolding.fold(s)
      #expect(VietnameseFolding.fold(once) == once)
    }
  }

  @Test func normaliseIgnoresDecomposition() async {
    await propertyCheck(
      count: 300, input: Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...40)
    ) { s in
      #expect(TextNormalizer.normalize(s.decomposedStringWithCanonicalMapping) == TextNormalizer.normalize(s))
    }
  }

  @Test func foldOfVietnameseIsASCII() async {
    await propertyCheck(
      count: 300, input: Gen<Character?>.element(of: Self.alphabet).map { $0 ?? "a" }.string(of: 0...40)
    ) { s in
      let ascii = VietnameseFolding.fold(s).unicodeScalars.allSatisfy { $0.isASCII }
      #expect(ascii)
    }
  }
}
