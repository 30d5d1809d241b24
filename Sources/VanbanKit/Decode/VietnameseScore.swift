import Foundation

/// How Vietnamese a piece of decoded text looks; used to choose between candidate legacy decodings.
///
/// Only words that contain a non-ASCII letter count (ASCII words decode the same in every candidate). Each is
/// checked against the shape of a Vietnamese syllable: an optional onset from the 27 initial consonants, a
/// vowel group that exists in Vietnamese (`a`, `oa`, `ươ`, `uyê`...), a final consonant only where that group
/// allows one, and at most one tone mark. Non-ASCII characters that are neither letters nor ordinary
/// punctuation (box symbols, C1 controls, U+FFFD) count against the text.
struct VietnameseScore: Equatable {
  /// Words with a non-ASCII letter.
  var markedWords = 0
  /// Of those, the ones shaped like a Vietnamese syllable.
  var validWords = 0
  var nonASCIIScalars = 0
  /// Non-ASCII scalars that are not letters, combining marks or common punctuation.
  var junkScalars = 0
  /// ASCII control characters other than tab, LF, CR, FF.
  var controlScalars = 0

  /// 0...1: the share of marked words that are valid syllables, lowered by the share of junk characters.
  var value: Double {
    guard markedWords > 0 else { return 0 }
    let valid = Double(validWords) / Double(markedWords)
    let junk = nonASCIIScalars == 0 ? 0 : Double(junkScalars) / Double(nonASCIIScalars)
    return valid * (1 - junk)
  }

  init() {}

  init(_ text: some StringProtocol) {
    var bases: [UInt32] = []
    bases.reserveCapacity(16)
    var tones = 0
    var nonASCII = false
    var broken = false
    for u in text.unicodeScalars {
      let v = u.value
      if v >= 0x80 { nonASCIIScalars += 1 }
      // Letters: ASCII, Vietnamese (base + tone from the table), other alphabetic, combining marks.
      if v < 0x80 {
        if (0x61...0x7A).contains(v) { bases.append(v); continue }
        if (0x41...0x5A).contains(v) { bases.append(v + 0x20); continue }
      } else if let info = Self.letters[v] {
        bases.append(info.base)
        if info.tone { tones += 1 }
        nonASCII = true
        continue
      } else if Self.toneMarks.contains(v) {
        tones += 1
        nonASCII = true
        continue
      } else if (0x300...0x36F).contains(v) || u.properties.isAlphabetic {
        // A letter or mark Vietnamese does not use: the word cannot be a syllable.
        broken = true
        nonASCII = true
        bases.append(v)
        continue
      }
      // Not a letter: the word (if any) ends here.
      if !bases.isEmpty || tones > 0 {
        if nonASCII {
          markedWords += 1
          if !broken && tones <= 1 && Self.isSyllable(bases) { validWords += 1 }
        }
        bases.removeAll(keepingCapacity: true)
        tones = 0
        nonASCII = false
        broken = false
      }
      if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C { controlScalars += 1 }
      if v >= 0x80 && !Self.isOrdinaryPunctuation(v) { junkScalars += 1 }
    }
    if nonASCII && (!bases.isEmpty || tones > 0) {
      markedWords += 1
      if !broken && tones <= 1 && Self.isSyllable(bases) { validWords += 1 }
    }
  }

  static func isOrdinaryPunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0xA0, 0xAB, 0xBB, 0xB0, 0xA7, 0xB7: return true  // nbsp « » ° § ·
    case 0x2000...0x206F: return true  // general punctuation: dashes, quotes, bullets, ellipsis
    case 0x20AB, 0x20AC: return true  // ₫ €
    case 0x2122, 0x2116: return true  // ™ №
    // arrows, −, ■●, Symbol-font bullets
    case 0x2190...0x21FF, 0x2212, 0x25A0...0x25FF, 0xF0B7, 0xF0A7, 0xF0D8, 0xF0FC: return true
    case 0xFEFF: return true
    default: return false
    }
  }

  static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

  /// Every precomposed Vietnamese letter (both cases) → its lowercase toneless letter and whether it has a tone:
  /// `Ệ` → (`ê`, true), `ơ` → (`ơ`, false), `Đ` → (`đ`, false).
  static let letters: [UInt32: (base: UInt32, tone: Bool)] = {
    var table: [UInt32: (base: UInt32, tone: Bool)] = [:]
    let ranges: [ClosedRange<UInt32>] = [0xC0...0x1B0, 0x1EA0...0x1EF9]
    for range in ranges {
      for v in range {
        guard let u = Unicode.Scalar(v) else { continue }
        let lower = String(u).lowercased().decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        var tone = false
        for s in lower.unicodeScalars {
          if toneMarks.contains(s.value) { tone = true } else { kept.append(s) }
        }
        let base = String(kept).precomposedStringWithCanonicalMapping.unicodeScalars
        guard base.count == 1, let b = base.first, vietnameseLetters.contains(b.value) else { continue }
        table[v] = (b.value, tone)
      }
    }
    return table
  }()

  /// Lowercase toneless Vietnamese letters beyond ASCII: ă â đ ê ô ơ ư, and the plain vowels that carry tones.
  static let vietnameseLetters: Set<UInt32> = Set("ăâđêôơưaeiouy".unicodeScalars.map(\.value))

  private static func key(_ s: some Sequence<UInt32>) -> UInt64 {
    s.reduce(0) { $0 << 21 | UInt64($1) }
  }
  private static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map { key($0.unicodeScalars.map(\.value)) }) }

  /// Onsets, longest first, then none.
  private static let onsets: [[UInt32]] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
  ].map { $0.unicodeScalars.map(\.value) }
  private static let codas = keys(["ch", "ng", "nh", "c", "m", "n", "p", "t"])
  private static let vowels: Set<UInt32> = Set("aăâeêioôơuưy".unicodeScalars.map(\.value))
  /// Vowel groups (toneless) that may be followed by a final consonant.
  private static let closableNuclei = keys([
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "iê", "yê", "oa", "oă", "oe", "uâ", "uê", "uô", "ươ", "uy", "uyê", "oo",
  ])
  /// Vowel groups that end the syllable (their last vowel is a glide, or they are ia/ua/ưa).
  private static let openNuclei = keys([
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "uơ",
  ])

  /// True if `bases` (lowercase toneless letters) has the shape of one Vietnamese syllable.
  static func isSyllable(_ bases: [UInt32]) -> Bool {
    guard !bases.isEmpty, bases.count <= 7 else { return false }
    for onset in onsets where bases.starts(with: onset) {
      var n = onset.count
      while n < bases.count, vowels.contains(bases[n]) { n += 1 }
      let vowelCount = n - onset.count
      guard (1...3).contains(vowelCount) else { continue }
      let nucleus = key(bases[onset.count..<n])
      if n == bases.count {
        if closableNuclei.contains(nucleus) || openNuclei.contains(nucleus) { return true }
      } else if bases.count - n <= 2, codas.contains(key(bases[n...])), closableNuclei.contains(nucleus) {
        return true
      }
    }
    return false
  }
}
