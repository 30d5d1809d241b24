// The issuing body, from the capitalised lines at the top left of a header.
//
// Headers stack one or two bodies, each possibly wrapped:
//   ỦY BAN NHÂN DÂN / TỈNH LAI CHÂU           → UBND tỉnh Lai Châu
//   UBND TỈNH X / SỞ Y TẾ                     → Sở Y tế tỉnh X, under UBND tỉnh X
//   UBND TỈNH X / BCĐ CÔNG TÁC PCD / COVID-19 TỈNH
//                                             → Ban Chỉ đạo công tác phòng, chống dịch COVID-19 tỉnh X
//   ĐẢNG BỘ TỈNH X / TỈNH ỦY / *              → Tỉnh ủy X, under Đảng bộ tỉnh X
// A line that starts with a body's head word (SỞ, BCĐ, TỈNH ỦY…) starts a new level; a place
// (TỈNH LAI CHÂU) or any other line continues the one above. The lowest level issues the document.
// Names are written the way Vietnamese prints them in running text: the short form UBND/HĐND, the
// head word capitalised, proper names capitalised, the rest in lower case.

struct IssuerName: Equatable {
  var name: String
  /// The province the name itself mentions.
  var province: String?
  /// A local body (UBND, Sở, Ban Chỉ đạo, Tỉnh ủy…): takes the province of the header when its
  /// own line does not say it.
  var local: Bool
  /// A Party committee (Tỉnh ủy X): the province follows without `tỉnh`.
  var committee: Bool
  /// Ends in a bare `tỉnh` (`COVID-19 TỈNH`) waiting for the province.
  var dangling: Bool
}

enum IssuerParser {
  private struct Head {
    let words: [String]  // folded
    var key: String { words.joined(separator: " ") }
    let display: String
    let style: Style
    let local: Bool
    let committee: Bool
  }

  private enum Style {
    case capitalizeNames  // Sở Kế hoạch và Đầu tư
    case lower  // Ban Chỉ đạo công tác phòng, chống dịch
    case closed  // a complete name: UBND, Quốc hội
    case closedLower  // a complete name whose following words are lower case
  }

  private static let heads: [Head] = {
    func h(_ f: String, _ d: String, _ s: Style, local: Bool = false, committee: Bool = false) -> Head {
      Head(words: f.split(separator: " ").map(String.init), display: d, style: s, local: local, committee: committee)
    }
    let list = [
      h("uy ban nhan dan", "UBND", .closed, local: true), h("ubnd", "UBND", .closed, local: true),
      h("hoi dong nhan dan", "HĐND", .closed, local: true), h("hdnd", "HĐND", .closed, local: true),
      h("ban chi dao", "Ban Chỉ đạo", .lower, local: true), h("bcd", "Ban Chỉ đạo", .lower, local: true),
      h("ban thuong vu", "Ban Thường vụ", .lower, local: true),
      h("tinh uy", "Tỉnh ủy", .closed, local: true, committee: true),
      h("thanh uy", "Thành ủy", .closed, local: true, committee: true),
      h("huyen uy", "Huyện ủy", .closed, local: false, committee: false),
      h("dang uy", "Đảng ủy", .lower), h("dang bo", "Đảng bộ", .lower),
      h("so", "Sở", .capitalizeNames, local: true), h("bo chi huy quan su", "Bộ Chỉ huy Quân sự", .closed, local: true),
      h("cong an", "Công an", .lower, local: true), h("bao hiem xa hoi", "Bảo hiểm xã hội", .lower, local: true),
      h("van phong quoc hoi", "Văn phòng Quốc hội", .closed), h("van phong chinh phu", "Văn phòng Chính phủ", .closed),
      h("van phong chu tich nuoc", "Văn phòng Chủ tịch nước", .closed),
      h("van phong", "Văn phòng", .capitalizeNames), h("bo", "Bộ", .capitalizeNames),
      h("tong cuc", "Tổng cục", .capitalizeNames), h("chi cuc", "Chi cục", .capitalizeNames),
      h("cuc", "Cục", .capitalizeNames), h("vu", "Vụ", .capitalizeNames),
      h("quoc hoi", "Quốc hội", .closed), h("chinh phu", "Chính phủ", .closed),
      h("thu tuong chinh phu", "Thủ tướng Chính phủ", .closed), h("thu tuong", "Thủ tướng", .capitalizeNames),
      h("chu tich nuoc", "Chủ tịch nước", .closed),
      h("uy ban thuong vu quoc hoi", "Ủy ban Thường vụ Quốc hội", .closed),
      h("ngan hang nha nuoc viet nam", "Ngân hàng Nhà nước Việt Nam", .closed),
      h("ngan hang", "Ngân hàng", .capitalizeNames),
      h("trung tam", "Trung tâm", .capitalizeNames), h("benh vien", "Bệnh viện", .capitalizeNames),
      h("ban", "Ban", .capitalizeNames), h("uy ban", "Ủy ban", .capitalizeNames),
      h("hoi dong", "Hội đồng", .capitalizeNames), h("toa an nhan dan", "Tòa án nhân dân", .lower),
      h("vien kiem sat nhan dan", "Viện kiểm sát nhân dân", .lower),
      h("kiem toan nha nuoc", "Kiểm toán nhà nước", .closed),
      h("phong", "Phòng", .capitalizeNames), h("truong", "Trường", .capitalizeNames),
      h("tap doan", "Tập đoàn", .capitalizeNames), h("tong cong ty", "Tổng công ty", .capitalizeNames),
      h("cong ty", "Công ty", .capitalizeNames), h("doan", "Đoàn", .capitalizeNames),
      h("vien", "Viện", .capitalizeNames), h("hoc vien", "Học viện", .capitalizeNames),
      h("dai hoc", "Đại học", .capitalizeNames), h("thanh tra", "Thanh tra", .capitalizeNames),
      h("kho bac nha nuoc", "Kho bạc Nhà nước", .closed), h("mat tran to quoc", "Mặt trận Tổ quốc", .closed),
      h("lien doan lao dong", "Liên đoàn Lao động", .capitalizeNames),
      h("tong lien doan lao dong", "Tổng Liên đoàn Lao động", .capitalizeNames), h("hoi", "Hội", .capitalizeNames),
      h("chi bo", "Chi bộ", .capitalizeNames), h("dang doan", "Đảng đoàn", .capitalizeNames),
      h("chi nhanh", "Chi nhánh", .capitalizeNames), h("phu thu tuong", "Phủ Thủ tướng", .closed),
      h("bo tu lenh", "Bộ Tư lệnh", .capitalizeNames), h("toa an", "Tòa án", .capitalizeNames),
      h("hoi dong tham phan", "Hội đồng Thẩm phán", .capitalizeNames),
      h("toa an nhan dan toi cao", "Tòa án nhân dân tối cao", .closedLower),
      h("vien kiem sat nhan dan toi cao", "Viện kiểm sát nhân dân tối cao", .closedLower),
    ]
    return list.sorted { $0.words.count > $1.words.count }
  }()

  /// Indexes into `heads` (in its order) by the head's first word.
  private static let headsByFirstWord: [String: [Int]] = {
    var m: [String: [Int]] = [:]
    for (i, h) in heads.enumerated() { m[h.words[0], default: []].append(i) }
    return m
  }()

  /// `midLineHeads.contains(h.key)` for each of `heads`.
  private static let headIsMidLine: [Bool] = heads.map { midLineHeads.contains($0.key) }

  /// Heads that may start a second body in the middle of a line (`BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN`).
  private static let midLineHeads: Set<String> = [
    "tong cuc", "cuc", "so", "vu", "ban chi dao", "bcd", "van phong", "chi cuc", "tinh uy", "huyen uy", "thanh uy",
  ]

  /// Place words that continue the body above (`TỈNH LAI CHÂU` under `ỦY BAN NHÂN DÂN`).
  private static let unitWords: [(folded: [String], display: String, displayWords: [String])] = [
    (["thanh", "pho"], "thành phố"), (["thi", "xa"], "thị xã"), (["thi", "tran"], "thị trấn"),
    (["tinh"], "tỉnh"), (["huyen"], "huyện"), (["quan"], "quận"), (["xa"], "xã"), (["phuong"], "phường"),
  ].map { ($0.0, $0.1, $0.1.split(separator: " ").map(String.init)) }

  /// Words that stay as written: abbreviations and codes.
  private static let expansions: [String: String] = [
    "pcd": "phòng, chống dịch", "tw": "Trung ương", "tt": "Thường trực",
  ]

  // MARK: Levels

  struct Word {
    let text: String  // as written
    let folded: String
    /// The letters of `folded`.
    let bare: String

    init(text: String, folded: String) {
      self.text = text
      self.folded = folded
      self.bare = ScalarText.letters(folded)
    }
  }

  /// Splits the header's capitalised lines into bodies, top first.
  static func levels(_ lines: [String]) -> [[Word]] {
    var levels: [[Word]] = []
    for line in lines {
      let split = ScalarText.simpleWords(line)
      let words: [Word]
      if let split = split {
        // Simple text: a Character is a scalar.
        words = split.map { Word(text: String($0), folded: ScalarText.fold($0)) }
          .filter { w in
            w.text.unicodeScalars.contains { ScalarText.flags($0.value) & (ScalarText.letter | ScalarText.number) != 0 }
              || w.text == "-"
          }
      } else {
        words = line.split(separator: " ").map { Word(text: String($0), folded: ScalarText.fold($0)) }
          .filter { w in w.text.contains(where: { $0.isLetter || $0.isNumber }) || w.text == "-" }
      }
      guard !words.isEmpty else { continue }
      var cur: [Word] = []
      var k = 0
      while k < words.count {
        // A second body mid-line (`BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN`) only once the first has its
        // head and two more words: `BỘ NỘI VỤ` is one body, not `Bộ Nội` and `Vụ`.
        if k > 0, !cur.isEmpty, let h = headIndex(at: k, in: words), headIsMidLine[h],
          let h0 = head(at: 0, in: cur), cur.count >= h0.words.count + 2, !isUnitWord(at: k, in: words)
        {
          levels.append(cur)
          cur = []
        }
        cur.append(words[k])
        k += 1
      }
      let startsHead = head(at: 0, in: cur) != nil && !isUnitWord(at: 0, in: cur)
      if startsHead || levels.isEmpty {
        levels.append(cur)
      } else {
        levels[levels.count - 1] += cur
      }
    }
    return levels
  }

  private static func head(at k: Int, in words: [Word]) -> Head? {
    headIndex(at: k, in: words).map { heads[$0] }
  }

  /// The first of `heads` whose words are the bare words at `k`.
  private static func headIndex(at k: Int, in words: [Word]) -> Int? {
    guard k < words.count, let candidates = headsByFirstWord[words[k].bare] else { return nil }
    for i in candidates {
      let h = heads[i]
      guard k + h.words.count <= words.count else { continue }
      var ok = true
      for (j, w) in h.words.enumerated() where words[k + j].bare != w {
        ok = false
        break
      }
      if ok { return i }
    }
    return nil
  }

  /// `TỈNH` starting a place (not `TỈNH ỦY`).
  private static func isUnitWord(at k: Int, in words: [Word]) -> Bool {
    if let h = head(at: k, in: words), h.words.count > 1 || h.words[0] != "so" { return false }
    return unit(at: k, in: words) != nil
  }

  private static func unit(at k: Int, in words: [Word]) -> (String, Int)? {
    for u in unitWords where k + u.folded.count <= words.count {
      guard (0..<u.folded.count).allSatisfy({ words[k + $0].bare == u.folded[$0] }) else { continue }
      // With its marks: `HẢI QUAN` holds `quan`, not `quận`. A header typed without any marks
      // (`UBND TINH LAI CHAU`) is read by its folded letters. (Index loops, not zips: a zip
      // copies each Word.)
      let display = u.displayWords
      var marked = true
      var same = true
      for j in 0..<min(display.count, words.count - k) {
        let lower = ScalarText.lowercaseLetters(words[k + j].text)
        if lower != display[j] {
          marked = false
          if lower != words[k + j].bare { same = false }
        }
      }
      if marked || (same && words.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII } }) {
        return (u.display, u.folded.count)
      }
    }
    return nil
  }

  // MARK: Rendering

  /// A body's words in running-text form.
  static func render(_ words: [Word]) -> IssuerName {
    var parts: [String] = []
    var province: String?
    var local = false
    var committee = false
    var dangling = false
    var style = Style.capitalizeNames
    var capitalizeNext = false
    var k = 0
    if let h = head(at: 0, in: words) {
      parts.append(h.display)
      style = h.style
      local = h.local
      committee = h.committee
      k = h.words.count
      capitalizeNext = h.style == .capitalizeNames
      // `TỈNH ỦY VĨNH PHÚC`: a committee names its province without `tỉnh`.
      if committee, k < words.count, let (p, used) = Provinces.match(prefixOf: words[k...].map(\.folded)[...]),
        k + used == words.count
      {
        parts.append(p)
        province = p
        k += used
      }
    }
    while k < words.count {
      let w = words[k]
      let bare = w.bare
      // A place: unit word + province (or district) name. Not after `và`/`-`/`,`, where `XÃ`
      // is a word of the name (`LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`).
      let afterJoin = k > 0 && ["va", "-", ","].contains(words[k - 1].folded)
      if !afterJoin, !(bare == "xa" && k + 1 < words.count && words[k + 1].folded == "hoi"),
        let (unitDisplay, n) = unit(at: k, in: words)
      {
        let rest = words[(k + n)...].map { $0.folded }
        if let (p, used) = Provinces.match(prefixOf: rest[...]) {
          parts.append(
            unitDisplay == "thành phố" || unitDisplay == "tỉnh"
              ? "\(Provinces.unitWord(p)) \(p)" : "\(unitDisplay) \(p)")
          province = province ?? ((unitDisplay == "tỉnh" || unitDisplay == "thành phố") ? p : nil)
          k += n + used
          continue
        }
        if k + n == words.count {
          parts.append(unitDisplay)
          dangling = unitDisplay == "tỉnh"
          k += n
          continue
        }
        // A district or commune: the unit word in lower case, the name capitalised.
        parts.append(unitDisplay)
        for j in (k + n)..<words.count { parts.append(titleCase(words[j].text)) }
        break
      }
      if let e = expansions[bare], w.text == w.text.uppercased() {
        parts.append(e)
      } else if isCode(w.text) {
        parts.append(w.text)
      } else if bare == "va" || w.text == "-" || w.text == "," {
        parts.append(w.text.lowercased())
        capitalizeNext = style == .capitalizeNames
        k += 1
        continue
      } else if capitalizeNext || style == .closed, style != .closedLower {
        parts.append(titleCase(w.text))
      } else {
        parts.append(w.text.lowercased())
      }
      capitalizeNext = style == .capitalizeNames && (w.text.hasSuffix(",") || w.text.hasSuffix("-"))
      k += 1
    }
    var name = parts.joined(separator: " ")
    // A central body as it writes its own name (`Bộ Công Thương`): the same letters, its case.
    // (Looked up by the folded name first: most names are no central body, and lower-casing a
    // String costs more than folding it.)
    if CentralBodies.foldedNames.contains(ScalarText.fold(name)),
      let official = CentralBodies.byLowercasedName[name.lowercased()]
    {
      name = official.name
    }
    return IssuerName(name: name, province: province, local: local, committee: committee, dangling: dangling)
  }

  /// COVID-19, VX1, TW: letters in capitals with digits, or a short known code.
  private static func isCode(_ s: String) -> Bool {
    let letters = s.filter { $0.isLetter }
    guard !letters.isEmpty else { return true }
    if s.contains(where: { $0.isNumber }) { return true }
    return ["COVID", "SARS", "TW", "KT-XH", "TNHH", "MTV"].contains(letters.uppercased())
      && letters == letters.uppercased()
  }

  static func titleCase(_ s: String) -> String {
    guard let f = s.first else { return s }
    return String(f).uppercased() + s.dropFirst().lowercased()
  }

  /// The issuer and its parent from the header's capitalised lines, with the province of the
  /// header (or of the place line) put where the lower level leaves it out.
  static func issuer(
    fromHeaderLines lines: [String], placeProvince: String?
  ) -> (issuer: IssuerName, parent: IssuerName?)? {
    // A level that names no body (a page mark, a stamp, a stray title) is not an issuer: null is
    // better than a fragment.
    let lv = levels(lines).filter { head(at: 0, in: $0) != nil && !isUnitWord(at: 0, in: $0) && $0.count <= 20 }
    guard let last = lv.last else { return nil }
    var issuer = render(last)
    var parent = lv.count >= 2 ? render(lv[lv.count - 2]) : nil
    if parent?.name == issuer.name { parent = nil }
    let province = issuer.province ?? parent?.province ?? (issuer.local ? placeProvince : nil)
    if let p = province {
      complete(&issuer, with: p)
      if parent != nil, parent!.dangling { complete(&parent!, with: p) }
    }
    return (issuer, parent)
  }

  /// Adds the province to a local body that does not name its own.
  static func complete(_ n: inout IssuerName, with p: String) {
    if n.dangling {
      n.name += " \(p)"
      n.dangling = false
      n.province = p
    } else if n.province == nil, n.local {
      n.name += n.committee ? " \(p)" : " \(Provinces.unitWord(p)) \(p)"
      n.province = p
    }
  }

  /// Several bodies issuing one text (thông tư liên tịch): every body of the header, joined by
  /// ` - ` (`Bộ Tài chính - Bộ Công Thương`). A dash starts a new body only before a body's head
  /// word: `BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI` is one.
  static func joint(fromHeaderLines lines: [String]) -> String? {
    var bodies: [[Word]] = []
    for line in lines {
      let words = line.split(separator: " ").map { Word(text: String($0), folded: ScalarText.fold($0)) }
      var cur: [Word] = []
      var k = 0
      while k < words.count {
        let w = words[k]
        if w.text == "-" || w.text == "–" {
          if k + 1 < words.count, head(at: k + 1, in: words) != nil {
            if !cur.isEmpty { bodies.append(cur) }
            cur = []
          } else {
            cur.append(w)
          }
          k += 1
          continue
        }
        if cur.isEmpty, !bodies.isEmpty, k == 0, head(at: 0, in: words) == nil {
          // A wrapped line goes on with the body above.
          cur = bodies.removeLast()
        }
        cur.append(w)
        k += 1
      }
      while let l = cur.last, l.text == "-" || l.text == "–" { cur.removeLast() }
      if !cur.isEmpty { bodies.append(cur) }
    }
    let named = bodies.filter { head(at: 0, in: $0) != nil }
    guard named.count >= 2, named.count == bodies.count else { return nil }
    // The Gazette repeats the header block: keep each body once.
    var names: [String] = []
    for n in named.map({ render($0).name }) where !names.contains(n) { names.append(n) }
    return names.count >= 2 ? names.joined(separator: " - ") : nil
  }

  /// What an agency code in a number stands for (`UBND` in `/UBND-KGVX`, `TU` in `585-TB/TU`).
  static func fromCode(_ code: String) -> IssuerName? {
    let table: [String: (String, Bool, Bool)] = [
      "ubnd": ("UBND", true, false), "hdnd": ("HĐND", true, false), "syt": ("Sở Y tế", true, false),
      "bcd": ("Ban Chỉ đạo", true, false), "tu": ("Tỉnh ủy", true, true), "hu": ("Huyện ủy", false, false),
      "byt": ("Bộ Y tế", false, false), "ttg": ("Thủ tướng Chính phủ", false, false), "cp": ("Chính phủ", false, false),
      "vpcp": ("Văn phòng Chính phủ", false, false), "qh": ("Quốc hội", false, false),
      "btc": ("Bộ Tài chính", false, false),
      "bgddt": ("Bộ Giáo dục và Đào tạo", false, false), "tchq": ("Tổng cục Hải quan", false, false),
      "nhnn": ("Ngân hàng Nhà nước Việt Nam", false, false), "bcdtw": ("Ban Chỉ đạo Trung ương", false, false),
    ]
    let key = DocumentNumber.codeKey(Array(code.utf8))
    if let body = CentralBodies.byCode[key] {
      return IssuerName(name: body.name, province: nil, local: false, committee: false, dangling: false)
    }
    guard let (name, local, committee) = table[key] else { return nil }
    return IssuerName(name: name, province: nil, local: local, committee: committee, dangling: false)
  }
}
