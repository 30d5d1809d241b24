// Recipients: `Kính gửi:` followed by `- Sở Y tế;` lines, or one name on the same line.

import Foundation

enum RecipientParser {
  /// Reads from the `Kính gửi` line at `start`. List items may be separated by blank lines; the
  /// list ends at the first line that is not an item (the body).
  static func parse(_ lines: ArraySlice<Substring>, start: Int) -> [String] {
    guard start < lines.endIndex else { return [] }
    var out: [String] = []
    let first = String(lines[start]).cleanedLine
    let f = FoldedText(first)
    if let k = f.find(Array("kinh gui".utf8)) {
      var inline = Substring(f.original((k + 8)..<f.folded.count))
      while let c = inline.first, c == ":" || c == " " { inline = inline.dropFirst() }
      // `Kính gửi: - A; - B` or `Kính gửi: A; B` or `Kính gửi: A.`
      for item in inline.split(separator: ";") {
        let t = tidy(item)
        if !t.isEmpty { out.append(t) }
      }
      if !out.isEmpty { return out }
    }
    var i = start + 1
    var blanks = 0
    while i < lines.endIndex, i - start < 40 {
      let line = String(lines[i]).cleanedLine
      i += 1
      if line.isEmpty {
        blanks += 1
        if blanks > 2 { break }
        continue
      }
      blanks = 0
      if let c = line.first, c == "-" || c == "+" || c == "•" || c == "–" {
        let t = tidy(line.dropFirst())
        if !t.isEmpty { out.append(t) }
        continue
      }
      // A single recipient on the next line, without a dash.
      if out.isEmpty, line.count <= 150 {
        let t = tidy(Substring(line))
        if !t.isEmpty { out.append(t) }
        if !line.hasSuffix(";") { break }
        continue
      }
      break
    }
    return out
  }

  /// Trailing `;`/`.`/`,` and list dashes removed, trimmed.
  static func tidy(_ s: Substring) -> String {
    var t = ScalarText.whitespaces.trim(s)
    while let c = t.first, c == "-" || c == "+" || c == "•" || c == "–" || c == " " { t.removeFirst() }
    while let c = t.last, c == ";" || c == "." || c == "," || c == " " { t.removeLast() }
    return t
  }
}
