// A text beside its folded form, with a byte map between the two.
//
// Cue words (`số`, `ngày`, `Kính gửi`, `Chỉ thị`) are matched on the folded bytes, so that upper
// case, unaccented typing and either tone placement all match one ASCII pattern, while what is
// extracted is cut from the original bytes. Folding maps each scalar to at most one scalar, so a
// single pass builds the map.

struct FoldedText {
  /// The original, as UTF-8.
  let bytes: [UInt8]
  /// Folded (lower case, no marks, đ→d), as UTF-8.
  let folded: [UInt8]
  /// For each folded byte, the offset of the original scalar it came from; one extra entry at the
  /// end maps to `bytes.count`.
  let toOriginal: [Int]

  init(_ s: String) {
    let letters = VietnameseLetters.shared
    var bytes: [UInt8] = []
    var folded: [UInt8] = []
    var map: [Int] = []
    bytes.reserveCapacity(s.utf8.count)
    folded.reserveCapacity(s.utf8.count)
    map.reserveCapacity(s.utf8.count + 1)
    for u in s.unicodeScalars {
      let at = bytes.count
      bytes.append(contentsOf: UTF8.encode(u)!)
      let f = letters.foldScalar(u.value)
      guard f != 0, let fs = Unicode.Scalar(f) else { continue }
      if f < 0x80 {
        folded.append(UInt8(f))
        map.append(at)
      } else {
        for b in UTF8.encode(fs)! {
          folded.append(b)
          map.append(at)
        }
      }
    }
    map.append(bytes.count)
    self.bytes = bytes
    self.folded = folded
    self.toOriginal = map
  }

  /// The folded offset of the first folded byte at or after original offset `o`.
  func toFolded(_ o: Int) -> Int {
    var lo = 0
    var hi = toOriginal.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if toOriginal[mid] < o { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The original text between two folded offsets.
  func original(_ r: Range<Int>) -> String {
    let a = toOriginal[r.lowerBound]
    let b = r.upperBound < toOriginal.count ? toOriginal[r.upperBound] : bytes.count
    return String(decoding: bytes[a..<max(a, b)], as: UTF8.self)
  }

  /// Whether the folded text has `word` (ASCII) at folded offset `i`, as a whole word.
  func hasWord(_ i: Int, _ word: StaticString) -> Bool { Bytes.hasWord(folded, i, word) }

  /// Folded offset of the first occurrence of `needle` (ASCII, folded) at or after `from`.
  func find(_ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    let end = min(to ?? folded.count, folded.count)
    guard !needle.isEmpty, end - needle.count >= from else { return nil }
    let first = needle[0]
    var i = from
    while i <= end - needle.count {
      if folded[i] == first {
        var k = 1
        while k < needle.count, folded[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }
}

extension String {
  /// Spaces and tabs collapsed, Markdown emphasis runs removed, trimmed: a header line as read.
  var cleanedLine: String {
    var out = ""
    out.reserveCapacity(utf8.count)
    var pendingSpace = false
    var stars = 0
    func flushStars() {
      if stars == 1 { out.append("*") }
      stars = 0
    }
    for ch in self {
      if ch == "*" {
        stars += 1
        continue
      }
      flushStars()
      if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "\r" {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(ch)
    }
    flushStars()
    return out
  }
}
