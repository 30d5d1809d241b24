// Companies named in the text: `Công ty` and the words of its name.
//
// A name runs to the next punctuation or function word (`trên`, `theo`, `về`, `tại`…) and must
// end on a capitalised word or a number: `mua Kít của Công ty Việt Á trên địa bàn` → `Công ty
// Việt Á`, `Công ty TNHH Thiết bị y tế Hoàng Long` keeps its lower-case `y tế`, and prose such as
// `công ty trách nhiệm hữu hạn hai thành viên` (no proper name) is not a company.

import Foundation

enum CompanyParser {
  static let maxWords = 14

  /// Lower-case function words that end a name (compared as written: `Cổ phần` is not `có`).
  static let stopWords: Set<String> = [
    "trên", "theo", "về", "tại", "trước", "trong", "và", "để", "với", "của", "do", "cho", "đã", "được",
    "là", "có", "khi", "nhằm", "từ", "ở", "sau", "thì", "này", "các", "những", "vào", "bằng", "phải",
    "không", "đang", "sẽ", "ngày", "năm", "số", "thuộc", "hoặc", "hay", "nếu", "mà", "đến", "giữa",
    "đã", "cũng", "đều", "chưa", "vì", "nên", "như", "gồm", "tới",
  ]

  private static let cue = Array("Công ty".utf8)

  /// Searches the UTF-8 bytes (a Foundation `range(of:)` per match costs more than the whole
  /// extraction); words are decoded only where a name is read.
  static func parse(_ b: [UInt8]) -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    var i = 0
    let cue = Self.cue  // read once: a static in the loop is a `swift_once` per byte
    while i + cue.count <= b.count {
      guard let k = b.withUnsafeBufferPointer({ UTF8Bytes.find($0, cue, from: i) }) else { break }
      i = k
      defer { i += cue.count }
      if i > 0, let prev = UTF8Bytes.scalarBefore(b, i), UTF8Bytes.isWordScalar(prev) { continue }
      guard let name = readName(b, from: i + cue.count), seen.insert(name).inserted else { continue }
      out.append(name)
    }
    return out
  }

  private static func readName(_ b: [UInt8], from start: Int) -> String? {
    var words: [String] = []
    var i = start
    while words.count < maxWords, i < b.count {
      // One space (no line break) between words.
      guard b[i] == UTF8Bytes.space else { break }
      i += 1
      let s = i
      while i < b.count, !isBreak(b[i]) { i += 1 }
      guard s < i else { break }
      let w = String(decoding: b[s..<i], as: UTF8.self)
      if stopWords.contains(w) { break }
      words.append(w)
    }
    // A proper name: at least one capitalised word (or number). When the name has two or more,
    // trailing lower-case words are prose (`Công ty Việt Á cung cấp`); with one, they belong to
    // it (`Công ty Quản lý tài sản`).
    func proper(_ w: String) -> Bool { w.first.map { $0.isUppercase || $0.isNumber } ?? false }
    let capitalised = words.filter(proper).count
    guard capitalised > 0 else { return nil }
    if capitalised >= 2 {
      while let last = words.last, !proper(last) { words.removeLast() }
    }
    return "Công ty " + words.joined(separator: " ")
  }

  /// Spaces, line breaks and punctuation end a word (all ASCII, or curly quotes).
  private static func isBreak(_ c: UInt8) -> Bool {
    switch c {
    case 0x20, 0x0A, 0x09, 0x0D, 0x2E, 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x22, 0x21, 0x3F, 0x2F: return true
    case 0xE2: return true  // “ ” – … : general punctuation block
    default: return false
    }
  }
}
