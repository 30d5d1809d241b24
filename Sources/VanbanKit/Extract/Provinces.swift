// The 63 provinces and centrally-run cities, and how to recognise one however it is typed.
//
// Headers write `TỈNH LAI CHÂU`, place lines `Son La` (no marks), users `lai chau`, `hoà bình`
// (old tone placement) or `TP. Hồ Chí Minh`; the province facet needs one spelling.

import Foundation

/// The provinces and centrally run cities, one spelling each whatever the text wrote (`TP. Hồ Chí
/// Minh`, old tone placement), for the `province` field, its facet and its filter.
public enum Provinces {
  /// Canonical names with diacritics (new tone placement, as in `Hòa Bình`).
  public static let all: [String] = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ",
  ]

  /// The five cities under central rule: their unit word is `thành phố`, not `tỉnh`.
  static let cities: Set<String> = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"]

  /// Any case, with or without diacritics, either tone style, with or without `tỉnh`/`thành phố`/
  /// `TP.` in front: the canonical name, or nil.
  public static func canonical(_ s: String) -> String? {
    byKey[key(stripUnitWord(ScalarText.fold(s)))]
  }

  /// `tỉnh` or `thành phố`, as a header would put it before the name.
  static func unitWord(_ province: String) -> String { cities.contains(province) ? "thành phố" : "tỉnh" }

  /// The longest province name at the start of `words` (folded words), and how many words it took.
  static func match(prefixOf words: ArraySlice<String>) -> (String, Int)? {
    var k = ""
    var best: (String, Int)?
    for (n, w) in words.prefix(maxWords).enumerated() {
      let letters = w.filter { $0.isLetter || $0.isNumber }
      if letters.isEmpty {
        if w.contains("-") { continue }  // `Bà Rịa - Vũng Tàu`
        break
      }
      k += letters
      if let p = byKey[k] { best = (p, n + 1) }
    }
    return best
  }

  static let maxWords = 5

  /// Letters only: `bà rịa - vũng tàu` and `ba ria vung tau` meet at `bariavungtau`.
  private static func key(_ folded: String) -> String { folded.filter { $0.isLetter || $0.isNumber } }

  private static func stripUnitWord(_ folded: String) -> String {
    var f = Substring(ScalarText.whitespaces.trim(folded))
    for p in ["thanh pho ", "tp. ", "tp.", "tp ", "tinh "] where f.hasPrefix(p) {
      f = f.dropFirst(p.count)
      break
    }
    return String(f)
  }

  private static let byKey: [String: String] = {
    var m: [String: String] = [:]
    for p in all { m[key(VietnameseFolding.fold(p))] = p }
    // Common alternative spellings.
    m["hcm"] = "Hồ Chí Minh"
    m["tphcm"] = "Hồ Chí Minh"
    m["thanhphohochiminh"] = "Hồ Chí Minh"
    m["daklak"] = "Đắk Lắk"
    m["hue"] = "Thừa Thiên Huế"
    m["bariavungtau"] = "Bà Rịa - Vũng Tàu"
    return m
  }()
}
