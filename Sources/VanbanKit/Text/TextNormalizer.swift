// One normal form for Vietnamese text, used on the index side and the query side alike.
//
// Real files mix NFC and NFD, old and new tone placement (hoà/hòa, uỷ/ủy), look-alike letters
// (Ð U+00D0 typed for Đ) and Markdown emphasis from exports. Two spellings of one word must become
// one string before anything is extracted or indexed, or they become two terms.

import Foundation

/// Unicode NFC, one tone placement (`hoà` → `hòa`), and clean whitespace: every text and every query goes through it first.
public enum TextNormalizer {
  /// NFC, one canonical tone placement (the tone sits on the first vowel of a final oa/oe/uy:
  /// `hòa`, `khỏe`, `ủy`, `thủy`), look-alikes read as Đ/đ, Markdown `**`/`***` removed, line endings
  /// LF, no-break and typographic spaces as spaces, soft hyphens and zero-width marks removed.
  /// Case is kept.
  public static func normalize(_ input: String) -> String {
    var s = input
    if s.utf8.contains(13) {
      s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    if needsNFC(s) { s = s.precomposedStringWithCanonicalMapping }
    return canonicalizeScalars(s)
  }

  /// Normal form of a single query word or name (the same rules; cheap for short strings).
  public static func normalizeWord(_ s: String) -> String { normalize(s) }

  /// NFC changes only text that holds combining characters (and a few rare singletons), so most
  /// documents can skip Foundation's normalisation entirely.
  static func needsNFC(_ s: String) -> Bool {
    for u in s.unicodeScalars where u.value >= 0x0300 {
      if u.properties.canonicalCombiningClass != .notReordered { return true }
      if (0x1100...0x11FF).contains(u.value) || (0xF900...0xFAFF).contains(u.value) { return true }
      if (0x0340...0x0344).contains(u.value) || u.value == 0x2126 || u.value == 0x212A || u.value == 0x212B {
        return true
      }
    }
    return false
  }

  /// The scalar pass, written straight into UTF-8: an array of scalars and a String rebuilt from
  /// it cost 4 bytes per character and a slow append (10% of indexing CPU on real documents).
  private static func canonicalizeScalars(_ s: String) -> String {
    let letters = VietnameseLetters.shared
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    // The current word's last three scalars and where each starts in `out`, for the tone fix.
    var word = WordTail()
    let scalars = s.unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      var v = scalars[i].value
      switch v {
      case 0x00D0, 0x0189: v = 0x0110  // Ð, Ɖ → Đ
      case 0x00F0, 0x0256: v = 0x0111  // ð, ɖ → đ
      // No-break spaces, and the typographic ones (en, em, thin, hair; ideographic) Word and
      // PDFs put in names and numbers: `Số:\u{2002}123` must read as `Số: 123`.
      case 0x00A0, 0x202F, 0x2000...0x200A, 0x205F, 0x3000: v = 0x20
      // Zero-width space, stray BOM, word joiner, and the soft hyphen (`Nguy\u{00AD}ễn` is one
      // word: it marks where a line may break, and prints nothing unless it does).
      case 0x200B, 0xFEFF, 0x2060, 0x00AD:
        scalars.formIndex(after: &i)
        continue
      case 0x2A:  // a run of two or more '*' is Markdown emphasis, not text
        var j = scalars.index(after: i)
        if j < scalars.endIndex && scalars[j].value == 0x2A {
          while j < scalars.endIndex && scalars[j].value == 0x2A { scalars.formIndex(after: &j) }
          fixTone(&out, &word, letters)
          i = j
          continue
        }
      default: break
      }
      if letters.isWord(v) {
        word.push(v, at: out.count)
        UTF8Bytes.append(v, to: &out)
      } else {
        fixTone(&out, &word, letters)
        UTF8Bytes.append(v, to: &out)
      }
      scalars.formIndex(after: &i)
    }
    fixTone(&out, &word, letters)
    return String(decoding: out, as: UTF8.self)
  }

  /// The last three scalars of the word being written and their offsets in the output.
  private struct WordTail {
    var count = 0
    var values: (UInt32, UInt32, UInt32) = (0, 0, 0)  // third-last, second-last, last
    var offsets: (Int, Int, Int) = (0, 0, 0)
    mutating func push(_ v: UInt32, at offset: Int) {
      values = (values.1, values.2, v)
      offsets = (offsets.1, offsets.2, offset)
      count += 1
    }
  }

  /// Moves the tone of a word-final `oa`, `oe` or `uy` onto its first vowel (`hoà`→`hòa`,
  /// `uỷ`→`ủy`), rewriting the word's last two scalars in `out`. After `q`, `u` belongs to the
  /// consonant, so `quý` is left alone. Ends the word.
  @inline(__always)
  private static func fixTone(_ out: inout [UInt8], _ word: inout WordTail, _ letters: VietnameseLetters) {
    defer { word.count = 0 }
    guard word.count >= 2 else { return }
    let v1 = word.values.1, v2 = word.values.2
    let t2 = letters.toneOf(v2)
    guard t2 != 0, letters.toneOf(v1) == 0 else { return }
    let b1 = letters.lowerScalar(v1), b2 = letters.lowerScalar(letters.tonelessOf(v2))
    let pair = (b1, b2)
    let isPair = pair == (0x6F, 0x61) || pair == (0x6F, 0x65) || pair == (0x75, 0x79)  // oa oe uy
    guard isPair else { return }
    if word.count >= 3 {
      let before = letters.lowerScalar(word.values.0)
      if b1 == 0x75 && before == 0x71 { return }  // qu-y
    }
    guard let moved = letters.compose[VietnameseLetters.key(v1, t2)] else { return }
    out.removeSubrange(word.offsets.1...)
    UTF8Bytes.append(moved, to: &out)
    UTF8Bytes.append(letters.tonelessOf(v2), to: &out)
  }
}
