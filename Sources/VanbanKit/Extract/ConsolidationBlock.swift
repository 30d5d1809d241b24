// The closing block of a ministry's consolidated text (văn bản hợp nhất) in the Gazette:
//
//   BỘ TÀI CHÍNH                         ← the body that consolidates
//   Số: 08/VBHN-BTC                      ← the consolidation's own number
//   XÁC THỰC VĂN BẢN HỢP NHẤT
//   Hà Nội, ngày 17 tháng 4 năm 2026     ← its date
//   KT. BỘ TRƯỞNG / THỨ TRƯỞNG / name
//
// The text above it is the original's, header and all, so these fields come from here.

struct ConsolidationBlock {
  var number: String
  var issuer: String?
  var date: PartialDate?

  private static let vbhn = Array("/VBHN".utf8)

  /// The first `Số: …/VBHN-…` line after the header's first lines, with the body above it and the
  /// place-and-date line below it.
  static func find(_ lines: ArraySlice<Substring>) -> ConsolidationBlock? {
    for i in lines.indices.dropFirst(8) {
      let u = lines[i].utf8
      guard u.count < 80,
        u.withContiguousStorageIfAvailable({ UTF8Bytes.find($0, vbhn) }) ?? UTF8Bytes.find(Array(u), vbhn) != nil
      else { continue }
      let line = String(lines[i]).cleanedLine
      guard let (number, _, _) = HeaderParser.numberLine(FoldedText(line)) else { continue }
      var block = ConsolidationBlock(number: number)
      // The body: the capitalised lines just above (a name may wrap onto two).
      var body: [String] = []
      var j = i - 1
      while j >= max(lines.startIndex, i - 3) {
        let above = String(lines[j]).cleanedLine
        if above.isEmpty || ScalarText.foldedHasPrefix(above, "xac thuc") {
          if body.isEmpty {
            j -= 1
            continue
          }
          break
        }
        guard HeaderParser.isCapitalised(above), HeaderParser.isBodyLine(FoldedText(above)) else { break }
        body.insert(above, at: 0)
        j -= 1
      }
      if !body.isEmpty, let (issuer, _) = IssuerParser.issuer(fromHeaderLines: body, placeProvince: nil) {
        block.issuer = issuer.name
      }
      for k in (i + 1)..<min(lines.endIndex, i + 9) {
        if let (d, _, _) = HeaderParser.placeDate(FoldedText(String(lines[k]).cleanedLine)) {
          block.date = d
          break
        }
      }
      return block
    }
    return nil
  }

  private init(number: String) { self.number = number }
}
