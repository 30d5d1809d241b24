/// Chooses between the legacy Vietnamese encodings (Windows-1258, TCVN3, VNI) for bytes that are not UTF-8,
/// and repairs helper or XML output that is really legacy-font text shown as Latin-1 characters.
enum LegacyDetector {
  /// A candidate must make at least this share of its accented words valid syllables.
  static let threshold = 0.6
  /// Only this much of a large input is scored; the winner then decodes the whole input.
  static let sampleSize = 64 << 10

  static let candidates: [SourceEncoding] = [.windows1258, .tcvn3, .vni]

  static func decode(_ bytes: some Collection<UInt8>, as encoding: SourceEncoding) -> String {
    switch encoding {
    case .windows1258: return Windows1258.decode(bytes)
    case .tcvn3: return TCVN3.decode(bytes)
    case .vni: return VNI.decode(bytes)
    default: return String(decoding: Array(bytes), as: UTF8.self)
    }
  }

  /// The best legacy encoding for `bytes` with its score, or nil if none looks Vietnamese enough.
  static func detect(_ bytes: [UInt8]) -> (encoding: SourceEncoding, score: Double)? {
    let sample = bytes.count > sampleSize ? Array(bytes[..<cutPoint(bytes, near: sampleSize)]) : bytes
    var best: (SourceEncoding, Double)?
    for candidate in candidates {
      let score = VietnameseScore(decode(sample, as: candidate))
      // TCVN3 is the only candidate whose C0 bytes are letters; elsewhere they are junk.
      var value = score.value
      if score.controlScalars > 0 {
        value *= max(0, 1 - Double(score.controlScalars) * 20 / Double(max(sample.count, 1)))
      }
      if best == nil || value > best!.1 { best = (candidate, value) }
    }
    guard let best, best.1 >= threshold else { return nil }
    return best
  }

  /// If lines of `text` (helper or XML output) consist of Latin-1/Windows-1252 characters that are really the
  /// bytes of a legacy Vietnamese font (`C\u{E9}ng h\u{DF}a` is TCVN3 for `Cộng hòa`), the text with those lines
  /// converted, and the encoding; nil when the text is better as it is. Lines with characters beyond Latin-1
  /// (real Unicode) are left alone, so documents that mix legacy and Unicode fonts come out right.
  static func repair(_ text: String) -> (text: String, encoding: SourceEncoding)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var candidates: [Int: [UInt8]] = [:]
    var sample: [UInt8] = []
    var sampleText = ""
    for (i, line) in lines.enumerated() {
      var bytes: [UInt8] = []
      var sawHigh = false
      var ok = true
      for u in line.unicodeScalars {
        guard let b = Windows1252.byte(for: u) else { ok = false; break }
        if b >= 0x80 { sawHigh = true }
        bytes.append(b)
      }
      guard ok, sawHigh else { continue }
      candidates[i] = bytes
      if sample.count < sampleSize {
        sample += bytes
        sample.append(0x0A)
        sampleText += line
        sampleText += "\n"
      }
    }
    guard !candidates.isEmpty else { return nil }
    let original = VietnameseScore(sampleText).value
    guard let (encoding, score) = detect(sample), score > original + 0.2 else { return nil }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for (i, line) in lines.enumerated() {
      if i > 0 { out += "\n" }
      if let bytes = candidates[i] { out += decode(bytes, as: encoding) } else { out += line }
    }
    return (out, encoding)
  }

  /// An index near `limit` that does not split a line or a word (and so not a VNI letter pair).
  static func cutPoint(_ bytes: [UInt8], near limit: Int) -> Int {
    var i = min(limit, bytes.count)
    let floor = max(0, i - 4096)
    while i > floor {
      let b = bytes[i - 1]
      if b == 0x0A || b == 0x20 { return i }
      i -= 1
    }
    return min(limit, bytes.count)
  }
}
