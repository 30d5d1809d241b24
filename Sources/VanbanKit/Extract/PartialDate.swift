// A date that may lack its day or month.
//
// Drafts print `ngày   tháng 01 năm 2022`: the year (and often the month) is known, the day is
// left for the signer. Such a date must still sort and filter, so it keeps what it has and sorts
// before every full date of the same month (`20220100` < `20220105`).

import Foundation

/// A date that may lack its day or month (`tháng 3/2022`, `2021`), ordered and stored by `sortKey`.
public struct PartialDate: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int?
  public var day: Int?

  /// A day without a month means nothing, so it is dropped.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = month == nil ? nil : day
  }

  /// `2022`, `2022-01`, `2022-01-05`.
  public var iso: String {
    var s = Self.padded(year, 4)
    if let m = month { s += "-" + Self.padded(m, 2) }
    if let m = month, let d = day, m > 0 { s += "-" + Self.padded(d, 2) }
    return s
  }

  /// `20220000`, `20220100`, `20220105`: sorts as a string, for a Xapian value slot.
  public var sortKey: String { Self.padded(year, 4) + Self.padded(month ?? 0, 2) + Self.padded(day ?? 0, 2) }

  /// How a Vietnamese reader writes it: `5/1/2022`, `01/2022`, `2022`.
  public var vietnamese: String {
    guard let m = month else { return String(year) }
    guard let d = day else { return Self.padded(m, 2) + "/" + Self.padded(year, 4) }
    return "\(d)/\(m)/\(year)"
  }

  /// `n` in decimal, zero-padded on the left to `width` digits, as `%0*d` writes it. Every hit
  /// prints its date and every indexed document stores its sort key: Foundation's
  /// `String(format:)` cost 1% of a search.
  static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n.magnitude)
    let pad = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
    return (n < 0 ? "-" : "") + pad + digits
  }

  public var description: String { iso }

  public static func < (a: PartialDate, b: PartialDate) -> Bool { a.sortKey < b.sortKey }

  // Stored and exchanged as the ISO string, so JSON output reads `"2022-01"`.
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    let s = try c.decode(String.self)
    // Every hit decodes its stored date, which `iso` wrote: read that form straight from its
    // bytes; anything else goes through the full parser.
    if let d = Self.parseISO(s) {
      self = d
      return
    }
    guard let d = PartialDate(parsing: s) else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
    }
    self = d
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(iso)
  }

  // MARK: Parsing

  /// ISO (`2022`, `2022-03`, `2022-03-01`) or Vietnamese (`01/3/2022`, `1/3/2022`, `3/2022`,
  /// `ngày 05 tháng 12 năm 2022`, `ngày   tháng 01 năm 2022`). Surrounding spaces are ignored;
  /// anything else around the date makes it fail (this is for a whole field, not a search).
  public init?(parsing s: String) {
    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !t.isEmpty else { return nil }
    if let d = Self.parseNumeric(t) {
      self = d
      return
    }
    let f = ScalarText.fold(t)
    guard let (d, range) = Self.parseLong(Array(f.utf8), from: 0), range.lowerBound == 0,
      range.upperBound == f.utf8.count
    else { return nil }
    self = d
  }

  /// Exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits), range-checked by `make(_:_:_:)`; nil otherwise.
  static func parseISO(_ s: String) -> PartialDate? {
    s.utf8.withContiguousStorageIfAvailable { b -> PartialDate? in
      func number(_ from: Int, _ count: Int) -> Int? {
        var n = 0
        for i in from..<from + count {
          let c = b[i]
          guard c >= 0x30 && c <= 0x39 else { return nil }
          n = n * 10 + Int(c - 0x30)
        }
        return n
      }
      guard b.count == 4 || b.count == 7 || b.count == 10, let y = number(0, 4) else { return nil }
      if b.count == 4 { return make(y, nil, nil) }
      guard b[4] == 0x2D, let m = number(5, 2) else { return nil }
      if b.count == 7 { return make(y, m, nil) }
      guard b[7] == 0x2D, let d = number(8, 2) else { return nil }
      return make(y, m, d)
    } ?? nil
  }

  /// Builds a date when the parts are a real calendar date (a day that exists in its month).
  static func make(_ y: Int, _ m: Int?, _ d: Int?) -> PartialDate? {
    guard (1000...2999).contains(y) else { return nil }
    if let m = m {
      guard (1...12).contains(m) else { return nil }
      if let d = d {
        guard d >= 1, d <= daysIn(month: m, year: y) else { return nil }
      }
    } else if d != nil {
      return nil
    }
    return PartialDate(year: y, month: m, day: d)
  }

  static func daysIn(month m: Int, year y: Int) -> Int {
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whole-string numeric forms: ISO with `-`, Vietnamese with `/`, `-` or `.` (day first).
  private static func parseNumeric(_ t: String) -> PartialDate? {
    let b = Array(t.utf8)
    guard b.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2F || $0 == 0x2D || $0 == 0x2E }) else { return nil }
    let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
    guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return nil }
    let n = parts.compactMap { Int($0) }
    guard n.count == parts.count else { return nil }
    if parts[0].count == 4 {  // ISO: year first, '-' only
      guard !t.contains("/") else { return nil }
      switch n.count {
      case 1: return make(n[0], nil, nil)
      case 2: return parts[1].count <= 2 ? make(n[0], n[1], nil) : nil
      case 3: return parts[1].count <= 2 && parts[2].count <= 2 ? make(n[0], n[1], n[2]) : nil
      default: return nil
      }
    }
    guard parts.last!.count == 4, parts.dropLast().allSatisfy({ $0.count <= 2 }) else { return nil }
    switch n.count {
    case 2: return make(n[1], n[0], nil)
    case 3: return make(n[2], n[1], n[0])
    default: return nil
    }
  }

  // MARK: Dates inside text (byte-level, on folded or NFC text)

  /// The long form on *folded* bytes at `i`: `ngay 05 thang 12 nam 2022`, with blanks allowed
  /// for the day and month (`ngay thang nam 2022`). Returns the date and the byte range used.
  static func parseLong(_ b: [UInt8], from i: Int) -> (PartialDate, Range<Int>)? {
    var p = i
    guard UTF8Bytes.hasWord(b, p, "ngay") else { return nil }
    p += 4
    p = skipBlanksAndPlaceholder(b, p)
    let (day, p1) = UTF8Bytes.readInt(b, p, maxDigits: 2)
    p = UTF8Bytes.skipBlanks(b, p1, newlines: true)
    guard UTF8Bytes.hasWord(b, p, "thang") else { return nil }
    p = skipBlanksAndPlaceholder(b, p + 5)
    let (month, p2) = UTF8Bytes.readInt(b, p, maxDigits: 2)
    p = UTF8Bytes.skipBlanks(b, p2, newlines: true)
    guard UTF8Bytes.hasWord(b, p, "nam") else { return nil }
    p = UTF8Bytes.skipBlanks(b, p + 3, newlines: true)
    let (year, p3) = UTF8Bytes.readInt(b, p, maxDigits: 5)
    guard var y = year, p3 - p >= 4 else { return nil }
    if p3 - p == 5 {
      // One footnote digit glued to the year (`năm 20264`, a PDF's superscript).
      y /= 10
      guard (1945...2100).contains(y) else { return nil }
    }
    let end = p3
    let d = month == nil ? nil : day
    guard let date = make(y, month, d) else { return nil }
    return (date, i..<end)
  }

  /// Blanks, and the dots, ellipsis or underscores of a day or month left to be filled in by hand
  /// (`ngày ... tháng ... năm 2024`, `ngày __ tháng 3`): the date is then the year (and month).
  /// One dot is no placeholder: `trong ngày. Tháng 3 năm 2024 …` is prose, not a date.
  private static func skipBlanksAndPlaceholder(_ b: [UInt8], _ i: Int) -> Int {
    let p = UTF8Bytes.skipBlanks(b, i, newlines: true)
    var q = p
    var marks = 0
    while q < b.count {
      if b[q] == 0x2E || b[q] == 0x5F {
        q += 1
        marks += 1
      } else if b[q] == 0xE2, q + 2 < b.count, b[q + 1] == 0x80, b[q + 2] == 0xA6 {
        q += 3  // …
        marks += 2
      } else {
        break
      }
    }
    return marks >= 2 ? UTF8Bytes.skipBlanks(b, q, newlines: true) : p
  }

  /// `20/9/2022`, `20-9-2022`, `20.9.2022` at `i` (bytes; no letters around the digits).
  static func parseShort(_ b: [UInt8], from i: Int) -> (PartialDate, Range<Int>)? {
    guard UTF8Bytes.isDigit(b, i), !UTF8Bytes.isDigit(b, i - 1) else { return nil }
    let (d, p1) = UTF8Bytes.readInt(b, i, maxDigits: 2)
    guard let day = d, p1 < b.count else { return nil }
    let sep = b[p1]
    guard sep == 0x2F || sep == 0x2D || sep == 0x2E else { return nil }
    let (m, p2) = UTF8Bytes.readInt(b, p1 + 1, maxDigits: 2)
    guard let month = m, p2 < b.count, b[p2] == sep else { return nil }
    let (y, p3) = UTF8Bytes.readInt(b, p2 + 1, maxDigits: 4)
    guard let year = y, p3 - (p2 + 1) == 4, !UTF8Bytes.isDigit(b, p3), !UTF8Bytes.isASCIILetter(b, p3) else {
      return nil
    }
    guard let date = make(year, month, day) else { return nil }
    return (date, i..<p3)
  }
}
