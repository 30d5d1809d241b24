// Byte-level helpers for the scanners.
//
// The extractor runs on every indexed document, so number and date scanning walk UTF-8 bytes
// instead of Characters: the things they look for (digits, `/`, `-`, ASCII letters, Đ) are ASCII
// or two-byte sequences, and a byte walk is an order of magnitude faster than grapheme breaking.

enum UTF8Bytes {
  static let slash: UInt8 = 0x2F
  static let hyphen: UInt8 = 0x2D
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
  static let newline: UInt8 = 0x0A

  @inline(__always) static func at(_ b: [UInt8], _ i: Int) -> UInt8? { i >= 0 && i < b.count ? b[i] : nil }

  /// Appends the UTF-8 encoding of the scalar value `v` (a valid scalar), through the standard
  /// library's encoder.
  @inline(__always) static func append(_ v: UInt32, to out: inout [UInt8]) {
    UTF8.encode(Unicode.Scalar(v)!) { out.append($0) }
  }

  /// Whether the word before offset `i` (past one space) is `word` (ASCII), as a whole word.
  static func endsWord(_ b: [UInt8], at i: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    let start = i - 1 - n
    guard start >= 0, b[i - 1] == space else { return false }
    if start > 0, isASCIILetter(b, start - 1) { return false }
    for k in 0..<n where b[start + k] != word.utf8Start[k] { return false }
    return true
  }

  /// Whether two strings have the same UTF-8 bytes: no canonical equivalence, which `==` may
  /// have to normalise for.
  static func same(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    guard a.utf8.count == b.utf8.count else { return false }
    return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
  }

  /// The first offset of `needle` in `hay`.
  static func find<C: Collection>(_ hay: C, _ needle: [UInt8]) -> Int? where C.Element == UInt8, C.Index == Int {
    guard let first = needle.first, hay.count >= needle.count else { return nil }
    var i = hay.startIndex
    let last = hay.endIndex - needle.count
    while i <= last {
      if hay[i] == first {
        var k = 1
        while k < needle.count, hay[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// Whether `needle` occurs in `hay` (see `find(_:_:from:)`).
  static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    find(hay, needle, from: 0) != nil
  }

  /// The first offset at or after `from` where `needle` occurs in `hay`: sixteen bytes at a time
  /// for its first byte, for a whole text where that byte is rare (`/VBHN`, `Công ty`).
  static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, let base = hay.baseAddress, hay.count >= needle.count else { return nil }
    let raw = UnsafeRawPointer(base)
    let splat = SIMD16<UInt8>(repeating: first)
    var i = max(0, from)
    while i + 16 <= hay.count {
      if any(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) .== splat) {
        for j in i..<(i + 16) where hay[j] == first && matches(hay, at: j, needle) { return j }
      }
      i += 16
    }
    while i < hay.count {
      if hay[i] == first, matches(hay, at: i, needle) { return i }
      i += 1
    }
    return nil
  }

  /// Whether `needle` stands in `hay` at `i`.
  @inline(__always) static func matches(_ hay: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8]) -> Bool {
    guard i >= 0, i + needle.count <= hay.count else { return false }
    for k in 0..<needle.count where hay[i + k] != needle[k] { return false }
    return true
  }

  @inline(__always) static func isDigit(_ b: [UInt8], _ i: Int) -> Bool {
    guard let c = at(b, i) else { return false }
    return c >= 0x30 && c <= 0x39
  }

  @inline(__always) static func isASCIILetter(_ b: [UInt8], _ i: Int) -> Bool {
    guard let c = at(b, i) else { return false }
    return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
  }

  @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

  /// Spaces and tabs (and newlines when asked); returns the first other index.
  static func skipBlanks(_ b: [UInt8], _ i: Int, newlines: Bool = false) -> Int {
    var p = i
    while p < b.count, isBlank(b[p]) || (newlines && b[p] == newline) { p += 1 }
    return p
  }

  static func skipBlanksBackward(_ b: [UInt8], _ i: Int, newlines: Bool = false) -> Int {
    var p = i
    while p > 0, isBlank(b[p - 1]) || (newlines && b[p - 1] == newline) { p -= 1 }
    return p
  }

  /// Up to `maxDigits` digits at `i`; nil (and `i`) when there is none or the run is longer.
  static func readInt(_ b: [UInt8], _ i: Int, maxDigits: Int) -> (Int?, Int) {
    var p = i
    var v = 0
    while p < b.count, isDigit(b, p) {
      v = v * 10 + Int(b[p] - 0x30)
      p += 1
      if p - i > maxDigits { return (nil, i) }
    }
    return p == i ? (nil, i) : (v, p)
  }

  /// `word` (ASCII, lower case) at `i` on folded bytes, not glued to a letter either side.
  static func hasWord(_ b: [UInt8], _ i: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i >= 0, i + n <= b.count else { return false }
    let w = word.utf8Start
    for k in 0..<n where b[i + k] != w[k] { return false }
    if isASCIILetter(b, i - 1) || isASCIILetter(b, i + n) { return false }
    return true
  }

  /// A dash: `-` or one of U+2010…U+2015, U+2212. Returns its byte length, 0 when not a dash.
  @inline(__always) static func dashLength(_ b: [UInt8], _ i: Int) -> Int {
    guard let c = at(b, i) else { return 0 }
    if c == hyphen { return 1 }
    if c == 0xE2, i + 2 < b.count {
      if b[i + 1] == 0x80, (0x90...0x95).contains(b[i + 2]) { return 3 }
      if b[i + 1] == 0x88, b[i + 2] == 0x92 { return 3 }
    }
    return 0
  }

  /// Đ (C4 90) or đ (C4 91) at `i`.
  @inline(__always) static func isDStroke(_ b: [UInt8], _ i: Int) -> Bool {
    i + 1 < b.count && b[i] == 0xC4 && (b[i + 1] == 0x90 || b[i + 1] == 0x91)
  }

  /// The two- or three-byte scalar at `i` (every Vietnamese letter is one): its value and length;
  /// nil for anything else (ASCII, four bytes, a broken sequence). Inlined into the fold loops.
  @inline(__always) static func scalar2or3(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
    let c = b[i]
    let n = b.count
    if c & 0xE0 == 0xC0, i + 1 < n, b[i + 1] & 0xC0 == 0x80 {
      return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
    }
    if c & 0xF0 == 0xE0, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
      return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    return nil
  }

  /// Decodes the scalar that starts at `i` (nil on a continuation byte or bad input).
  static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int)? {
    guard let c = at(b, i) else { return nil }
    if c < 0x80 { return (Unicode.Scalar(c), 1) }
    let n: Int
    var v: UInt32
    if c & 0xE0 == 0xC0 {
      n = 2; v = UInt32(c & 0x1F)
    } else if c & 0xF0 == 0xE0 {
      n = 3; v = UInt32(c & 0x0F)
    } else if c & 0xF8 == 0xF0 {
      n = 4; v = UInt32(c & 0x07)
    } else {
      return nil
    }
    guard i + n <= b.count else { return nil }
    for k in 1..<n { v = v << 6 | UInt32(b[i + k] & 0x3F) }
    guard let s = Unicode.Scalar(v) else { return nil }
    return (s, n)
  }

  /// The scalar that ends just before `i`.
  static func scalarBefore(_ b: [UInt8], _ i: Int) -> Unicode.Scalar? {
    var p = i - 1
    while p > 0, b[p] & 0xC0 == 0x80 { p -= 1 }
    guard p >= 0 else { return nil }
    return scalar(b, p)?.0
  }

  /// A letter, digit or combining mark: something a word continues with.
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let c = UInt8(s.value)
      return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }
    let p = s.properties
    return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .decimalNumber
  }
}
