// Companies named in the text: `Công ty` and the words of its name.
//
// A name runs to the next punctuation or function word (`trên`, `theo`, `về`, `tại`…) and must
// end on a capitalised word or a number: `mua Kít của Công ty Việt Á trên địa bàn` → `Công ty
// Việt Á`, `Công ty TNHH Thiết bị y tế Hoàng Long` keeps its lower-case `y tế`, and prose such as
// `công ty trách nhiệm hữu hạn hai thành viên` (no proper name) is not a company.

enum CompanyParser {
  static let maxWords = 14

  /// Lower-case function words that end a name (compared as written: `Cổ phần` is not `có`).
  static let stopWords: Set<String> = [
    "trên", "theo", "về", "tại", "trước", "trong", "và", "để", "với", "của", "do", "cho", "đã", "được",
    "là", "có", "khi", "nhằm", "từ", "ở", "sau", "thì", "này", "các", "những", "vào", "bằng", "phải",
    "không", "đang", "sẽ", "ngày", "năm", "số", "thuộc", "hoặc", "hay", "nếu", "mà", "đến", "giữa",
    "đã", "cũng", "đều", "chưa", "vì", "nên", "như", "gồm", "tới",
  ]

  static func parse(_ text: String) -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    var rest = text[...]
    while let r = rest.range(of: "Công ty") {
      rest = text[r.upperBound...]
      if r.lowerBound > text.startIndex {
        let prev = text[text.index(before: r.lowerBound)]
        if prev.isLetter || prev.isNumber { continue }
      }
      guard let name = readName(after: r, in: text), seen.insert(name).inserted else { continue }
      out.append(name)
    }
    return out
  }

  private static func readName(after r: Range<String.Index>, in text: String) -> String? {
    var words: [Substring] = []
    var i = r.upperBound
    while words.count < maxWords, i < text.endIndex {
      // One space (no line break) between words.
      guard text[i] == " " else { break }
      i = text.index(after: i)
      let start = i
      while i < text.endIndex, !isBreak(text[i]) { i = text.index(after: i) }
      guard start < i else { break }
      let w = text[start..<i]
      if stopWords.contains(String(w)) { break }
      words.append(w)
    }
    // A name ends on a capitalised word or a number.
    while let last = words.last, let c = last.first, !(c.isUppercase || c.isNumber) { words.removeLast() }
    guard words.contains(where: { $0.first.map { $0.isUppercase || $0.isNumber } ?? false }) else { return nil }
    return "Công ty " + words.joined(separator: " ")
  }

  private static func isBreak(_ c: Character) -> Bool {
    c == " " || c == "\n" || c == "\t" || c == "." || c == "," || c == ";" || c == ":" || c == "(" || c == ")"
      || c == "\"" || c == "“" || c == "”" || c == "!" || c == "?" || c == "/"
  }
}

import Foundation
