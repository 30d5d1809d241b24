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
  /// LF, no-break spaces as spaces. Case is kept.
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

  private static func canonicalizeScalars(_ s: String) -> String {
    let letters = VietnameseLetters.shared
    let scalars = Array(s.unicodeScalars)
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(scalars.count)
    var wordStart = 0
    var i = 0
    while i < scalars.count {
      var v = scalars[i].value
      switch v {
      case 0x00D0, 0x0189: v = 0x0110  // Ð, Ɖ → Đ
      case 0x00F0, 0x0256: v = 0x0111  // ð, ɖ → đ
      case 0x00A0, 0x202F: v = 0x20  // no-break spaces
      case 0x200B, 0xFEFF:  // zero-width space, stray BOM
        i += 1
        continue
      case 0x2A:  // a run of two or more '*' is Markdown emphasis, not text
        var j = i
        while j < scalars.count && scalars[j].value == 0x2A { j += 1 }
        if j - i >= 2 {
          fixTone(&out, from: wordStart, letters)
          wordStart = out.count
          i = j
          continue
        }
      default: break
      }
      if letters.isWord(v) {
        out.append(Unicode.Scalar(v)!)
      } else {
        fixTone(&out, from: wordStart, letters)
        out.append(Unicode.Scalar(v)!)
        wordStart = out.count
      }
      i += 1
    }
    fixTone(&out, from: wordStart, letters)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: out)
    return String(view)
  }

  /// Moves the tone of a word-final `oa`, `oe` or `uy` onto its first vowel (`hoà`→`hòa`,
  /// `uỷ`→`ủy`). After `q`, `u` belongs to the consonant, so `quý` is left alone.
  @inline(__always)
  private static func fixTone(_ w: inout [Unicode.Scalar], from start: Int, _ letters: VietnameseLetters) {
    let end = w.count
    guard end - start >= 2 else { return }
    let v1 = w[end - 2].value, v2 = w[end - 1].value
    let t2 = letters.toneOf(v2)
    guard t2 != 0, letters.toneOf(v1) == 0 else { return }
    let b1 = letters.lowerScalar(v1), b2 = letters.lowerScalar(letters.tonelessOf(v2))
    let pair = (b1, b2)
    let isPair = pair == (0x6F, 0x61) || pair == (0x6F, 0x65) || pair == (0x75, 0x79)  // oa oe uy
    guard isPair else { return }
    if end - 3 >= start {
      let before = letters.lowerScalar(w[end - 3].value)
      if b1 == 0x75 && before == 0x71 { return }  // qu-y
    }
    guard let moved = letters.compose[VietnameseLetters.key(v1, t2)] else { return }
    w[end - 2] = Unicode.Scalar(moved)!
    w[end - 1] = Unicode.Scalar(letters.tonelessOf(v2))!
  }
}
