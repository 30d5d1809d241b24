// A header block that a PDF's reading order moved below the start of the text.
//
// Word processors lay the header out as a table. Some PDF exports (the Gazette's 2026 files
// among them) put that table after the first page's body, so the text opens with the type and
// title (`THÔNG TƯ` / `Sửa đổi …`, then `Căn cứ …`) and the body's name, number and date stand a
// page later, just before the page ends:
//
//   …
//   3. Các tổ chức, cá nhân có liên quan.
//   CHÍNH PHỦ                                  ← the block starts with the body
//   Số: 135/2026/NĐ-CP
//   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM          ← found by its motto
//   Độc lập - Tự do - Hạnh phúc
//   Hà Nội, ngày 07 tháng 4 năm 2026
//
// The block is read only when the header at the top names neither a body, nor a number, nor a
// place line, and only when it is whole: a number of its own and a dated place line around the
// motto (an annexed form's block is blank: `Số: …/QĐ-UBND`, `…, ngày … tháng … năm …`). Under a
// type line the block must be that type's and head nothing of its own (`find(_:under:)`), and a
// consolidated text, whose header stands at its end, is never read this way.

enum DisplacedHeader {
  /// Lines searched from the top: a PDF page holds about 50, and the block closes the first.
  static let searchLines = 200
  /// Lines read on either side of the motto.
  static let reach = 8

  private static let vietNam = Array("VIỆT NAM".utf8)

  /// The header read from the block around the first whole motto of the first page, or nil.
  /// `top` is what the top of the text said: under its type line (`THÔNG TƯ`) only a block whose
  /// number names that type (`…/TT-BNV`) and that heads no document of its own (no title, `V/v`
  /// or `Kính gửi` after its date) is this text's; another is a sample in an annex or an
  /// attached document.
  static func find(_ lines: ArraySlice<Substring>, under top: HeaderInfo) -> HeaderInfo? {
    let end = min(lines.endIndex, lines.startIndex + searchLines)
    for i in lines.startIndex..<end {
      let u = lines[i].utf8
      // The motto is printed in capitals: a byte search before anything is folded.
      guard u.count < 200,
        u.withContiguousStorageIfAvailable({ UTF8Bytes.find($0, vietNam) }) ?? UTF8Bytes.find(Array(u), vietNam) != nil,
        HeaderParser.stripMotto(String(lines[i]).cleanedLine).1
      else { continue }
      // Back over the block's lines above the motto: the body's name in capitals, rules, `Số:`.
      var start = i
      while start > max(lines.startIndex, i - reach), belongsToBlock(String(lines[start - 1]).cleanedLine) {
        start -= 1
      }
      let stop = min(lines.endIndex, i + reach + 1)
      let block = HeaderParser.parse(lines[start..<stop])
      guard let n = block.number, !n.hasPrefix("/") else { continue }
      // Whole: dated, or a law's `Luật số:` under its `LUẬT` (a law's header has no place line).
      let typed = block.numberPrefixType != nil && block.numberPrefixType == top.typeLine
      guard typed || (block.hasPlaceLine && block.date != nil) else { continue }
      if let type = top.typeLine {
        guard typed || names(n, type) else { continue }
        // The head alone: up to the line after the motto or the date, whichever comes last.
        let dateLine = (start..<stop).first { HeaderParser.placeDate(FoldedText(String(lines[$0]).cleanedLine)) != nil }
        let head = HeaderParser.parse(lines[start..<min(stop, max(i, dateLine ?? i) + 2)])
        guard head.typeLine == nil, !head.hasVV, !head.hasVeViec, head.recipientsLine == nil else { continue }
      }
      return block
    }
    return nil
  }

  /// Whether `number`'s type code (`NĐ` in `135/2026/NĐ-CP`) names `type`. The Party writes its
  /// regulations' code as its decisions' (`Quy định số 296-QĐ/TW`).
  static func names(_ number: String, _ type: String) -> Bool {
    guard let code = MetadataExtractor.codes(of: number).type else { return false }
    let key = DocumentNumber.codeKey(Array(code.utf8))
    return MetadataExtractor.typeCodes[key] == type || (key == "qd" && type == "Quy định")
  }

  /// A line of a header block above its motto: blank, in capitals (the body, not the body's
  /// `QUYẾT ĐỊNH:` before it), a rule (`___`, the Party's `*`), `Số:` with its number or before it.
  static func belongsToBlock(_ line: String) -> Bool {
    if line.isEmpty { return true }
    if HeaderParser.isCapitalised(line) { return HeaderParser.typeLine(line) == nil }
    if line.unicodeScalars.allSatisfy({ "-_–—=* ".unicodeScalars.contains($0) }) { return true }
    let f = FoldedText(line)
    return HeaderParser.numberLine(f) != nil || HeaderParser.endsWithNumberCue(f).0
  }
}

extension HeaderInfo {
  /// Takes from a displaced block what the top of the text did not say: the body, the number,
  /// the place and date, and (when the top had no type line nor `V/v`) the type and summary.
  mutating func fill(from block: HeaderInfo) {
    if agencyLines.isEmpty { agencyLines = block.agencyLines }
    if number == nil {
      number = block.number
      numberPrefixType = block.numberPrefixType
    }
    if !hasPlaceLine, block.hasPlaceLine {
      hasPlaceLine = true
      date = block.date
      placeProvince = block.placeProvince
    }
    if typeLine == nil, !hasVV, !hasVeViec, subject == nil {
      typeLine = block.typeLine
      hasVV = block.hasVV
      hasVeViec = block.hasVeViec
      subject = block.subject
    }
    if recipientsLine == nil { recipientsLine = block.recipientsLine }
  }
}
