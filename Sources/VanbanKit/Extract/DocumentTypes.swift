// Kinds of document ("thể loại văn bản"), in their canonical case.
//
// Headers print the type in capitals (`THÔNG BÁO`), citations in sentence case (`Chỉ thị`), users
// type it without marks (`chi thi`); all must land on one value for the type filter.

/// The names of document types (`Công văn`, `Thông tư liên tịch`, `Văn bản hợp nhất`) and their canonical spellings.
public enum DocumentTypes {
  /// Canonical names, sentence case. Longer names come before their prefixes (`Bộ luật`, `Luật`).
  public static let all: [String] = [
    "Công văn", "Thông báo", "Chỉ thị", "Kế hoạch", "Quyết định", "Công điện", "Báo cáo",
    "Nghị định", "Thông tư liên tịch", "Thông tư", "Bộ luật", "Luật", "Nghị quyết liên tịch", "Nghị quyết",
    "Hướng dẫn", "Tờ trình", "Chương trình", "Kết luận", "Quy định", "Quy chế", "Pháp lệnh", "Lệnh",
    "Hiến pháp", "Thông tri", "Đề án", "Phương án", "Giấy mời", "Văn bản hợp nhất", "Điều lệ",
    "Biên bản",
  ]

  /// `"chi thi"`, `"CHỈ THỊ"`, `"chỉ thị"` → `"Chỉ thị"`; nil for anything else.
  public static func canonical(_ s: String) -> String? {
    byFolded[compact(s)]
  }

  /// The abbreviations of types that open a number's symbol (`45/QĐ-UBND`, `15/2020/NĐ-CP`;
  /// Nghị định 30/2020/NĐ-CP, Phụ lục III), in capitals. A công văn has none: `123/UBND-KTTH`.
  static let symbolCodes: Set<String> = [
    "NQ", "QĐ", "CT", "QC", "QYĐ", "TB", "HD", "HĐ", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTR",
    "CĐ", "GM", "GUQ", "GGT", "GNP", "PC", "PB", "NĐ", "TT", "TTLT", "NQLT", "PL", "VBHN", "KL", "L", "QH", "LCT",
  ]

  /// Whether `number`'s symbol opens with a type's abbreviation (`45/QĐ-UBND`: yes;
  /// `123/UBND-KTTH`: no).
  static func symbolNamesAType(_ number: String) -> Bool {
    guard let slash = number.lastIndex(of: "/") else { return false }
    let code = number[number.index(after: slash)...].prefix { $0 != "-" }
    return symbolCodes.contains(code.uppercased())
  }

  /// Words a citation names its target with: the types, plus the generic `Văn bản`.
  static let citationWords: [String] = all + ["Văn bản", "Công văn hỏa tốc", "Điện"]

  static let byFolded: [String: String] = {
    var m: [String: String] = [:]
    for t in all { m[compact(t)] = t }
    return m
  }()

  /// The first folded word of each type (`quyet`, `thong`, `bo`): a line whose first word is
  /// none of them starts with no type.
  static let firstTokens = Set(all.map { String(compact($0).prefix { $0 != " " }) })

  static let citationByFolded: [String: String] = {
    var m: [String: String] = [:]
    for t in citationWords { m[compact(t)] = t }
    return m
  }()

  /// Folded citation words, longest first, for matching the end of the text before a number.
  static let citationFoldedLongestFirst: [(folded: [UInt8], name: String)] =
    citationWords.map { (Array(compact($0).utf8), $0) }.sorted { $0.folded.count > $1.folded.count }

  /// Folded, punctuation removed, single spaces.
  static func compact(_ s: String) -> String {
    let f = ScalarText.fold(s)
    var out: [UInt8] = []
    out.reserveCapacity(f.utf8.count)
    var pending = false
    let t = ScalarText.table
    for u in f.unicodeScalars {
      let fl = ScalarText.flags(u.value, t)
      if fl == 0 { return compactSlow(f) }
      if fl & (ScalarText.letter | ScalarText.number) != 0 {
        if pending && !out.isEmpty { out.append(0x20) }
        if u.value < 0x80 { out.append(UInt8(u.value)) } else { out.append(contentsOf: UTF8.encode(u)!) }
        pending = false
      } else {
        pending = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func compactSlow(_ f: String) -> String {
    var out = ""
    var space = false
    for ch in f {
      if ch.isLetter || ch.isNumber {
        if space && !out.isEmpty { out.append(" ") }
        out.append(ch)
        space = false
      } else {
        space = true
      }
    }
    return out
  }
}
