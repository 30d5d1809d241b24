/// How Vietnamese a piece of decoded text looks; used to choose between candidate legacy decodings.
///
/// Only words that contain a non-ASCII letter count (ASCII words decode the same in every candidate). Each is
/// checked against the shape of a Vietnamese syllable: an optional onset from the 27 initial consonants, one to
/// three vowels, an optional final consonant, and at most one tone mark. Non-ASCII characters that are neither
/// letters nor ordinary punctuation (box symbols, C1 controls, U+FFFD) count against the text.
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
    var word = String.UnicodeScalarView()
    var wordHasNonASCII = false
    func flush(_ s: inout VietnameseScore) {
      if wordHasNonASCII {
        s.markedWords += 1
        if VietnameseScore.isSyllable(word) { s.validWords += 1 }
      }
      word.removeAll(keepingCapacity: true)
      wordHasNonASCII = false
    }
    for u in text.unicodeScalars {
      let v = u.value
      if v >= 0x80 { nonASCIIScalars += 1 }
      let isLetter = u.properties.isAlphabetic || (0x300...0x36F).contains(v)
      if isLetter {
        word.append(u)
        if v >= 0x80 { wordHasNonASCII = true }
        continue
      }
      flush(&self)
      if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C { controlScalars += 1 }
      if v >= 0x80 && !VietnameseScore.isOrdinaryPunctuation(v) { junkScalars += 1 }
    }
    flush(&self)
  }

  static func isOrdinaryPunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0xA0, 0xAB, 0xBB, 0xB0, 0xA7, 0xB7: return true  // nbsp « » ° § ·
    case 0x2000...0x206F: return true  // general punctuation: dashes, quotes, bullets, ellipsis
    case 0x20AB, 0x20AC: return true  // ₫ €
    case 0x2122, 0x2116: return true  // ™ №
    case 0x2190...0x21FF, 0x2212, 0x25A0...0x25FF, 0xF0B7, 0xF0A7, 0xF0D8, 0xF0FC: return true  // arrows, −, ■●, Symbol-font bullets
    case 0xFEFF: return true
    default: return false
    }
  }

  private static let onsets: [[Character]] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
  ].map { Array($0) }
  private static let codas: Set<[Character]> = Set(["ch", "ng", "nh", "c", "m", "n", "p", "t", ""].map { Array($0) })
  private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
  /// Vowel groups (toneless) that may be followed by a final consonant.
  private static let closableNuclei: Set<String> = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "iê", "yê", "oa", "oă", "oe", "uâ", "uê", "uô", "ươ", "uy", "uyê", "oo",
  ]
  /// Vowel groups that end the syllable (their last vowel is a glide, or they are ia/ua/ưa).
  private static let openNuclei: Set<String> = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "uơ",
  ]
  private static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

  /// True if `word` (any case, any normalisation) has the shape of one Vietnamese syllable.
  static func isSyllable(_ word: String.UnicodeScalarView) -> Bool {
    let lower = String(word).lowercased().decomposedStringWithCanonicalMapping
    var toneCount = 0
    var stripped = String.UnicodeScalarView()
    for u in lower.unicodeScalars {
      if tones.contains(u.value) { toneCount += 1 } else { stripped.append(u) }
    }
    guard toneCount <= 1 else { return false }
    // Compose back to letters (ê, ơ, ă...), then split into onset / vowels / coda.
    let letters = Array(String(stripped).precomposedStringWithCanonicalMapping)
    guard letters.count <= 7 else { return false }
    for onset in onsets where letters.starts(with: onset) {
      let rest = letters[onset.count...]
      var n = rest.startIndex
      while n < rest.endIndex, vowels.contains(rest[n]) { n += 1 }
      guard (1...3).contains(n - rest.startIndex) else { continue }
      let nucleus = String(rest[rest.startIndex..<n])
      let coda = Array(rest[n...])
      if coda.isEmpty {
        if closableNuclei.contains(nucleus) || openNuclei.contains(nucleus) { return true }
      } else if codas.contains(coda), closableNuclei.contains(nucleus) {
        return true
      }
    }
    return false
  }
}
