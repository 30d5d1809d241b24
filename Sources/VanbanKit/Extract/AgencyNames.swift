// Agency abbreviations, expanded so that `UBND tỉnh Lai Châu` and `Ủy ban nhân dân tỉnh Lai Châu`
// (and a user's `ubnd lai chau`) meet in the index.

/// Official abbreviations of issuing bodies (`UBND` → `Ủy ban nhân dân`), so `--agency` matches either spelling.
public enum AgencyNames {
  /// Expands the abbreviations word by word, case-insensitively (folded input too: `ubnd`, `bcd`).
  /// Short forms that are also ordinary syllables (`TU`, `HU`) expand only in capitals, and the
  /// ambiguous `TT`/`CT`/`PCT` only before an agency word (`TT HĐND`, `CT UBND`).
  public static func expand(_ s: String) -> String {
    let tokens = s.split(separator: " ", omittingEmptySubsequences: false)
    let cores = tokens.map { core(of: $0) }
    var out: [String] = []
    out.reserveCapacity(tokens.count)
    for (k, t) in tokens.enumerated() {
      let (lead, word, trail) = cores[k]
      guard !word.isEmpty else {
        out.append(String(t))
        continue
      }
      let f = ScalarText.fold(String(word))
      var full: String? = always[f] ?? capitalsOnly[String(word)]
      if full == nil, let c = contextual[f] {
        let next = k + 1 < tokens.count ? ScalarText.fold(String(cores[k + 1].1)) : ""
        if trail.isEmpty, agencyWords.contains(next) { full = c }
      }
      out.append(full.map { lead + $0 + trail } ?? String(t))
    }
    return out.joined(separator: " ")
  }

  static let always: [String: String] = [
    "ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "bcd": "Ban Chỉ đạo",
    "bcdtw": "Ban Chỉ đạo Trung ương", "pcd": "phòng, chống dịch", "ttg": "Thủ tướng Chính phủ",
    "vpcp": "Văn phòng Chính phủ", "byt": "Bộ Y tế", "syt": "Sở Y tế", "vpubnd": "Văn phòng Ủy ban nhân dân",
    "mttq": "Mặt trận Tổ quốc", "bhxh": "Bảo hiểm xã hội", "bgddt": "Bộ Giáo dục và Đào tạo",
    "sgddt": "Sở Giáo dục và Đào tạo", "btc": "Bộ Tài chính", "tttu": "Thường trực Tỉnh ủy",
    "btv": "Ban Thường vụ", "tw": "Trung ương", "cp": "Chính phủ", "qh": "Quốc hội",
    "vptu": "Văn phòng Tỉnh ủy", "ubmttq": "Ủy ban Mặt trận Tổ quốc",
  ]

  static let capitalsOnly: [String: String] = ["TU": "Tỉnh ủy", "HU": "Huyện ủy"]

  static let contextual: [String: String] = ["tt": "Thường trực", "ct": "Chủ tịch", "pct": "Phó Chủ tịch"]

  /// Folded words that may follow `TT`/`CT`/`PCT` when those mean Thường trực/Chủ tịch.
  static let agencyWords: Set<String> = [
    "ubnd", "hdnd", "tu", "hu", "bcd", "bcdtw", "ban", "tinh", "huyen", "uy", "hoi", "dang", "vpcp",
  ]

  /// Splits punctuation off a token: `(UBND,` → `(`, `UBND`, `,`.
  private static func core(of t: Substring) -> (String, Substring, String) {
    guard let a = t.firstIndex(where: { $0.isLetter || $0.isNumber }),
      let z = t.lastIndex(where: { $0.isLetter || $0.isNumber })
    else { return ("", "", "") }
    return (String(t[t.startIndex..<a]), t[a...z], String(t[t.index(after: z)...]))
  }
}
