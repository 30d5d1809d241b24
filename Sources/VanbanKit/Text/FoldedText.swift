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
    let bytes = Array(s.utf8)
    if let (folded, map) = Self.foldIntoCapacity(bytes) {
      self.init(bytes: bytes, folded: folded, toOriginal: map)
    } else {
      self.init(growing: bytes)
    }
  }

  private init(bytes: [UInt8], folded: [UInt8], toOriginal: [Int]) {
    self.bytes = bytes
    self.folded = folded
    self.toOriginal = toOriginal
  }

  /// The fold written straight into buffers as long as the original's bytes: nil when a scalar's
  /// fold takes more bytes than the scalar (rare); then the growing version runs.
  private static func foldIntoCapacity(_ bytes: [UInt8]) -> ([UInt8], [Int])? {
    let letters = VietnameseLetters.shared
    let n = bytes.count
    // Uninitialised buffers: every byte written is counted, and zero-filling them first cost
    // as much as the fold itself.
    var written: Int? = nil
    var map: [Int] = []
    let folded = [UInt8](unsafeUninitializedCapacity: n) { f, foldedCount in
      map = [Int](unsafeUninitializedCapacity: n + 1) { m, mapCount in
        // The loop's counters live inside the closures, where they stay in registers.
        written = bytes.withUnsafeBufferPointer { b -> Int? in
          var o = 0
          var i = 0
          while i < n {
            let c = b[i]
            if c < 0x80 {  // ASCII: lower-case it, nothing else
              f[o] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
              m[o] = i
              o += 1
              i += 1
              continue
            }
            // Two- and three-byte scalars (every Vietnamese letter) decoded in place.
            var v: UInt32
            var len: Int
            if let (v23, l23) = UTF8Bytes.scalar2or3(b, i) {
              v = v23
              len = l23
            } else if let (u, l) = UTF8Bytes.scalar(bytes, i) {
              v = u.value
              len = l
            } else {
              i += 1
              continue
            }
            let fv = letters.foldScalar(v)
            if fv >= 0x61, fv <= 0x7A {  // the common case: a Vietnamese letter folds to ASCII
              f[o] = UInt8(fv)
              m[o] = i
              o += 1
              i += len
              continue
            }
            if fv != 0, let fs = Unicode.Scalar(fv) {
              if fv < 0x80 {
                f[o] = UInt8(fv)
                m[o] = i
                o += 1
              } else {
                let enc = UTF8.encode(fs)!
                // Never longer than the scalar it replaces, so the output stays behind the input.
                guard enc.count <= len else { return nil }
                for byte in enc {
                  f[o] = byte
                  m[o] = i
                  o += 1
                }
              }
            }
            i += len
          }
          m[o] = n
          return o
        }
        mapCount = written.map { $0 + 1 } ?? 0
      }
      foldedCount = written ?? 0
    }
    guard written != nil else { return nil }
    return (folded, map)
  }

  private init(growing bytes: [UInt8]) {
    let letters = VietnameseLetters.shared
    var folded: [UInt8] = []
    var map: [Int] = []
    folded.reserveCapacity(bytes.count)
    map.reserveCapacity(bytes.count + 1)
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      if c < 0x80 {  // ASCII: lower-case it, nothing else
        folded.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        map.append(i)
        i += 1
        continue
      }
      guard let (u, n) = UTF8Bytes.scalar(bytes, i) else {
        i += 1
        continue
      }
      let f = letters.foldScalar(u.value)
      if f != 0, let fs = Unicode.Scalar(f) {
        if f < 0x80 {
          folded.append(UInt8(f))
          map.append(i)
        } else {
          for b in String(fs).utf8 {
            folded.append(b)
            map.append(i)
          }
        }
      }
      i += n
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
  func hasWord(_ i: Int, _ word: StaticString) -> Bool { UTF8Bytes.hasWord(folded, i, word) }

  /// Folded offset of the first occurrence of `needle` (ASCII, folded) at or after `from`.
  func find(_ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    let end = min(to ?? folded.count, folded.count)
    guard !needle.isEmpty, end - needle.count >= from else { return nil }
    return UTF8Bytes.find(folded[from..<end], needle)
  }
}

extension String {
  /// Spaces and tabs collapsed, Markdown emphasis runs (`**`) removed, trimmed: a line as read.
  /// Byte-level: header and signature lines of web exports can hold whole paragraphs.
  var cleanedLine: String {
    if isCleanLine { return self }
    let b = Array(utf8)
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var pendingSpace = false
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == 0x2A {  // '*': a run of two or more is emphasis
        var j = i
        while j < b.count, b[j] == 0x2A { j += 1 }
        if j - i == 1 {
          if pendingSpace { out.append(UTF8Bytes.space) }
          pendingSpace = false
          out.append(c)
        }
        i = j
        continue
      }
      let nbsp = c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0
      if c == UTF8Bytes.space || c == UTF8Bytes.tab || c == 0x0D || nbsp {
        pendingSpace = !out.isEmpty
        i += nbsp ? 2 : 1
        continue
      }
      if pendingSpace {
        out.append(UTF8Bytes.space)
        pendingSpace = false
      }
      out.append(c)
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `cleanedLine` would give the same bytes back: no stars, tabs, CRs or no-break
  /// spaces, and single spaces between other bytes only.
  private var isCleanLine: Bool {
    if let r = utf8.withContiguousStorageIfAvailable({ Self.isClean($0) }) { return r }
    return Self.isClean(utf8)
  }

  private static func isClean<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var prevSpace = true  // a space at the start is not clean
    var prevC2 = false
    for c in bytes {
      switch c {
      case 0x2A, UTF8Bytes.tab, 0x0D: return false
      case UTF8Bytes.space:
        if prevSpace { return false }
        prevSpace = true
      case 0xA0 where prevC2: return false
      default: prevSpace = false
      }
      prevC2 = c == 0xC2
    }
    return !prevSpace || bytes.isEmpty
  }

  /// The lines of a text, split on LF at the byte level (no grapheme breaking); the same pieces
  /// as `split(separator: "\n", omittingEmptySubsequences: false)`. A text of more than `limit`
  /// lines gives its first and last `limit / 2`: a line costs 32 bytes however short it is, so
  /// 16 MB of empty lines would otherwise cost 512 MB for each copy of the array.
  func byteLines(limit: Int = .max) -> [Substring] {
    var text = self
    text.makeContiguousUTF8()
    let u = text.utf8
    let half = max(limit / 2, 1)
    // The line from byte offset `s` to `e` (its newline, or the text's end).
    func line(_ s: Int, _ e: Int) -> Substring {
      Substring(u[u.index(u.startIndex, offsetBy: s)..<u.index(u.startIndex, offsetBy: e)])
    }
    return u.withContiguousStorageIfAvailable { b -> [Substring] in
      let n = b.count
      var count = 1
      for c in b where c == UTF8Bytes.newline { count += 1 }
      var head: [Substring] = []
      head.reserveCapacity(min(count, limit))
      var start = 0
      for i in 0..<n where b[i] == UTF8Bytes.newline {
        if count > limit && head.count == half { break }
        head.append(line(start, i))
        start = i + 1
      }
      if count <= limit {
        head.append(line(start, n))
        return head
      }
      // The last `half` lines, found from the end. More than `limit` lines means at least
      // `2 * half` newlines: the tail fills.
      var tail: [Substring] = []
      tail.reserveCapacity(half)
      var end = n
      var i = n - 1
      while i >= 0, tail.count < half {
        if b[i] == UTF8Bytes.newline {
          tail.append(line(i + 1, end))
          end = i
        }
        i -= 1
      }
      return head + tail.reversed()
    } ?? []  // never: the text was made contiguous
  }
}
