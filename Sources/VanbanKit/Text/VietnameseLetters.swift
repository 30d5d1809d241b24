// Per-scalar tables for Vietnamese text: lower-casing, mark-stripping and tone decomposition.
//
// Why tables: the indexer folds every word of every document, so the per-character work must be
// an array lookup, not a Foundation call. The tables are *built* with Foundation's canonical
// decomposition (we never hand-write Unicode data): ahead of time into VietnameseLetterTables.swift,
// which a test checks against the tables built afresh.

import Foundation

/// The five Vietnamese tone marks as combining characters.
enum ToneMark: UInt32, CaseIterable, Sendable {
  case grave = 0x0300  // huyền
  case acute = 0x0301  // sắc
  case tilde = 0x0303  // ngã
  case hook = 0x0309  // hỏi
  case dotBelow = 0x0323  // nặng
}

struct VietnameseLetters: Sendable, Equatable {
  /// The tables every fold and tone fix reads: from `VietnameseLetterTables`, generated from what
  /// `builtWithFoundation()` computes. Building them took about 1 ms, 5% of a CLI search's whole
  /// process, at every start; `VietnameseLettersTests` checks the two still agree.
  static let shared = VietnameseLetters(generated: ())

  /// The tables cover U+0000–U+036F (Latin, its extensions and the combining marks) and
  /// U+1E00–U+1EFF (Latin Extended Additional: ạ ả ấ … ỹ), where every Vietnamese letter lives;
  /// other scalars (rare in Vietnamese text) are mapped by Unicode properties. Kept this small
  /// when every CLI run built them (all of U+0000–U+1FFF took ~15% of a search's time); now
  /// that they are generated, it keeps the generated file short.
  static let ranges: [Range<UInt32>] = [0..<0x370, 0x1E00..<0x1F00]
  static let tableSize = 0x370 + 0x100

  /// Table index of a scalar, or nil outside the tables.
  @inline(__always) static func slot(_ v: UInt32) -> Int? {
    if v < 0x370 { return Int(v) }
    let d = v &- 0x1E00
    return d < 0x100 ? 0x370 + Int(d) : nil
  }

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

  /// The tables computed from Foundation's Unicode data (what `VietnameseLetterTables` holds).
  static func builtWithFoundation() -> VietnameseLetters { VietnameseLetters(foundation: ()) }

  /// The tables expanded from `VietnameseLetterTables`: identity, then the listed differences.
  private init(generated: Void) {
    let n = Self.tableSize
    lower = Self.ranges.flatMap { $0 }
    for (v, l) in VietnameseLetterTables.lower { lower[Self.slot(v)!] = l }
    folded = lower
    for (v, f) in VietnameseLetterTables.folded { folded[Self.slot(v)!] = f }
    toneless = Array(repeating: 0, count: n)
    tone = Array(repeating: 0, count: n)
    for (v, base, t) in VietnameseLetterTables.toned {
      toneless[Self.slot(v)!] = base
      tone[Self.slot(v)!] = t
      compose[Self.key(base, t)] = v
    }
    wordChar = Array(repeating: false, count: n)
    for r in VietnameseLetterTables.wordScalars {
      for v in r { wordChar[Self.slot(v)!] = true }
    }
  }

  private init(foundation: Void) {
    let n = Self.tableSize
    let scalars = Self.ranges.flatMap { $0 }
    lower = scalars
    toneless = Array(repeating: 0, count: n)
    tone = Array(repeating: 0, count: n)
    wordChar = Array(repeating: false, count: n)
    let toneSet = Set(ToneMark.allCases.map(\.rawValue))

    for (i, v) in scalars.enumerated() {
      guard let s = Unicode.Scalar(v) else { continue }
      // lowercaseMapping builds a String: ask only for the scalars that have one.
      if s.properties.changesWhenLowercased {
        let lm = s.properties.lowercaseMapping.unicodeScalars
        if lm.count == 1 { lower[i] = lm.first!.value }
      }
      wordChar[i] = Self.isWordScalar(s)
    }
    folded = lower
    // Marks fold to nothing.
    for v in 0x0300..<UInt32(0x0370) { folded[Int(v)] = 0 }
    // Letters with marks: decompose with Foundation, keep the base letter. One call for all of
    // them (one scalar per line), not one per scalar: this runs at every process start.
    let letterRanges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
    let letters = letterRanges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
    let decomposed = Self.perLine(letters.map { [$0] }) { $0.decomposedStringWithCanonicalMapping }
    var tonedParts: [(scalar: UInt32, tone: UInt32, rest: [Unicode.Scalar])] = []
    for (s, nfd) in zip(letters, decomposed) {
      let v = s.value
      guard let base = nfd.first, base.value < 0x80, nfd.count > 1 else { continue }
      let marks = nfd.dropFirst().map(\.value)
      guard marks.allSatisfy({ (0x0300..<0x0370).contains($0) }) else { continue }
      folded[Self.slot(v)!] = lower[Int(base.value)]
      // Split off the tone mark, if any, to know the toneless vowel.
      if let t = marks.first(where: { toneSet.contains($0) }) {
        tonedParts.append((v, t, [base] + marks.filter { $0 != t }.compactMap(Unicode.Scalar.init)))
      }
    }
    let composed = Self.perLine(tonedParts.map(\.rest)) { $0.precomposedStringWithCanonicalMapping }
    for (part, c) in zip(tonedParts, composed) where c.count == 1 {
      toneless[Self.slot(part.scalar)!] = c[0].value
      tone[Self.slot(part.scalar)!] = part.tone
      compose[Self.key(c[0].value, part.tone)] = part.scalar
    }
    // đ is a letter of its own, not a d with a mark: fold it explicitly, with its look-alikes.
    for v: UInt32 in [0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256] { folded[Self.slot(v)!] = 0x64 }
    for v in 0..<UInt32(0x80) { folded[Int(v)] = lower[Int(v)] }
  }

  /// Applies a Foundation normalisation to many short scalar sequences in one call, joined by
  /// line feeds (which no normalisation changes), and splits the result back.
  private static func perLine(
    _ items: [[Unicode.Scalar]], _ transform: (String) -> String
  ) -> [[Unicode.Scalar]] {
    var joined = String.UnicodeScalarView()
    for (i, item) in items.enumerated() {
      if i > 0 { joined.append("\n") }
      joined.append(contentsOf: item)
    }
    let out = transform(String(joined)).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    precondition(out.count == items.count, "normalisation changed the line count")
    return out.map(Array.init)
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
    if let i = Self.slot(v) { return wordChar[i] }
    guard let s = Unicode.Scalar(v) else { return false }
    return Self.isWordScalar(s)
  }

  static func key(_ vowel: UInt32, _ tone: UInt32) -> UInt64 { UInt64(vowel) << 32 | UInt64(tone) }

  @inline(__always) func lowerScalar(_ v: UInt32) -> UInt32 {
    if let i = Self.slot(v) { return lower[i] }
    guard let s = Unicode.Scalar(v) else { return v }
    let lm = s.properties.lowercaseMapping.unicodeScalars
    return lm.count == 1 ? lm.first!.value : v
  }

  /// Folded scalar, or 0 to drop it.
  @inline(__always) func foldScalar(_ v: UInt32) -> UInt32 {
    if let i = Self.slot(v) { return folded[i] }
    return lowerScalar(v)
  }

  /// The tone of a toned vowel, 0 for anything else.
  @inline(__always) func toneOf(_ v: UInt32) -> UInt32 {
    if let i = Self.slot(v) { return tone[i] }
    return 0
  }

  /// A toned vowel without its tone (0 when `v` is not a toned vowel).
  @inline(__always) func tonelessOf(_ v: UInt32) -> UInt32 {
    if let i = Self.slot(v) { return toneless[i] }
    return 0
  }
}
