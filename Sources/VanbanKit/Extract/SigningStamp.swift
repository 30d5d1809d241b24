// The visible text of a digital signature (chữ ký số):
//
//   Ký bởi: Ủy ban Nhân dân tỉnh Quảng Nam
//   Email: ubnd@quangnam.gov.vn
//   Cơ quan: Tỉnh Quảng Nam
//   Thời gian ký: 12.03.2021 10:15:20 +07:00
//
// Signing software stamps it on the first page, often over the header's right column, and over
// the signature, and a PDF's text layer keeps it: in the middle of a `V/v` summary, at the end of
// the header's lines after a column's gap, or between the title and the signer's name. It is the
// software's, not the document's, so the extractor reads the lines without it (the index keeps
// the text as it is).

enum SigningStamp {
  /// What opens a stamp, folded (its colon is checked on the line).
  private static let openers: [[UInt8]] = ["ky boi", "nguoi ky"].map { Array($0.utf8) }
  private static let ky = Array("ky".utf8)
  private static let boi = Array(" boi".utf8)
  private static let nguoi = Array("nguoi ".utf8)
  /// The stamp's other lines, after its opener.
  private static let fields: [[UInt8]] = [
    "email", "e-mail", "co quan", "chuc vu", "thoi gian ky", "ngay ky", "ky ngay", "signing time", "date",
  ].map { Array($0.utf8) }
  /// Lines after the opener that may still hold the stamp's fields.
  static let stampLines = 5

  /// `lines` (lines of `text`, as substrings of it) without the stamps' parts, or nil when the
  /// text has none. A stamp's part starts at a line's start or after a column's gap (a tab or two
  /// spaces) and runs to the next gap or the line's end; a line left empty is dropped, so a
  /// summary the stamp split joins up again. Only the lines that hold an opener, and the few after one, are read.
  static func removed(from lines: ArraySlice<Substring>, text: FoldedText) -> [Substring]? {
    // Byte offsets of the openers in the text: one pass, sixteen bytes at a time, for the `ky`
    // they share (this runs on every text; a stamp is rare).
    var hits: [Int] = []
    text.folded.withUnsafeBufferPointer { f in
      var from = 0
      while let k = UTF8Bytes.find(f, ky, from: from) {
        from = k + 2
        if UTF8Bytes.matches(f, at: k + 2, boi) {
          hits.append(text.toOriginal[k])
        } else if UTF8Bytes.matches(f, at: k - nguoi.count, nguoi) {
          hits.append(text.toOriginal[k - nguoi.count])
        }
      }
    }
    guard !hits.isEmpty else { return nil }
    var out: [Substring] = []
    var changed = false
    var left = 0  // lines that may still hold the current stamp's fields
    var h = 0
    for (n, line) in zip(lines.indices, lines) {
      // Where the line stands in the text, not the sum of the lines before it: the extractor's
      // lines leave out the middle of a very long text.
      let start = line.base.utf8.distance(from: line.base.startIndex, to: line.startIndex)
      let end = start + line.utf8.count + 1
      while h < hits.count, hits[h] < start { h += 1 }
      let opens = h < hits.count && hits[h] < end ? partStart(line, openers) : nil
      let cut = opens ?? (left > 0 && line.utf8.contains(0x3A) ? partStart(line, fields) : nil)
      left = opens != nil ? stampLines : max(0, left - 1)
      guard let cut else {
        if changed { out.append(line) }
        continue
      }
      if !changed {
        out.reserveCapacity(lines.count)
        out.append(contentsOf: lines[..<n])
        changed = true
      }
      let kept = without(line, partFrom: cut)
      if !kept.isEmpty { out.append(kept) }
    }
    return changed ? out : nil
  }

  /// `line` without the stamp's part that starts at `start`: the label, its value, and up to the
  /// next column's gap; a column after it (a stamp set left of the header) is kept.
  static func without(_ line: Substring, partFrom start: Substring.Index) -> Substring {
    let u = line.utf8
    var i = u[start...].firstIndex(of: 0x3A).map { u.index(after: $0) } ?? start
    while i < u.endIndex, u[i] == 0x20 || u[i] == 0x09 { i = u.index(after: i) }
    var end = u.endIndex
    var spaces = 0
    while i < u.endIndex {
      let c = u[i]
      if c == 0x09 || (c == 0x20 && spaces == 1) {
        end = c == 0x09 ? i : u.index(before: i)
        break
      }
      spaces = c == 0x20 ? spaces + 1 : 0
      i = u.index(after: i)
    }
    var before = line[..<start]
    while let c = before.last, c == " " || c == "\t" { before = before.dropLast() }
    var after = line[end...]
    while let c = after.first, c == " " || c == "\t" { after = after.dropFirst() }
    if after.isEmpty { return before }
    return before.isEmpty ? after : Substring(before + "    " + after)
  }

  /// Where a part opened by one of `labels` (then a colon) starts in `line`: at the line's start
  /// or after a gap of a tab or two spaces.
  static func partStart(_ line: Substring, _ labels: [[UInt8]]) -> Substring.Index? {
    let u = line.utf8
    var i = u.startIndex
    var afterGap = true
    var spaces = 0
    while i < u.endIndex {
      let c = u[i]
      if c == 0x20 || c == 0x09 {
        spaces += c == 0x09 ? 2 : 1
        if spaces >= 2 { afterGap = true }
      } else {
        // A label starts with a letter: ASCII, or a lead byte of Ế, Ở …
        if afterGap, c >= 0x41, startsWithLabel(line[i...], labels) { return i }
        afterGap = false
        spaces = 0
      }
      i = u.index(after: i)
    }
    return nil
  }

  private static func startsWithLabel(_ s: Substring, _ labels: [[UInt8]]) -> Bool {
    let f = Array(ScalarText.fold(s.prefix(16)).utf8)
    for label in labels where f.starts(with: label) {
      var p = label.count
      while p < f.count, f[p] == 0x20 { p += 1 }
      if p < f.count, f[p] == 0x3A { return true }
    }
    return false
  }
}
