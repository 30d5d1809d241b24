// Fast paths for the Character-level tests the parsers make on every header and signature line.
//
// `Character.isLetter`/`isUppercase` and `String.split(separator: " ")` break graphemes and look
// up Unicode properties per call, which made them most of the extractor's time. Most lines hold
// only scalars that always stand as a grapheme of their own (ASCII but CR, Latin-1, Latin
// Extended A/B, Vietnamese precomposed letters, common punctuation), and for those a Character is
// its one scalar: the answers come from a table built from the same Character properties, so they
// are identical. Any other line takes the original Character-level code.

import Foundation

enum ScalarText {
  static let letter: UInt8 = 1
  static let upper: UInt8 = 2
  static let lower: UInt8 = 4
  static let number: UInt8 = 8
  /// Set for every scalar the table covers (a scalar that is a grapheme of its own).
  static let simple: UInt8 = 16
  /// The scalar's own Uppercase and Lowercase properties (`Unicode.Scalar.Properties`).
  static let scalarUpper: UInt8 = 32
  static let scalarLower: UInt8 = 64

  /// Flags for U+0000–U+02FF (but CR), U+1E00–U+1EFF and U+2010–U+2027. None of these is a
  /// Prepend, Extend, SpacingMark, ZWJ, Hangul or regional indicator, so next to each other they
  /// always break into single-scalar graphemes (CR is left out for CR LF).
  static let table: [UInt8] = {
    var t = [UInt8](repeating: 0, count: 0x300 + 0x100 + 0x18)
    func flags(_ v: UInt32) -> UInt8 {
      let c = Character(Unicode.Scalar(v)!)
      var f = simple
      if c.isLetter { f |= letter }
      if c.isUppercase { f |= upper }
      if c.isLowercase { f |= lower }
      if c.isNumber { f |= number }
      let p = Unicode.Scalar(v)!.properties
      if p.isUppercase { f |= scalarUpper }
      if p.isLowercase { f |= scalarLower }
      return f
    }
    for v in UInt32(0)..<0x300 where v != 0x0D { t[Int(v)] = flags(v) }
    for v in UInt32(0x1E00)..<0x1F00 { t[0x300 + Int(v - 0x1E00)] = flags(v) }
    for v in UInt32(0x2010)..<0x2028 { t[0x400 + Int(v - 0x2010)] = flags(v) }
    return t
  }()

  /// The flags of `v`, 0 when it is not covered (take the slow path).
  @inline(__always) static func flags(_ v: UInt32) -> UInt8 { flags(v, table) }

  /// The same with the table in hand (a loop that reads the static once).
  @inline(__always) static func flags(_ v: UInt32, _ t: [UInt8]) -> UInt8 {
    if v < 0x300 { return t[Int(v)] }
    if v >= 0x1E00, v < 0x1F00 { return t[0x300 + Int(v - 0x1E00)] }
    if v >= 0x2010, v < 0x2028 { return t[0x400 + Int(v - 0x2010)] }
    return 0
  }

  /// Whether every scalar of `s` is covered: then its Characters are its scalars.
  static func isSimple<S: StringProtocol>(_ s: S) -> Bool {
    let t = table
    for u in s.unicodeScalars where flags(u.value, t) == 0 { return false }
    return true
  }

  /// `VietnameseFolding.fold`, built as UTF-8 bytes (same scalars, same string).
  static func fold<S: StringProtocol>(_ s: S) -> String {
    if let fast = s.utf8.withContiguousStorageIfAvailable({ foldInPlace($0) }), let fast { return fast }
    let letters = VietnameseLetters.shared
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      let f = letters.foldScalar(u.value)
      guard f != 0, let scalar = Unicode.Scalar(f) else { continue }
      if f < 0x80 {
        out.append(UInt8(f))
      } else {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `fold` written straight into the string's buffer, decoding UTF-8 in place: nil when a fold
  /// would outgrow the original's bytes or the bytes are not whole scalars (then the scalar loop
  /// runs).
  private static func foldInPlace(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    let letters = VietnameseLetters.shared
    let n = b.count
    var fits = true
    let out = String(unsafeUninitializedCapacity: n) { o in
      var w = 0
      var i = 0
      while i < n {
        let c = b[i]
        var v = UInt32(c)
        var len = 1
        if c >= 0x80 {
          guard let (v23, l23) = UTF8Bytes.scalar2or3(b, i) else {
            fits = false  // four-byte or malformed: rare, left to the scalar loop
            return 0
          }
          v = v23
          len = l23
        }
        i += len
        let f = letters.foldScalar(v)
        guard f != 0, let scalar = Unicode.Scalar(f) else { continue }
        if f < 0x80 {
          o[w] = UInt8(f)
          w += 1
        } else {
          let enc = UTF8.encode(scalar)!
          guard w + enc.count <= i else {
            fits = false
            return 0
          }
          for byte in enc {
            o[w] = byte
            w += 1
          }
        }
      }
      return w
    }
    return fits ? out : nil
  }

  /// `letters(s.lowercased())`: the letters of `s` in lower case, by table for the scalars the
  /// table covers (each lower-cases to one letter there, but U+0130 `İ`); any other string takes
  /// the slow way.
  static func lowercaseLetters(_ s: String) -> String {
    let folding = VietnameseLetters.shared
    let t = table
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      let f = flags(u.value, t)
      guard f != 0, u.value != 0x130 else { return letters(s.lowercased()) }
      guard f & letter != 0 else { continue }
      let l = folding.lowerScalar(u.value)
      if l < 0x80 {
        out.append(UInt8(l))
      } else if let scalar = Unicode.Scalar(l) {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `s.filter { $0.isLetter }`.
  static func letters(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    let t = table
    for u in s.unicodeScalars {
      let f = flags(u.value, t)
      if f == 0 { return s.filter { $0.isLetter } }
      if f & letter != 0 {
        if u.value < 0x80 { out.append(UInt8(u.value)) } else { out.append(contentsOf: UTF8.encode(u)!) }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The words of `s` split at spaces (empty words omitted), as `s.split(separator: " ")` gives
  /// them when `s` is simple; nil otherwise.
  static func simpleWords(_ s: String) -> [Substring]? {
    guard isSimple(s) else { return nil }
    return s.utf8.split(separator: 0x20).map { Substring($0) }
  }

  /// `VietnameseFolding.fold(s).hasPrefix(prefix)` for an ASCII `prefix`, folding only the start.
  static func foldedHasPrefix(_ s: String, _ prefix: StaticString) -> Bool {
    let letters = VietnameseLetters.shared
    let n = prefix.utf8CodeUnitCount
    let p = prefix.utf8Start
    var k = 0  // folded scalars seen
    let matched = true
    for u in s.unicodeScalars {
      let f = letters.foldScalar(u.value)
      guard f != 0, Unicode.Scalar(f) != nil else { continue }
      // The scalar after the prefix decides too: it must not join the last one.
      if flags(f) == 0 {
        return fold(s).hasPrefix(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
      }
      if k == n { return matched }
      // A covered scalar that differs ends the match: its Character is not the prefix's.
      if f != UInt32(p[k]) { return false }
      k += 1
    }
    return matched && k == n
  }

  /// `trimmingCharacters(in:)` by scalar, without the round trip through NSString (which trims
  /// UTF-16 units, the same thing for these sets of BMP characters). ASCII membership is read
  /// from the set once.
  struct Trimmer {
    let set: CharacterSet
    let ascii: [Bool]

    init(_ set: CharacterSet) {
      self.set = set
      ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    @inline(__always) func contains(_ u: Unicode.Scalar) -> Bool {
      u.value < 0x80 ? ascii[Int(u.value)] : set.contains(u)
    }

    func trim<S: StringProtocol>(_ s: S) -> String {
      let u = s.unicodeScalars
      var a = u.startIndex
      var z = u.endIndex
      while a < z, contains(u[a]) { a = u.index(after: a) }
      while z > a, contains(u[u.index(before: z)]) { z = u.index(before: z) }
      return String(s[a..<z])
    }
  }

  static let whitespaces = Trimmer(.whitespaces)
  static let whitespacesAndNewlines = Trimmer(.whitespacesAndNewlines)
}
