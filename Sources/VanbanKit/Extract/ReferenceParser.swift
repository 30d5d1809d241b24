// Citations in the body: every document number, with its type word, date and sentence.
//
//   Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ
//   Nghị quyết số 20-NQ/TW, 21-NQ/TW          (a list: the second inherits `Nghị quyết`)
//   Công văn số ⏎ 6860/BYT-DP                  (a line break after `số`)
// The numbers come from DocumentNumber's byte scanner (one pass over the text); the words around
// each are read on the folded text, so `CHỈ THỊ`, `Chi thi` and `Chỉ thị` are one type.

import Foundation

enum ReferenceParser {
  static let maxSentence = 300

  /// One number as written in the text, before citations of the same number are merged.
  struct Mention {
    var number: String
    var key: String
    var type: String?
    var date: PartialDate?
    var range: Range<Int>
    var line: Int
  }

  /// Every number in the text, in order, with the type and date written beside it.
  static func mentions(_ ft: FoldedText) -> [Mention] {
    let matches = DocumentNumber.matches(in: ft.bytes)
    guard !matches.isEmpty else { return [] }
    // Line numbers counted as the matches come, not from a table of every line's start: 16 MB
    // of empty lines made that table 128 MB.
    var lines = LineCounter()
    var out: [Mention] = []
    out.reserveCapacity(matches.count)
    var prevEnd = -1  // folded offset where the previous citation (with its date) ended
    var prevType: String?
    for m in matches {
      let fStart = ft.toFolded(m.range.lowerBound)
      let fEnd = ft.toFolded(m.range.upperBound)
      var type = typeBefore(ft.folded, fStart)
      if type == nil, prevEnd >= 0, isListGap(ft.folded, prevEnd, fStart) { type = prevType }
      let (date, dateEnd) = dateAfter(ft.folded, fEnd)
      prevEnd = dateEnd ?? fEnd
      prevType = type
      out.append(
        Mention(
          number: m.canonical, key: DocumentNumber.keyOfCanonical(m.canonical), type: type, date: date,
          range: m.range, line: lines.line(at: m.range.lowerBound, in: ft.bytes)))
    }
    return out
  }

  /// The document's citations: one per number and date, at its first mention.
  static func parse(_ ft: FoldedText, ownKey: String?) -> [Citation] {
    var out: [Citation] = []
    var byKey: [String: [Int]] = [:]  // indexes into `out` by key
    for m in mentions(ft) where m.key != ownKey {
      let key = m.key, date = m.date, type = m.type
      // Unique by (key, date); an undated mention of a number already cited adds nothing, and a
      // dated one completes an undated earlier entry. (`same` lists the entries with this key, in
      // order, so each lookup below is the one over all of `out`.)
      let same = byKey[key] ?? []
      if let i = same.first(where: { out[$0].date == date }) {
        if out[i].type == nil { out[i].type = type }
        continue
      }
      if date == nil, !same.isEmpty { continue }
      if let d = date, let i = same.first(where: { out[$0].date == nil }),
        !same.contains(where: { out[$0].date != nil })
      {
        out[i].date = d
        if out[i].type == nil { out[i].type = type }
        continue
      }
      byKey[key, default: []].append(out.count)
      out.append(
        Citation(
          number: m.number, key: key, type: type, date: date, sentence: sentence(ft.bytes, m.range), line: m.line))
    }
    return out
  }

  /// Every line that cites a number `matches` accepts, for `refs`: one entry per line, with the
  /// date beside the number there, or else the date the document gives that number elsewhere.
  /// `date` (an ISO prefix) keeps the lines citing that dated document and its undated mentions,
  /// unless the document also cites the number with another date (then an undated line is ambiguous).
  static func citingLines(
    _ ft: FoldedText, date: String?, limit: Int = .max, matches: (String) -> Bool
  ) -> [Citation] {
    let found = mentions(ft).filter { matches($0.key) }
    var datesByKey: [String: Set<PartialDate>] = [:]
    for m in found { if let d = m.date { datesByKey[m.key, default: []].insert(d) } }
    var out: [Citation] = []
    var seen = Set<String>()  // a line that names the number twice is one citing line
    for m in found {
      let dates = datesByKey[m.key] ?? []
      var shown = m.date
      if shown == nil, dates.count == 1 { shown = dates.first }
      if let date {
        if let d = m.date {
          guard d.iso.hasPrefix(date) else { continue }
        } else {
          guard !dates.isEmpty, dates.allSatisfy({ $0.iso.hasPrefix(date) }) else { continue }
        }
      }
      guard seen.insert("\(m.line)\t\(m.key)").inserted else { continue }
      // Each line's sentence costs a scan of up to 3 KB around it: a text citing the number
      // 95,000 times took 30 s to list.
      if out.count == limit { break }
      out.append(
        Citation(
          number: m.number, key: m.key, type: m.type, date: shown, sentence: sentence(ft.bytes, m.range), line: m.line))
    }
    return out
  }

  /// The type word just before a number, past an optional `số` (which may end the line before).
  static func typeBefore(_ f: [UInt8], _ start: Int) -> String? {
    var p = UTF8Bytes.skipBlanksBackward(f, start, newlines: true)
    if p >= 1, f[p - 1] == 0x3A { p = UTF8Bytes.skipBlanksBackward(f, p - 1) }  // `số:`
    if p >= 2, UTF8Bytes.hasWord(f, p - 2, "so") {
      p = UTF8Bytes.skipBlanksBackward(f, p - 2, newlines: true)
    }
    for (w, name) in DocumentTypes.citationFoldedLongestFirst where p >= w.count {
      let a = p - w.count
      if UTF8Bytes.isASCIILetter(f, a - 1) { continue }
      if f[a..<p].elementsEqual(w) { return name }
      // The words may wrap: compare with the line break read as a space.
      if f[a..<p].contains(UTF8Bytes.newline), f[a..<p].map({ $0 == UTF8Bytes.newline ? UTF8Bytes.space : $0 }) == w {
        return name
      }
    }
    return nil
  }

  /// Between two numbers of one list: only `,`, `;`, `và` and spaces.
  static func isListGap(_ f: [UInt8], _ from: Int, _ to: Int) -> Bool {
    guard to >= from, to - from <= 12 else { return false }
    let gap = ScalarText.whitespacesAndNewlines.trim(String(decoding: f[from..<to], as: UTF8.self))
    return gap == "," || gap == ";" || gap == "va" || gap == ", va" || gap == "hoac"
  }

  /// The date written right after a number: `ngày 20/9/2022`, `ngày 20 tháng 9 năm 2022`,
  /// `(20/9/2022)` or `năm 2020`. Returns the date and the folded offset where it ends.
  static func dateAfter(_ f: [UInt8], _ end: Int) -> (PartialDate?, Int?) {
    var p = UTF8Bytes.skipBlanks(f, end, newlines: true)
    if p < f.count, f[p] == 0x2C { p = UTF8Bytes.skipBlanks(f, p + 1, newlines: true) }  // ,
    if UTF8Bytes.hasWord(f, p, "ngay") {
      if let (d, r) = PartialDate.parseLong(f, from: p) { return (d, r.upperBound) }
      let q = UTF8Bytes.skipBlanks(f, p + 4, newlines: true)
      if let (d, r) = PartialDate.parseShort(f, from: q) { return (d, r.upperBound) }
      return (nil, nil)
    }
    if p < f.count, f[p] == 0x28, let (d, r) = PartialDate.parseShort(f, from: p + 1) { return (d, r.upperBound) }  // (
    if UTF8Bytes.hasWord(f, p, "nam") {
      let q = UTF8Bytes.skipBlanks(f, p + 3)
      let (y, e) = UTF8Bytes.readInt(f, q, maxDigits: 4)
      if let y = y, e - q == 4, !UTF8Bytes.isDigit(f, e), let d = PartialDate.make(y, nil, nil) { return (d, e) }
    }
    return (nil, nil)
  }

  /// The sentence around `range`: from the previous `.`/`;`/`!`/`?` (followed by a space), blank
  /// line or list item, to the next; on one line and cut to about 300 characters.
  static func sentence(_ b: [UInt8], _ range: Range<Int>) -> String {
    let window = 1500
    var a = range.lowerBound
    let aLimit = max(0, a - window)
    while a > aLimit {
      let c = b[a - 1]
      if c == UTF8Bytes.newline {
        // A blank line, a new list item or header line here, or a header line above: the
        // sentence starts here.
        if a >= 2, b[a - 2] == UTF8Bytes.newline { break }
        if startsItem(b, a) || isHeaderLine(b, a, withSummary: true) { break }
        if isHeaderLine(b, lineStart(b, a - 1), withSummary: false) { break }
      }
      if (c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F), a < b.count,
        b[a] == UTF8Bytes.space || b[a] == UTF8Bytes.newline
      {
        break
      }
      a -= 1
    }
    var z = range.upperBound
    let zLimit = min(b.count, z + window)
    while z < zLimit {
      let c = b[z]
      if c == UTF8Bytes.newline {
        if z + 1 < b.count, b[z + 1] == UTF8Bytes.newline { break }
        if startsItem(b, z + 1) || isHeaderLine(b, z + 1, withSummary: true) { break }
        if isHeaderLine(b, lineStart(b, z), withSummary: false) { break }
      }
      if c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F,
        z + 1 >= b.count || b[z + 1] == UTF8Bytes.space || b[z + 1] == UTF8Bytes.newline
      {
        z += 1
        break
      }
      z += 1
    }
    let s = oneLine(b[a..<z])
    guard s.utf8.count > maxSentence, s.count > maxSentence else { return s }
    // Keep the part around the number, cut between words: `…ám sát` for `giám sát` reads as
    // another word.
    let before = oneLine(b[a..<range.lowerBound])
    return excerpt(s, around: max(0, before.count - maxSentence / 2), length: maxSentence)
  }

  /// About `length` characters of `s` from `from`, both ends moved to a space so no word is cut,
  /// with `…` where text was left out.
  static func excerpt(_ s: String, around from: Int, length: Int) -> String {
    let chars = Array(s)
    var start = min(from, chars.count)
    if start > 0, chars[start - 1] != " " {
      // Forward to the next word, unless that word is the whole window.
      if let next = chars[start...].firstIndex(of: " "), next - start < length / 4 { start = next + 1 }
    }
    var end = min(chars.count, start + length)
    if end < chars.count, chars[end] != " " {
      if let previous = chars[start..<end].lastIndex(of: " "), end - previous < length / 4 { end = previous }
    }
    let body = String(chars[start..<end]).trimmingCharacters(in: .whitespaces)
    return (start > 0 ? "…" : "") + body + (end < chars.count ? "…" : "")
  }

  private static func lineStart(_ b: [UInt8], _ i: Int) -> Int {
    var p = i
    while p > 0, b[p - 1] != UTF8Bytes.newline { p -= 1 }
    return p
  }

  /// A header line is a unit of its own, never part of a body sentence: a line in capitals (the
  /// motto, an agency), `Số:`, `Kính gửi`, `Nơi nhận`, and (as a start only) `V/v`.
  private static func isHeaderLine(_ b: [UInt8], _ i: Int, withSummary: Bool) -> Bool {
    let p = UTF8Bytes.skipBlanks(b, i)
    func has(_ s: StaticString) -> Bool {
      let n = s.utf8CodeUnitCount
      guard p + n <= b.count else { return false }
      for k in 0..<n where b[p + k] != s.utf8Start[k] { return false }
      return true
    }
    if withSummary, has("V/v") { return true }
    if has("Số:") || has("Kính gửi") || has("Nơi nhận") { return true }
    // Capitals: count letters by scalar, stopping early once a line is clearly prose.
    var upper = 0
    var letters = 0
    var e = p
    let t = ScalarText.table
    while e < b.count, b[e] != UTF8Bytes.newline {
      guard e - p < 120 else { return false }
      let c = b[e]
      if c < 0x80 {
        if c >= 0x41 && c <= 0x5A { upper += 1; letters += 1 } else if c >= 0x61 && c <= 0x7A { letters += 1 }
        e += 1
      } else if let (u, n) = UTF8Bytes.scalar(b, e) {
        let fl = ScalarText.flags(u.value, t)
        if fl != 0 {
          if fl & ScalarText.scalarUpper != 0 {
            upper += 1; letters += 1
          } else if fl & ScalarText.scalarLower != 0 {
            letters += 1
          }
        } else if u.properties.isUppercase {
          upper += 1; letters += 1
        } else if u.properties.isLowercase {
          letters += 1
        }
        e += n
      } else {
        e += 1
      }
      if letters - upper > letters / 5 + 1 { return false }
    }
    return letters >= 4 && upper * 5 >= letters * 4
  }

  private static func startsItem(_ b: [UInt8], _ i: Int) -> Bool {
    let p = UTF8Bytes.skipBlanks(b, i)
    guard p < b.count else { return true }
    if b[p] == UTF8Bytes.hyphen || b[p] == 0x2B { return true }
    if UTF8Bytes.isDigit(b, p) {
      var q = p
      while UTF8Bytes.isDigit(b, q) { q += 1 }
      return q < b.count && (b[q] == 0x2E || b[q] == 0x29) && UTF8Bytes.at(b, q + 1) == UTF8Bytes.space
    }
    return false
  }

  /// Whitespace runs as one space, emphasis stars dropped, trimmed.
  private static func oneLine(_ s: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var space = false
    for c in s {
      if c == UTF8Bytes.space || c == UTF8Bytes.tab || c == UTF8Bytes.newline || c == 0x0D {
        space = !out.isEmpty
        continue
      }
      if c == 0x2A { continue }
      if space {
        out.append(UTF8Bytes.space)
        space = false
      }
      out.append(c)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The 1-based line of a byte offset, counted on from the offset asked before.
  private struct LineCounter {
    private var line = 1
    private var counted = 0  // bytes before this are counted in `line`

    mutating func line(at offset: Int, in bytes: [UInt8]) -> Int {
      if offset < counted { (line, counted) = (1, 0) }  // out of order: count again
      bytes.withUnsafeBufferPointer { b in
        for i in counted..<offset where b[i] == UTF8Bytes.newline { line += 1 }
      }
      counted = offset
      return line
    }
  }
}
