// Reading order for the two-column tables of a .doc as antiword prints them.
//
// antiword draws a table row by row, its cells side by side between `|` bars and wrapped to the
// cell's width: `|TỈNH LAI CHÂU   |Độc lập - Tự do - Hạnh phúc   |`. The dispatch header and the
// `Nơi nhận` / signature block are such tables, and read that way the extractor sees neither the
// number nor the signer. A two-column table becomes its left cell's lines then its right cell's,
// as a .docx table yields them. Tables of three or more columns (data) are left as antiword drew them.

enum TableCells {
  static func antiwordReadingOrder(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [Substring] = []
    out.reserveCapacity(lines.count)
    var k = 0
    while k < lines.count {
      guard cells(lines[k]) != nil else {
        out.append(lines[k])
        k += 1
        continue
      }
      var end = k
      var rows: [[Substring]] = []
      while end < lines.count, let row = cells(lines[end]) {
        rows.append(row)
        end += 1
      }
      if rows.allSatisfy({ $0.count == 2 }) {
        for column in 0..<2 {
          var cellLines = rows.map { $0[column].trimmingCharacters(in: .whitespaces) }
          while cellLines.last?.isEmpty == true { cellLines.removeLast() }
          while cellLines.first?.isEmpty == true { cellLines.removeFirst() }
          out.append(contentsOf: cellLines.map { Substring($0) })
        }
      } else {
        out.append(contentsOf: lines[k..<end])
      }
      k = end
    }
    return out.joined(separator: "\n")
  }

  /// The cells of one drawn table line (`|a |b |`), or nil when the line is not one.
  static func cells(_ line: Substring) -> [Substring]? {
    let body = line.hasSuffix("\r") ? line.dropLast() : line
    guard body.count >= 2, body.first == "|", body.last == "|" else { return nil }
    return body.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
  }
}
