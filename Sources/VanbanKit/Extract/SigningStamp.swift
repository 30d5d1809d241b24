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
  /// What opens a stamp, folded, each before a colon.
  private static let openers: [[UInt8]] = ["ky boi", "nguoi ky", "signed by"].map { Array($0.utf8) }
  /// The stamp's other lines, after its opener.
  private static let fields: [[UInt8]] = [
    "email", "e-mail", "co quan", "chuc vu", "thoi gian ky", "ngay ky", "ky ngay", "signing time", "date",
  ].map { Array($0.utf8) }
  /// Lines after the opener that may still hold the stamp's fields.
  static let stampLines = 5

  /// `lines` without the stamps' parts, or nil when the text (`folded`: the whole text folded)
  /// has none. A stamp's part starts at a line's start or after a column's gap (a tab or two
  /// spaces) and runs to the line's end; a line left empty is dropped, so a summary the stamp
  /// split joins up again.
  static func removed(from lines: ArraySlice<Substring>, folded: [UInt8]) -> [Substring]? {
    guard
      openers.contains(where: {
        UTF8Bytes.find(folded, $0 + [0x3A]) != nil || UTF8Bytes.find(folded, $0 + [0x20, 0x3A]) != nil
      })
    else { return nil }
    var out: [Substring] = []
    out.reserveCapacity(lines.count)
    var changed = false
    var left = 0  // lines that may still hold the current stamp's fields
    for line in lines {
      let cut = partStart(line, openers) ?? (left > 0 ? partStart(line, fields) : nil)
      guard let cut else {
        out.append(line)
        left = max(0, left - 1)
        continue
      }
      changed = true
      left = partStart(line, openers) != nil ? stampLines : max(0, left - 1)
      var kept = line[..<cut]
      while let c = kept.last, c == " " || c == "\t" { kept = kept.dropLast() }
      if !kept.isEmpty { out.append(kept) }
    }
    return changed ? out : nil
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
