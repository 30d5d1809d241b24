// Folding: the form of a word that a user typing without diacritics would produce.
//
// `Việt Á` → `viet a`, `Đường` → `duong`. Every mark is removed, including the vowel modifiers
// (ă â ê ô ơ ư), and đ becomes d explicitly because it is a letter, not d plus a combining mark.
// Naive folding alone loses meaning (thể/thế → the), so the index keeps exact terms beside folded
// ones; see IndexSchema.

/// Diacritic folding, the form a user typing without marks produces: `Việt Á` → `viet a`, `Đường` → `duong`.
public enum VietnameseFolding {
  /// Lower-case, mark-free form of `s`. Other characters pass through lower-cased.
  public static func fold(_ s: String) -> String {
    let letters = VietnameseLetters.shared
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      let f = letters.foldScalar(u.value)
      if f != 0, let scalar = Unicode.Scalar(f) { out.append(scalar) }
    }
    return String(out)
  }

  /// Lower-case form of `s`, keeping its marks.
  public static func lowercase(_ s: String) -> String {
    let letters = VietnameseLetters.shared
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      if let scalar = Unicode.Scalar(letters.lowerScalar(u.value)) { out.append(scalar) }
    }
    return String(out)
  }

  /// Whether the string has any character that folding changes besides case (i.e. it is "accented").
  public static func hasDiacritics(_ s: String) -> Bool {
    let letters = VietnameseLetters.shared
    for u in s.unicodeScalars where u.value >= 0x80 {
      if letters.foldScalar(u.value) != letters.lowerScalar(u.value) { return true }
    }
    return false
  }
}
