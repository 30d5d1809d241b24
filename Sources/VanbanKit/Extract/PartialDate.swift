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
    var s = String(format: "%04d", year)
    if let m = month { s += String(format: "-%02d", m) }
    if let m = month, let d = day, m > 0 { s += String(format: "-%02d", d) }
    return s
  }

  /// `20220000`, `20220100`, `20220105`: sorts as a string, for a Xapian value slot.
  public var sortKey: String { String(format: "%04d%02d%02d", year, month ?? 0, day ?? 0) }

  /// How a Vietnamese reader writes it: `5/1/2022`, `01/2022`, `2022`.
  public var vietnamese: String {
    guard let m = month else { return String(year) }
    guard let d = day else { return String(format: "%02d/%04d", m, year) }
    return "\(d)/\(m)/\(year)"
  }

  public var description: String { iso }

  public static func < (a: PartialDate, b: PartialDate) -> Bool { a.sortKey < b.sortKey }

  // Stored and exchanged as the ISO string, so JSON output reads `"2022-01"`.
  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    let s = try c.decode(String.self)
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
    p = UTF8Bytes.skipBlanks(b, p, newlines: true)
    let (day, p1) = UTF8Bytes.readInt(b, p, maxDigits: 2)
    p = UTF8Bytes.skipBlanks(b, p1, newlines: true)
    guard UTF8Bytes.hasWord(b, p, "thang") else { return nil }
    p = UTF8Bytes.skipBlanks(b, p + 5, newlines: true)
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
