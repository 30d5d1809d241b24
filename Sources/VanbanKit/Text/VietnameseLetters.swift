// Per-scalar tables for Vietnamese text: lower-casing, mark-stripping and tone decomposition.
//
// Why tables: the indexer folds every word of every document, so the per-character work must be
// an array lookup, not a Foundation call. The tables are *built* with Foundation's canonical
// decomposition (we never hand-write Unicode data), once, lazily.

import Foundation

/// The five Vietnamese tone marks as combining characters.
enum ToneMark: UInt32, CaseIterable, Sendable {
  case grave = 0x0300  // huyền
  case acute = 0x0301  // sắc
  case tilde = 0x0303  // ngã
  case hook = 0x0309  // hỏi
  case dotBelow = 0x0323  // nặng
}

struct VietnameseLetters: Sendable {
  static let shared = VietnameseLetters()

  /// Scalars below this bound are looked up in the tables; above it they are mapped by Unicode
  /// properties (rare in Vietnamese text).
  static let tableLimit: UInt32 = 0x2000

  /// Lower-case form of each scalar (identity when it has none or it is not one scalar).
  private(set) var lower: [UInt32]
  /// Folded form: lower-case, every mark removed, đ→d. 0 means "drop" (a combining mark).
  private(set) var folded: [UInt32]
  /// For a toned vowel: the same vowel without its tone, and the tone. 0 when not a toned vowel.
  private(set) var toneless: [UInt32]
  private(set) var tone: [UInt32]
  /// (vowel without tone, tone) → composed scalar, for moving a tone between vowels.
  private(set) var compose: [UInt64: UInt32] = [:]
  /// Whether a scalar belongs to a word (letter, digit or combining mark).
  private(set) var wordChar: [Bool]

  private init() {
    let n = Int(Self.tableLimit)
    lower = (0..<UInt32(n)).map { $0 }
    folded = (0..<UInt32(n)).map { $0 }
    toneless = Array(repeating: 0, count: n)
    tone = Array(repeating: 0, count: n)
    wordChar = Array(repeating: false, count: n)
    let toneSet = Set(ToneMark.allCases.map(\.rawValue))

    for v in 0..<UInt32(n) {
      guard let s = Unicode.Scalar(v) else { continue }
      let lm = s.properties.lowercaseMapping.unicodeScalars
      if lm.count == 1 { lower[Int(v)] = lm.first!.value }
      wordChar[Int(v)] = Self.isWordScalar(s)
    }
    folded = lower
    // Marks fold to nothing.
    for v in 0x0300..<UInt32(0x0370) { folded[Int(v)] = 0 }
    // Letters with marks: decompose once with Foundation, keep the base letter.
    let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
    for r in ranges {
      for v in r {
        guard let s = Unicode.Scalar(v) else { continue }
        let nfd = String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = nfd.first, base.value < 0x80, nfd.count > 1 else { continue }
        let marks = nfd.dropFirst().map(\.value)
        guard marks.allSatisfy({ (0x0300..<0x0370).contains($0) }) else { continue }
        folded[Int(v)] = lower[Int(base.value)]
        // Split off the tone mark, if any, to know the toneless vowel.
        if let t = marks.first(where: { toneSet.contains($0) }) {
          let rest = String(String.UnicodeScalarView([base] + marks.filter { $0 != t }.compactMap(Unicode.Scalar.init)))
          let composed = rest.precomposedStringWithCanonicalMapping.unicodeScalars
          if composed.count == 1, let c = composed.first {
            toneless[Int(v)] = c.value
            tone[Int(v)] = t
            compose[Self.key(c.value, t)] = v
          }
        }
      }
    }
    // đ is a letter of its own, not a d with a mark: fold it explicitly, with its look-alikes.
    for v: UInt32 in [0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256] { folded[Int(v)] = 0x64 }
    for v in 0..<UInt32(0x80) { folded[Int(v)] = lower[Int(v)] }
  }

  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    let p = s.properties
    if p.isAlphabetic || p.numericType != nil { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  @inline(__always) func isWord(_ v: UInt32) -> Bool {
    if v < Self.tableLimit { return wordChar[Int(v)] }
    guard let s = Unicode.Scalar(v) else { return false }
    return Self.isWordScalar(s)
  }

  static func key(_ vowel: UInt32, _ tone: UInt32) -> UInt64 { UInt64(vowel) << 32 | UInt64(tone) }

  @inline(__always) func lowerScalar(_ v: UInt32) -> UInt32 {
    if v < Self.tableLimit { return lower[Int(v)] }
    guard let s = Unicode.Scalar(v) else { return v }
    let lm = s.properties.lowercaseMapping.unicodeScalars
    return lm.count == 1 ? lm.first!.value : v
  }

  /// Folded scalar, or 0 to drop it.
  @inline(__always) func foldScalar(_ v: UInt32) -> UInt32 {
    if v < Self.tableLimit { return folded[Int(v)] }
    return lowerScalar(v)
  }
}
