import Foundation

/// Bytes of a plain-text file to Unicode: BOMs, UTF-8, UTF-16 (with or without BOM), legacy Vietnamese
/// encodings, binary junk, and CRLF / CR line endings.
enum PlainTextDecoder {
  /// Decodes `bytes`, or throws `.binary` / `.empty`.
  static func decode(_ bytes: [UInt8]) throws(DecodeError) -> (text: String, encoding: SourceEncoding) {
    let (raw, encoding) = try detectAndDecode(bytes)
    let text = normalizeLineEndings(raw)
    if isBlank(text) { throw .empty }
    return (text, encoding)
  }

  static func detectAndDecode(_ bytes: [UInt8]) throws(DecodeError) -> (String, SourceEncoding) {
    if bytes.isEmpty { throw .empty }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return (String(decoding: bytes[3...], as: UTF8.self), .utf8BOM)
    }
    if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      return (decodeUTF16(bytes[2...], bigEndian: false), .utf16LE)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return (decodeUTF16(bytes[2...], bigEndian: true), .utf16BE)
    }
    if let bigEndian = looksLikeBOMlessUTF16(bytes) {
      return (decodeUTF16(bytes[...], bigEndian: bigEndian), bigEndian ? .utf16BE : .utf16LE)
    }
    if looksBinary(bytes) { throw .binary }
    return try decodeUnmarked(bytes)
  }

  /// Bytes with no BOM and no UTF-16 pattern: UTF-8 (possibly with a few bad bytes), a legacy encoding, or binary.
  static func decodeUnmarked(_ bytes: [UInt8]) throws(DecodeError) -> (String, SourceEncoding) {
    // Fast path (the standard library's validator): almost every file is valid UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
    let stats = UTF8Stats(bytes)
    if stats.invalidSequences == 0 {
      return (String(decoding: bytes, as: UTF8.self), .utf8)
    }
    // Stray bad bytes in an otherwise UTF-8 file: keep UTF-8, with U+FFFD for the bad bytes.
    if stats.validMultibyte >= 99 * stats.invalidSequences {
      return (String(decoding: bytes, as: UTF8.self), .utf8)
    }
    if let (encoding, _) = LegacyDetector.detect(bytes) {
      return (LegacyDetector.decode(bytes, as: encoding), encoding)
    }
    // Mostly ASCII text with a few unexplained bytes: still text.
    if stats.invalidSequences * 100 <= bytes.count && stats.validMultibyte >= stats.invalidSequences {
      return (String(decoding: bytes, as: UTF8.self), .utf8)
    }
    if stats.invalidSequences * 1000 <= bytes.count {
      return (String(decoding: bytes, as: UTF8.self), .utf8)
    }
    throw .binary
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      i += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// BOM-less UTF-16: many NULs at odd positions and none at even ones (little-endian), or the reverse.
  /// Returns true for big-endian, false for little-endian, nil when it does not look like UTF-16.
  /// A file of whole code units only, whose units read as text: a few bytes of binary junk with
  /// a NUL in every other place must not pass for a UTF-16 document.
  static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
    guard bytes.count % 2 == 0 else { return nil }
    let n = min(bytes.count, 8192)
    guard n >= 4 else { return nil }
    var evenNUL = 0, oddNUL = 0
    for i in stride(from: 0, to: n, by: 2) {
      if bytes[i] == 0 { evenNUL += 1 }
      if bytes[i + 1] == 0 { oddNUL += 1 }
    }
    let pairs = n / 2
    let bigEndian: Bool
    if oddNUL * 5 >= pairs && evenNUL * 50 <= pairs {
      bigEndian = false
    } else if evenNUL * 5 >= pairs && oddNUL * 50 <= pairs {
      bigEndian = true
    } else {
      return nil
    }
    return unitsLookLikeText(bytes.prefix(n), bigEndian: bigEndian) ? bigEndian : nil
  }

  /// Whether UTF-16 code units read as text: no NUL unit, and control characters (other than
  /// tab, line ends and form feed) and unpaired surrogates rare, as `looksBinary` asks of bytes.
  static func unitsLookLikeText(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Bool {
    var bad = 0, units = 0
    var i = bytes.startIndex
    var pendingHigh = false
    while i + 1 < bytes.endIndex {
      let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
      let u = bigEndian ? (a << 8 | b) : (b << 8 | a)
      i += 2
      units += 1
      if u == 0 { return false }
      let isHigh = (0xD800...0xDBFF).contains(u), isLow = (0xDC00...0xDFFF).contains(u)
      if pendingHigh && !isLow { bad += 1 }
      if isLow && !pendingHigh { bad += 1 }
      pendingHigh = isHigh
      if u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D && u != 0x0C || (0x7F...0x9F).contains(u) { bad += 1 }
    }
    if pendingHigh { bad += 1 }
    return bad * 20 <= units
  }

  /// Magic numbers of common binary formats, NUL bytes, or many control characters.
  static func looksBinary(_ bytes: [UInt8]) -> Bool {
    let magics: [[UInt8]] = [
      Array("%PDF-".utf8), [0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
      [0x7F, 0x45, 0x4C, 0x46], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8),
      [0x1F, 0x8B], [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], Array("BZh".utf8), [0x28, 0xB5, 0x2F, 0xFD],
    ]
    if magics.contains(where: { bytes.starts(with: $0) }) { return true }
    let sample = bytes.prefix(65536)
    var nul = 0, control = 0
    for b in sample {
      if b == 0 {
        nul += 1
      } else if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1A
        && !TCVN3.controlLetters.contains(b) || b == 0x7F
      {
        control += 1
      }
    }
    if nul > 0 { return true }
    return control * 20 > sample.count
  }

  static func normalizeLineEndings(_ s: String) -> String {
    guard containsByte(s, 0x0D) || containsByte(s, 0x0C) else { return s }
    var out = String.UnicodeScalarView()
    out.reserveCapacity(s.unicodeScalars.count)
    var lastWasCR = false
    for u in s.unicodeScalars {
      switch u {
      case "\r": out.append("\n"); lastWasCR = true; continue
      case "\n": if !lastWasCR { out.append("\n") }
      case "\u{0C}": out.append("\n")  // form feed (page break)
      default: out.append(u)
      }
      lastWasCR = false
    }
    return String(out)
  }

  /// Whether the UTF-8 of `s` contains `byte` (memchr: fast even in debug builds, on large texts).
  static func containsByte(_ s: String, _ byte: UInt8) -> Bool {
    var s = s
    return s.withUTF8 { buf in
      guard let base = buf.baseAddress else { return false }
      return memchr(base, Int32(byte), buf.count) != nil
    }
  }

  static func isBlank(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value == 0xFEFF }
  }
}

/// Counts of well-formed multibyte sequences and of malformed ones in bytes read as UTF-8.
struct UTF8Stats {
  var validMultibyte = 0
  var invalidSequences = 0

  init(_ bytes: [UInt8]) {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      var need = 0
      var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default: invalidSequences += 1; i += 1; continue
      }
      var j = 1
      var ok = true
      while j <= need {
        guard i + j < n else { ok = false; break }
        let c = bytes[i + j]
        let (l, h) = j == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
        if c < l || c > h { ok = false; break }
        j += 1
      }
      if ok { validMultibyte += 1; i += need + 1 } else { invalidSequences += 1; i += max(1, j) }
    }
  }
}
