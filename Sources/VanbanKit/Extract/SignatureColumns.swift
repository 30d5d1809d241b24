// Reading order for a closing block set in columns with tabs or spaces: a `Nơi nhận` list laid
// beside the signature, or two signature blocks side by side.
//
// Offices without a signature table set the closing block with tab stops (Word) or runs of
// spaces (a text copy): `Nơi nhận:⇥⇥KT. CHỦ TỊCH` / `- Như trên;⇥⇥PHÓ CHỦ TỊCH` / `- Lưu: VT.` /
// `⇥⇥⇥Nguyễn Văn An`. Read as lines, the recipients break the run from title to name, and `Như
// Điều 3` looked like a name. A table or a PDF gives the left column's lines, then the right's
// (`TableCells`, `PDFLayout`); this does the same for such a block, so that one parser reads all.

enum SignatureColumns {
  /// `lines` with each `Nơi nhận` block set in columns rewritten as its left lines then its right
  /// lines; nil when there is none (most texts: the lines are then read as they are).
  static func readingOrder(_ lines: ArraySlice<Substring>) -> [Substring]? {
    var out: [Substring]? = nil
    var copied = lines.startIndex
    var i = lines.startIndex
    while i < lines.endIndex {
      guard isRecipientsCue(lines[i]), let (start, end) = block(around: i, after: copied, lines) else {
        i += 1
        continue
      }
      if out == nil { out = [] }
      out! += lines[copied..<start]
      var left: [Substring] = []
      var right: [Substring] = []
      for k in start..<end {
        let (l, r) = cells(lines[k])
        if !l.isEmpty { left.append(l) }
        if !r.isEmpty { right.append(r) }
      }
      out! += left + right
      copied = end
      i = end
    }
    guard var out else { return nil }
    out += lines[copied...]
    return out
  }

  /// `lines` with two signature blocks set side by side near the end (`THƯ KÝ      CHỦ TỌA` over
  /// `Lê Hoa      Trần Bình`: minutes' secretary and chair, a joint text's two bodies) rewritten
  /// as the right block's lines then the left's; nil when the end holds no such pair. Read as
  /// lines, the two names ran into one (`Lê Hoa Trần Bình`) or none was read. The right block
  /// comes first because the side that issues the text signs on the right; the left is a
  /// counterpart's, an approver's or a confirming unit's (`ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA`,
  /// `DUYỆT CỦA HIỆU TRƯỞNG`). A joint text's signer is still chosen by the body its header names
  /// first, and minutes' by the chair's title (SignatureParser).
  /// `pair` is where the two blocks stand in `lines`, `right` where the right one does.
  static func sideBySide(_ lines: ArraySlice<Substring>) -> (lines: [Substring], pair: Range<Int>, right: Range<Int>)? {
    var last = lines.endIndex
    while last > lines.startIndex, cells(lines[last - 1]) == ("", "") { last -= 1 }
    let floor = max(lines.startIndex, last - pairWindow)
    // The titles' line: a capitalised cell on each side of a gap.
    guard let titles = (floor..<last).last(where: { isPairOfTitles(lines[$0]) }) else { return nil }
    var start = titles
    while start > max(floor, titles - 3), isPairOfTitles(lines[start - 1]) { start -= 1 }
    // Below it, the signing notes and the names: short lines, up to the text's end or a
    // `Nơi nhận` list set under the blocks.
    let end = (titles + 1..<last).first { isRecipientsCue(lines[$0]) } ?? last
    guard end - titles <= pairWindow / 2, lines[titles..<end].allSatisfy({ $0.utf8.count <= 160 }) else {
      return nil
    }
    let block = lines[start..<end].map { Substring(expandingTabs($0)) }
    guard let split = PDFLayout.twoColumns(block[...]), isBlock(split.left), isBlock(split.right) else { return nil }
    let before = Array(lines[..<start])
    let pair = (split.right + split.left).map { Substring($0) }
    let at = before.count
    return (before + pair + Array(lines[end...]), at..<(at + pair.count), at..<(at + split.right.count))
  }

  /// Whether a column's lines are one signature block: lines in capitals (the authority and the
  /// title), signing notes, and at most one other line, the last (the name). A table's column
  /// (`HỌ VÀ TÊN` over several names) or a roster is not.
  private static func isBlock(_ column: [String]) -> Bool {
    guard (2...8).contains(column.count), HeaderParser.isCapitalised(column[0]) else { return false }
    let others = column.indices.filter { k in
      let c = column[k]
      return !HeaderParser.isCapitalised(c) && !c.hasPrefix("(") && !c.hasPrefix("[")
    }
    return others.count <= 1 && others.allSatisfy { $0 == column.count - 1 }
  }

  /// Lines from the text's end within which a side-by-side pair is looked for.
  static let pairWindow = 16

  /// Two cells split by a gap (after any indent), each in capitals and no longer than a title.
  private static func isPairOfTitles(_ line: Substring) -> Bool {
    let (l, r) = cells(trimmed(line))
    guard !l.isEmpty, !r.isEmpty, cells(r).1.isEmpty else { return false }
    return [l, r].allSatisfy { c in
      c.split(separator: " ").count <= 8 && HeaderParser.isCapitalised(String(c))
    }
  }

  /// Tabs as the spaces to the next stop of eight, so that columns line up by position.
  private static func expandingTabs(_ line: Substring) -> String {
    guard line.utf8.contains(0x09) else { return String(line) }
    var out = ""
    var column = 0
    for c in line {
      if c == "\t" {
        let n = 8 - column % 8
        out += String(repeating: " ", count: n)
        column += n
      } else {
        out.append(c)
        column += 1
      }
    }
    return out
  }

  /// The lines of the block whose `Nơi nhận` line is `cue`: the right-only lines just above it
  /// (a title set higher than the list), and below it the list's items, lines with a gap and
  /// right-only lines, up to the first line that is none of them. Nil unless a line has text on
  /// the right. It starts at `floor` or later (the end of the block before it).
  private static func block(around cue: Int, after floor: Int, _ lines: ArraySlice<Substring>) -> (Int, Int)? {
    var start = cue
    while start > max(floor, cue - 3), case (let l, let r) = cells(lines[start - 1]), l.isEmpty,
      !r.isEmpty
    {
      start -= 1
    }
    var end = cue + 1
    var blanks = 0
    while end < min(lines.endIndex, cue + maxLines) {
      let line = lines[end]
      let (l, r) = cells(line)
      if l.isEmpty && r.isEmpty {
        blanks += 1
        if blanks > 2 { break }
      } else if !r.isEmpty || isListItem(l) {
        blanks = 0
      } else {
        break
      }
      end += 1
    }
    while end > cue + 1, cells(lines[end - 1]) == ("", "") { end -= 1 }
    let hasRight = (start..<end).contains { !cells(lines[$0]).1.isEmpty }
    return hasRight ? (start, end) : nil
  }

  /// A closing block is short; a longer run is a table of data, not a signature.
  static let maxLines = 24

  /// The line's left and right cells, split at its first gap: a run of blanks that holds a tab
  /// or three or more spaces. A line that starts with such a gap is all right cell; one without
  /// a gap is all left.
  static func cells(_ line: Substring) -> (Substring, Substring) {
    let u = line.utf8
    var i = u.startIndex
    var run: String.Index? = nil
    var width = 0
    var tab = false
    while i < u.endIndex {
      let c = u[i]
      if c == 0x20 || c == 0x09 {
        if run == nil { (run, width, tab) = (i, 0, false) }
        width += 1
        tab = tab || c == 0x09
      } else {
        if let r = run, tab || width >= 3 { return (trimmed(line[..<r]), trimmed(line[i...])) }
        run = nil
      }
      i = u.index(after: i)
    }
    return (trimmed(line), "")
  }

  private static func trimmed(_ s: Substring) -> Substring {
    var a = s.startIndex
    var z = s.endIndex
    while a < z, s.utf8[a] == 0x20 || s.utf8[a] == 0x09 { a = s.utf8.index(after: a) }
    while z > a, s.utf8[s.utf8.index(before: z)] == 0x20 || s.utf8[s.utf8.index(before: z)] == 0x09 {
      z = s.utf8.index(before: z)
    }
    return s[a..<z]
  }

  /// `- Như trên;`, `+ Lưu: VT.`, `• Sở Y tế`: an item of the recipients' list.
  private static func isListItem(_ s: Substring) -> Bool {
    guard let c = s.unicodeScalars.first else { return false }
    return c == "-" || c == "+" || c == "–" || c == "•" || c == "*"
  }

  /// `Nơi nhận:` (any case, with or without marks) at the start of the line, after any indent.
  private static func isRecipientsCue(_ line: Substring) -> Bool {
    let head = trimmed(line).prefix(12)
    guard let first = head.utf8.first, first == 0x4E || first == 0x6E else { return false }  // N, n
    return ScalarText.fold(head).hasPrefix("noi nhan")
  }
}
