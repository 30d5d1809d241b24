// Document numbers and symbols ("số và ký hiệu"): recognising them, and one canonical spelling.
//
// The same number is written `16/CT-TTg`, `16/CT-TTG`, `16 / CT-TTg`, `16/CT–TTg` (en dash) or,
// in a query, `16/ct-ttg`; a filter must treat them as one. A number always has a letter code
// part, which is what tells it from a date (`20/9/2022`), a ratio (`24/24h`), a range
// (`5-12 tuổi`, `2021 - 2025`) or a virus name (`COVID-19`, `SARS-CoV-2`).
//
// Shapes (see docs/vietnamese-documents.md §2):
//   N/TYPE-AGENCY[-UNIT]        16/CT-TTg, 1557/KH-BYT-BGDĐT, 6860/BYT-DP
//   N/YYYY/TYPE-AGENCY          15/2020/NĐ-CP, 45/2019/QH14
//   N-TYPE/AGENCY[-AGENCY]      585-TB/TU, 08-TB/BCĐTW (Party)
//   /TYPE-AGENCY                a draft's blank number, only right after `Số:`

/// Vietnamese document numbers (`15/2020/NĐ-CP`, `585-TB/TU`, `66.16/2026/NQ-CP`): found in text, canonicalised, and keyed for the index.
public enum DocumentNumber {
  /// `"16 / ct–ttg"` → `"16/CT-TTg"`; nil when `raw` is not (only) a document number.
  public static func canonical(_ raw: String) -> String? {
    let b = Array(raw.utf8)
    let start = UTF8Bytes.skipBlanks(b, 0, newlines: true)
    guard let m = scan(b, at: start, lenient: true, allowBlank: true, checkBoundary: false),
      UTF8Bytes.skipBlanks(b, m.range.upperBound, newlines: true) == b.count
    else { return nil }
    return m.canonical
  }

  /// The search key: folded, lower case, no spaces, dashes as `-` (`16/ct-ttg`, `15/2020/nd-cp`).
  public static func key(_ raw: String) -> String? {
    canonical(raw).map(keyOfCanonical)
  }

  /// A number's leading part for a prefix search (`79/2010/` → `79/2010/`, `16/CT-` → `16/ct-`).
  public static func keyPrefix(_ raw: String) -> String? {
    var out: [UInt8] = []
    let folded = Array(ScalarText.fold(raw).utf8)
    var i = 0
    while i < folded.count {
      let c = folded[i]
      let dash = UTF8Bytes.dashLength(folded, i)
      if dash > 0 {
        out.append(UTF8Bytes.hyphen)
        i += dash
        continue
      }
      if UTF8Bytes.isBlank(c) || c == UTF8Bytes.newline {
        i += 1
        continue
      }
      let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || c == UTF8Bytes.slash
      guard ok else { return nil }
      out.append(c)
      i += 1
    }
    guard let first = out.first, first >= 0x30 && first <= 0x39 || first == UTF8Bytes.slash,
      out.contains(UTF8Bytes.slash) || out.contains(UTF8Bytes.hyphen)
    else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  /// Every number in `text`, canonical, with where it stands. Lower-case codes count only when
  /// they are known codes (`16/ct-ttg`), so that prose like `1/ngày` is not taken for a number.
  public static func findAll(in text: String) -> [(number: String, range: Range<String.Index>)] {
    let b = Array(text.utf8)
    var out: [(number: String, range: Range<String.Index>)] = []
    for m in matches(in: b) {
      let u = text.utf8
      let lo = u.index(u.startIndex, offsetBy: m.range.lowerBound)
      let hi = u.index(u.startIndex, offsetBy: m.range.upperBound)
      out.append((m.canonical, lo..<hi))
    }
    return out
  }

  // MARK: Internals shared with the extractor

  struct Match {
    var canonical: String
    var range: Range<Int>  // bytes
  }

  static func keyOfCanonical(_ c: String) -> String { ScalarText.fold(c) }

  /// All numbers in UTF-8 bytes, left to right, not overlapping.
  static func matches(in b: [UInt8]) -> [Match] {
    var out: [Match] = []
    var i = 0
    while i < b.count {
      if b[i] >= 0x30 && b[i] <= 0x39 {
        if let m = scan(b, at: i, lenient: false, allowBlank: false, checkBoundary: true) {
          out.append(m)
          i = m.range.upperBound
          continue
        }
        // Skip the whole digit run: a number never starts inside one.
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
        continue
      }
      i += 1
    }
    return out
  }

  /// Parses one number starting exactly at `i`.
  /// - lenient: any letter case is a code (a user's own spelling of one number).
  /// - allowBlank: a draft's `/UBND-VX` with no leading digits.
  static func scan(_ b: [UInt8], at i: Int, lenient: Bool, allowBlank: Bool, checkBoundary: Bool) -> Match? {
    guard i < b.count else { return nil }
    if checkBoundary, i > 0 {
      let p = b[i - 1]
      if p < 0x80 {
        if UTF8Bytes.isDigit(b, i - 1) || UTF8Bytes.isASCIILetter(b, i - 1) { return nil }
        if p == UTF8Bytes.slash || p == 0x2E || p == UTF8Bytes.hyphen || p == 0x5F || p == 0x2B { return nil }
      } else if let s = UTF8Bytes.scalarBefore(b, i), UTF8Bytes.isWordScalar(s) || (0x2010...0x2015).contains(s.value) {
        return nil
      }
    }
    var out: [UInt8] = []
    var p = i
    var lead = UTF8Bytes.readInt(b, p, maxDigits: 6)
    if lead.0 != nil {
      out.append(contentsOf: b[p..<lead.1])
      // A dot between digits does not end the number. Three digits after it are a thousands
      // separator (`1.234/QĐ-UBND` is 1234); any other count is part of the number as printed
      // (`66.16/2026/NQ-CP`, a resolution numbered under 66), and is cited that way.
      while lead.1 + 1 < b.count, b[lead.1] == 0x2E, UTF8Bytes.isDigit(b, lead.1 + 1) {
        let more = UTF8Bytes.readInt(b, lead.1 + 1, maxDigits: 6)
        guard more.0 != nil else { break }
        if more.1 - (lead.1 + 1) != 3 { out.append(0x2E) }
        out.append(contentsOf: b[(lead.1 + 1)..<more.1])
        lead = (lead.0, more.1)
      }
      p = UTF8Bytes.skipBlanks(b, lead.1)
    } else if !(allowBlank && b[p] == UTF8Bytes.slash) {
      return nil
    }
    if b.count > p, b[p] == UTF8Bytes.slash {
      out.append(UTF8Bytes.slash)
      p = UTF8Bytes.skipBlanks(b, p + 1, newlines: true)
      // Normative documents carry their year: N/YYYY/TYPE-AGENCY.
      let year = UTF8Bytes.readInt(b, p, maxDigits: 4)
      if year.0 != nil {
        guard year.1 - p == 4 else { return nil }
        let q = UTF8Bytes.skipBlanks(b, year.1)
        guard q < b.count, b[q] == UTF8Bytes.slash else { return nil }
        out.append(contentsOf: b[p..<year.1])
        out.append(UTF8Bytes.slash)
        p = UTF8Bytes.skipBlanks(b, q + 1, newlines: true)
      }
      guard var end = chain(b, p, lenient: lenient, into: &out) else { return nil }
      // Joint resolutions add a group: `72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN`.
      if end < b.count, b[end] == UTF8Bytes.slash {
        var more: [UInt8] = [UTF8Bytes.slash]
        if let e = chain(b, end + 1, lenient: lenient, into: &more) {
          out += more
          end = e
        }
      }
      return Match(canonical: String(decoding: out, as: UTF8.self), range: i..<end)
    }
    // Party: N-TYPE/AGENCY.
    let d = UTF8Bytes.dashLength(b, p)
    guard lead.0 != nil, d > 0 else { return nil }
    p = UTF8Bytes.skipBlanks(b, p + d, newlines: true)
    guard let (seg, e) = segment(b, p, lenient: lenient) else { return nil }
    out.append(UTF8Bytes.hyphen)
    out.append(contentsOf: seg)
    p = UTF8Bytes.skipBlanks(b, e)
    guard p < b.count, b[p] == UTF8Bytes.slash else {
      // Numbers from before 1997 carry only the issuer: `61-CP`, `15-HĐBT`.
      guard oldIssuerCodes.contains(codeKey(seg)) else { return nil }
      return Match(canonical: String(decoding: out, as: UTF8.self), range: i..<e)
    }
    out.append(UTF8Bytes.slash)
    p = UTF8Bytes.skipBlanks(b, p + 1, newlines: true)
    guard let end = chain(b, p, lenient: lenient, into: &out) else { return nil }
    return Match(canonical: String(decoding: out, as: UTF8.self), range: i..<end)
  }

  /// CODE(-CODE)*: at least one code; a line break may follow a hyphen (`364/TB-` ⏎ `VPCP`).
  private static func chain(_ b: [UInt8], _ start: Int, lenient: Bool, into out: inout [UInt8]) -> Int? {
    guard let (first, e0) = segment(b, start, lenient: lenient) else { return nil }
    out.append(contentsOf: first)
    var end = e0
    var count = 1
    while count < 8 {
      let p = UTF8Bytes.skipBlanks(b, end)
      let d = UTF8Bytes.dashLength(b, p)
      guard d > 0, p - end <= 1 else { break }
      // A line break right after the hyphen is a wrap, not a gap.
      var q = UTF8Bytes.skipBlanks(b, p + d)
      var spaced = p > end || q > p + d
      if q < b.count, b[q] == UTF8Bytes.newline {
        q = UTF8Bytes.skipBlanks(b, q + 1)
        spaced = p > end
      }
      guard let (seg, e) = segment(b, q, lenient: lenient) else { break }
      // With spaces round the dash, only a known code continues the number, not a word of prose.
      if spaced, !lenient, !knownCodes.contains(codeKey(seg)) { break }
      out.append(UTF8Bytes.hyphen)
      out.append(contentsOf: seg)
      end = e
      count += 1
    }
    return end
  }

  /// One code at `i`: a letter then letters or digits (`CT`, `TTg`, `QH14`, `BGDĐT`),
  /// canonical case; nil when it runs into a non-code letter (`Bộ`, `Ngày`) or is not a code.
  private static func segment(_ b: [UInt8], _ i: Int, lenient: Bool) -> ([UInt8], Int)? {
    var p = i
    var raw: [UInt8] = []
    var hasLower = false
    while p < b.count, raw.count < 16 {
      let c = b[p]
      if UTF8Bytes.isDStroke(b, p) {
        if b[p + 1] == 0x91 { hasLower = true }
        raw.append(0xC4)
        raw.append(0x90)
        p += 2
      } else if UTF8Bytes.isASCIILetter(b, p) {
        if c >= 0x61 { hasLower = true }
        raw.append(c & ~0x20)
        p += 1
      } else if UTF8Bytes.isDigit(b, p), !raw.isEmpty {
        raw.append(c)
        p += 1
      } else {
        break
      }
    }
    guard !raw.isEmpty, !(raw[0] >= 0x30 && raw[0] <= 0x39) else { return nil }
    if p < b.count, b[p] >= 0x80, let (s, _) = UTF8Bytes.scalar(b, p), UTF8Bytes.isWordScalar(s) { return nil }
    let upper = String(decoding: raw, as: UTF8.self)
    let key = codeKey(raw)
    if hasLower && !lenient {
      let original = String(decoding: b[i..<p], as: UTF8.self)
      guard mixedCase.contains(original) || knownCodes.contains(key) else { return nil }
    }
    if let r = restored[key] { return (Array(r.utf8), p) }
    return (Array(upper.utf8), p)
  }

  /// Folded, lower-case, trailing digits dropped (`QH14` → `qh`): how known codes are looked up.
  static func codeKey<S: Sequence>(_ seg: S) -> String where S.Element == UInt8 {
    var s = ScalarText.fold(String(decoding: Array(seg), as: UTF8.self))
    if ScalarText.isSimple(s) {
      // A Character is a scalar.
      let u = s.unicodeScalars
      var end = u.endIndex
      while end > u.startIndex, ScalarText.flags(u[u.index(before: end)].value) & ScalarText.number != 0 {
        end = u.index(before: end)
      }
      return end == u.endIndex ? s : String(s[..<end])
    }
    while let l = s.last, l.isNumber { s.removeLast() }
    return s
  }

  /// Issuers of old numbers written `N-CODE` without a slash.
  static let oldIssuerCodes: Set<String> = ["cp", "ttg", "hdbt"]

  /// Codes written in mixed case, as the documents print them.
  static let mixedCase: Set<String> = ["TTg", "TTr", "CTr", "QĐi"]

  /// Canonical spelling of codes whose case or Đ an upper-cased or unaccented spelling loses.
  static let restored: [String: String] = [
    "ttg": "TTg", "ttr": "TTr", "ctr": "CTr", "qdi": "QĐi",
    "nd": "NĐ", "qd": "QĐ", "cd": "CĐ", "bcd": "BCĐ", "bcdtw": "BCĐTW", "bgddt": "BGDĐT",
    "hdnd": "HĐND", "hdbt": "HĐBT", "bkhdt": "BKHĐT", "bldtbxh": "BLĐTBXH", "ldtbxh": "LĐTBXH",
  ]

  /// Type and agency codes (folded): lower-case spellings of these are still numbers.
  static let knownCodes: Set<String> = [
    // types
    "nq", "qd", "qdi", "ct", "tb", "hd", "kh", "cd", "bc", "ttr", "ctr", "pa", "da", "gm", "nd", "tt",
    "kl", "cv", "ttlt", "vbhn", "ql", "ubtvqh", "ctlt", "tri", "qc", "ld",
    // agencies
    "ttg", "cp", "vpcp", "byt", "bgddt", "btc", "ubnd", "hdnd", "syt", "tw", "tu", "hu", "bcd", "bcdtw",
    "qh", "vpqh", "bca", "bqp", "bnv", "bct", "bxd", "bgtvt", "btnmt", "bnnptnt", "bkhdt", "bldtbxh",
    "btp", "btttt", "bvhttdl", "bkhcn", "nhnn", "tchq", "tct", "bhxh", "dp", "vx", "kgvx", "tandtc",
    "vksndtc", "mttq", "vptw", "btgtw", "btctw", "ubkttw", "ldtbxh", "sgddt", "stc", "sldtbxh", "vp",
    "gsql", "dmdn", "qlktw", "bcs", "du", "ttcp", "kttw", "hdbt",
  ]
}
