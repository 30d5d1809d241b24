// Reading order for the two-column parts of a dispatch printed to PDF.
//
// `pdftotext -layout` keeps the page geometry, so the header table (agency, number and `V/v` on the
// left; motto, place and date on the right) comes out as shared lines: `V/v tăng cường …   Lai Châu,
// ngày 15 tháng 3 năm 2023`. The extractor then reads a wrapped summary into the date line and the
// year into the summary. Where a block of lines has one clear column gutter, this rewrites it as the
// left column's lines then the right column's, as a .docx table yields them. Only the header zone of
// the first page and the `Nơi nhận` / signature block are touched: elsewhere a gutter is more likely
// a data table, whose rows must stay together.

enum PDFLayout {
  /// Narrowest gutter accepted when two or more lines have text on both sides of it.
  static let minGutter = 2
  /// Narrowest gutter accepted when only one line has text on both sides (`Nơi nhận:   CHỦ TỊCH`).
  static let minLoneGutter = 6
  /// A header or signature table never runs longer than this many lines (HeaderParser reads no further).
  static let maxBlock = 40
  static let maxLineBytes = 2000

  static func readingOrder(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [Substring] = []
    out.reserveCapacity(lines.count)
    var start = 0
    var page = 0
    var inHeaderZone = true
    while start < lines.count {
      // A block: consecutive non-blank lines, ended by a blank line or a page break.
      if isBlank(lines[start]) {
        out.append(lines[start])
        start += 1
        continue
      }
      var end = start + 1
      while end < lines.count, !isBlank(lines[end]), !lines[end].hasPrefix("\u{0C}") { end += 1 }
      if lines[start].hasPrefix("\u{0C}") {
        page += 1
        inHeaderZone = false
      }
      if inHeaderZone {
        // The header table may run straight into `Kính gửi` or the title: the longest two-column prefix.
        var n = min(end - start, maxBlock)
        var split: (left: [String], right: [String])?
        while n >= 1, split == nil {
          split = twoColumns(lines[start..<(start + n)])
          if split == nil { n -= 1 }
        }
        if let split {
          out.append(contentsOf: (split.left + split.right).map { Substring($0) })
          start += n
          continue
        }
        // The first paragraph or title block without a gutter ends the header.
        if end - start >= 2 { inHeaderZone = false }
      } else if let k = (start..<end).first(where: { opensDistributionList(lines[$0]) }) {
        // `Nơi nhận` and the signature beside it, perhaps right under the last paragraph.
        if k > start {
          out.append(contentsOf: lines[start..<k])
          start = k
          continue
        }
        let n = min(end - start, maxBlock)
        if let split = twoColumns(lines[start..<(start + n)]) {
          out.append(contentsOf: (split.left + split.right).map { Substring($0) })
          start += n
          continue
        }
      }
      out.append(contentsOf: lines[start..<end])
      start = end
    }
    return out.joined(separator: "\n")
  }

  /// The block's lines split at its widest interior gutter, each side trimmed, blank lines dropped;
  /// nil when the block is not two columns. A leading page break stays on the first line.
  static func twoColumns(_ block: ArraySlice<Substring>) -> (left: [String], right: [String])? {
    // A header or signature line is short; longer lines are prose (and would make this quadratic).
    guard block.allSatisfy({ $0.utf8.count <= maxLineBytes }) else { return nil }
    var pageBreak = false
    let rows: [[Character]] = block.enumerated().map { k, line in
      if k == 0, line.hasPrefix("\u{0C}") {
        pageBreak = true
        return Array(line.dropFirst())
      }
      return Array(line)
    }
    let width = rows.map(\.count).max() ?? 0
    guard width > 0 else { return nil }
    var occupied = [Bool](repeating: false, count: width)
    for row in rows {
      for (c, ch) in row.enumerated() where !ch.isWhitespace { occupied[c] = true }
    }
    guard let first = occupied.firstIndex(of: true), let last = occupied.lastIndex(of: true) else { return nil }
    // The widest run of columns blank in every line, strictly inside the text.
    var best: Range<Int>?
    var c = first
    while c <= last {
      if occupied[c] {
        c += 1
        continue
      }
      var e = c
      while e <= last, !occupied[e] { e += 1 }
      if best == nil || e - c > best!.count { best = c..<e }
      c = e
    }
    guard let gutter = best else { return nil }
    let both = rows.filter { row in
      row.prefix(gutter.lowerBound).contains { !$0.isWhitespace } && row.count > gutter.upperBound
    }.count
    guard (both >= 2 && gutter.count >= minGutter) || (both >= 1 && gutter.count >= minLoneGutter) else { return nil }
    var left: [String] = [], right: [String] = []
    for row in rows {
      let l = trimmed(row.prefix(gutter.lowerBound))
      let r = row.count > gutter.upperBound ? trimmed(row[gutter.upperBound...]) : ""
      if !l.isEmpty { left.append(l) }
      if !r.isEmpty { right.append(r) }
    }
    if pageBreak {
      if left.isEmpty { right[0] = "\u{0C}" + right[0] } else { left[0] = "\u{0C}" + left[0] }
    }
    return (left, right)
  }

  /// A line that opens with `Nơi nhận` (the distribution list, the signature beside it).
  static func opensDistributionList(_ line: Substring) -> Bool {
    guard let first = line.first(where: { !$0.isWhitespace }), first == "N" || first == "n" else { return false }
    let head = line.drop(while: { $0.isWhitespace }).prefix(12)
    return ScalarText.fold(head).hasPrefix("noi nhan")
  }

  private static func trimmed(_ chars: some Collection<Character>) -> String {
    String(chars).trimmingCharacters(in: .whitespaces)
  }

  private static func isBlank(_ line: Substring) -> Bool {
    line.allSatisfy { $0.isWhitespace && $0 != "\u{0C}" }
  }
}
