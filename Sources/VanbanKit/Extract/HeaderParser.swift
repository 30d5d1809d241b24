// The header block: issuing body, number, place and date, type and summary.
//
// Only the first lines are read (a header never runs longer), one line at a time. Each line is
// classified by its cue: the national motto, `Số:`/`Số` (Party, no colon), `<Place>, ngày … năm
// YYYY`, `V/v`, a type line in capitals (`THÔNG BÁO`), or `Kính gửi`. Capitalised lines before the
// first of those name the issuing body. Real headers come in any order (the motto before or after
// the number, the summary before the date), so no order is assumed.

import Foundation

struct HeaderInfo {
  var agencyLines: [String] = []
  var number: String?
  /// `Luật số: 41/2024/QH15`: the type written before `số`.
  var numberPrefixType: String?
  var date: PartialDate?
  var hasPlaceLine = false
  var placeProvince: String?
  var typeLine: String?
  var hasVV = false
  /// A `Về việc …` summary with no type line before it: a công văn that spells out `V/v`.
  var hasVeViec = false
  var subject: String?
  /// The Gazette files the text under `VĂN BẢN HỢP NHẤT - <body>`: a consolidated text.
  var consolidated = false
  /// Index of the `Kính gửi` line, when the header has one.
  var recipientsLine: Int?
  /// The type was read from a text's name (`Thông tư số … ngày …`): it stands only if a summary
  /// in small letters follows.
  var typeFromName = false
}

enum HeaderParser {
  /// Folded cue words, as bytes.
  private enum Cue {
    static let cong_bao: [UInt8] = Array("cong bao".utf8)
    static let doc_lap: [UInt8] = Array("doc lap".utf8)
    static let hanh_phuc: [UInt8] = Array("hanh phuc".utf8)
    static let kinh_gui: [UInt8] = Array("kinh gui".utf8)
    static let ngay: [UInt8] = Array("ngay".utf8)
    static let so_Colon: [UInt8] = Array("so :".utf8)
    static let soColon: [UInt8] = Array("so:".utf8)
    static let vDotv: [UInt8] = Array("v.v".utf8)
    static let vSlashv: [UInt8] = Array("v/v".utf8)
    static let ve_viec: [UInt8] = Array("ve viec".utf8)
    static let duThao: [UInt8] = Array("du thao".utf8)
    static let continuedFrom: [UInt8] = Array("(tiep theo cong bao".utf8)
    static let dieu: [UInt8] = Array("dieu ".utf8)
    static let chuong: [UInt8] = Array("chuong ".utf8)
    static let mottos: [[UInt8]] = ["cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam"].map {
      Array($0.utf8)
    }
    static let notSubject: [[UInt8]] = [
      "can cu", "thuc hien", "so:", "v/v", "dieu ", "chuong ", "noi nhan", "kinh gui",
    ]
    .map { Array($0.utf8) }
    static let authorities: [[UInt8]] = [
      "quoc hoi", "chinh phu", "chu tich", "bo truong", "thu tuong", "giam doc", "uy ban nhan dan",
    ]
    .map { Array($0.utf8) }
  }

  static let maxLines = 40
  private static let agencyTrim = ScalarText.Trimmer(CharacterSet(charactersIn: " -–—_*"))
  private static let dashTrim = ScalarText.Trimmer(CharacterSet(charactersIn: " -–—"))

  static func parse(_ rawLines: ArraySlice<Substring>) -> HeaderInfo {
    var h = HeaderInfo()
    var structural = false  // seen a number, date, V/v or type line: no more agency lines
    var subjectParts: [String] = []
    var collecting: Collecting = .none
    var blanksWhileWaiting = 0
    var pendingNumberCue: String?? = nil  // a bare `Số:` (with the type before it) ended a line

    func finishSubject() {
      if !subjectParts.isEmpty, h.subject == nil {
        h.subject = subjectParts.joined(separator: " ")
      }
      subjectParts = []
      collecting = .none
    }

    var index = rawLines.startIndex
    var seen = 0  // lines with text: the Gazette's PDFs put a blank line between any two
    var noteDepth = 0  // inside an editorial note that wraps
    var noteLines = 0
    var blankLines = 0
    var lastWasBlank = false
    var doubleSpaced = false
    while index < rawLines.endIndex, seen < maxLines, index - rawLines.startIndex < maxLines * 4 {
      defer { index += 1 }
      var cleaned = withoutEditorialNotes(String(rawLines[index]).cleanedLine, depth: &noteDepth)
      // A joint number wraps after a hyphen: `Số: 01/2022/TTLT-VKSNDTC-` ⏎ `TANDTC-BCA-BQP`.
      if cleaned.utf8.last == 0x2D, cleaned.hasSuffix("-"), index + 1 < rawLines.endIndex, h.number == nil,
        cleaned.utf8.count < 80,
        ScalarText.foldedHasPrefix(cleaned, "so") || cleaned.contains("số")
      {
        let next = String(rawLines[index + 1]).cleanedLine
        if let c = next.unicodeScalars.first, c.properties.isUppercase,
          !next.contains(" ") || next.split(separator: " ").count <= 6
        {
          cleaned += next
          index += 1
        }
      }
      // A note left open for more than two lines was not one.
      noteLines = noteDepth > 0 ? noteLines + 1 : 0
      if noteLines > 2 { noteDepth = 0 }
      if !cleaned.isEmpty { seen += 1 }
      if cleaned.isEmpty {
        blankLines += 1
        if collecting != .none {
          if subjectParts.isEmpty, collecting == .afterType, blanksWhileWaiting < 2 {
            blanksWhileWaiting += 1
          } else if doubleSpaced, !lastWasBlank {
            // The Gazette's PDFs put a blank line between any two lines, the summary's included.
          } else {
            finishSubject()
          }
        }
        lastWasBlank = true
        continue
      }
      lastWasBlank = false
      doubleSpaced = blankLines * 2 >= seen && seen >= 4
      // A web copy's page title (`Nghị quyết số 01/2021/NQ-HĐND ngày …`) over the header: the
      // header's own type line and summary are still to come.
      if h.typeFromName {
        h.typeFromName = false
        if cleaned.unicodeScalars.first?.properties.isLowercase != true {
          h.typeLine = nil
          subjectParts = []
          collecting = .none
        }
      }
      if let cue = pendingNumberCue {
        pendingNumberCue = nil
        if h.number == nil, let (n, end) = numberAtStart(cleaned) {
          h.number = n
          h.numberPrefixType = cue
          structural = true
          // Web copies run the place, date and type on: `31/2022/TT-BTC Hà Nội, ngày 08 …`.
          let rest = ScalarText.whitespaces.trim(String(decoding: Array(cleaned.utf8)[end...], as: UTF8.self))
          if !rest.isEmpty { parseInline(rest, &h, &structural, &collecting, &subjectParts) }
          continue
        }
      }
      // The body has begun: no header element comes after `Căn cứ …`.
      if structural, ScalarText.foldedHasPrefix(cleaned, "can cu ") {
        finishSubject()
        return finish(h, subjectParts)
      }
      // An annex has begun (`Phụ lục số 04`, `PHỤ LỤC II`): the types, blank numbers and dates
      // of its forms (`BÁO CÁO THANH TOÁN …`, `Số: …/QĐ-UBND`) are not the text's.
      if structural, collecting == .none, isAnnexHeading(cleaned) {
        return finish(h, subjectParts)
      }
      let (segments, hadMotto, cleanedF) = stripMotto(cleaned)
      if hadMotto { finishSubject() }
      for segment in segments {
        if !structural, isCapitalised(segment), ScalarText.foldedHasPrefix(segment, "van ban hop nhat") {
          h.consolidated = true
        }
        guard let line = stripGazetteSection(segment) else { continue }
        let f = UTF8Bytes.same(line, cleaned) ? cleanedF : FoldedText(line)
        // Kính gửi: the header is over.
        if let k = f.find(Cue.kinh_gui), k < 40 {
          finishSubject()
          if h.recipientsLine == nil { h.recipientsLine = index }
          if k > 0 {
            parseInline(String(line.utf8.prefix(f.toOriginal[k]))!, &h, &structural, &collecting, &subjectParts)
          }
          return finish(h, subjectParts)
        }
        if collecting != .none {
          if continuesSubject(line, f, subjectParts) {
            subjectParts.append(line)
            if subjectParts.count >= 10 { finishSubject() }
            continue
          }
          finishSubject()
        }
        if parseInline(line, &h, &structural, &collecting, &subjectParts, folded: f) { continue }
        if h.number == nil, line == segments.last {
          let (cue, type) = endsWithNumberCue(f)
          if cue {
            pendingNumberCue = .some(type)
            structural = true
            continue
          }
        }
        if !structural, !isCapitalised(line), segments.count > 1, line == segments.first,
          let run = trailingCapitals(line), isBodyLine(FoldedText(run))
        {
          // A web copy's page title runs into the body's name: `Công văn 3397/… ban hành. BỘ KẾ
          // HOẠCH VÀ ĐẦU TƯ -----`.
          h.agencyLines.append(run)
          continue
        }
        if !structural, isCapitalised(line), !f.folded.starts(with: Cue.cong_bao), isBodyLine(f) {
          let agency = agencyTrim.trim(line)
          // PDF page headers repeat the body's line (`CHÍNH PHỦ` / `CHÍNH PHỦ`).
          if h.agencyLines.last != agency { h.agencyLines.append(agency) }
        }
      }
    }
    return finish(h, subjectParts)
  }

  enum Collecting { case none, afterVV, afterType }

  /// Web copies insert editorial notes in brackets (`NGHỊ ĐỊNH [Các biểu mẫu … được hướng dẫn
  /// bởi …] QUY ĐỊNH …`); they are not part of the header.
  static func withoutEditorialNotes(_ line: String, depth: inout Int) -> String {
    guard depth > 0 || (line.utf8.withContiguousStorageIfAvailable { $0.contains(0x5B) } ?? line.utf8.contains(0x5B))
    else { return line }
    var out = ""
    for c in line {
      if c == "[" {
        depth += 1
      } else if c == "]", depth > 0 {
        depth -= 1
      } else if depth == 0 {
        out.append(c)
      }
    }
    return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// A line that may name a body: not a page mark (`--- PAGE 1 ---`), a signing stamp
  /// (`Người ký: …`), a label with a colon, or a run of text longer than any body's name.
  static func isBodyLine(_ f: FoldedText) -> Bool {
    let b = f.folded
    if b.count > 160 || b.contains(0x3A) { return false }
    var p = 0
    while p < b.count, b[p] == UTF8Bytes.hyphen || UTF8Bytes.isBlank(b[p]) { p += 1 }
    if b[p...].starts(with: Array("page".utf8)) || b[p...].starts(with: Array("trang ".utf8)) { return false }
    return true
  }

  private static func finish(_ h: HeaderInfo, _ parts: [String]) -> HeaderInfo {
    var h = h
    if h.subject == nil, !parts.isEmpty { h.subject = parts.joined(separator: " ") }
    h.subject = h.subject.flatMap(trimSubject)
    return h
  }

  /// A summary ends where a run-on line goes on with the place and date, `Kính gửi`, or the
  /// enacting authority (`… HUYỆN CHÂU THÀNH ỦY BAN NHÂN DÂN TỈNH TÂY NINH`).
  static func trimSubject(_ subject: String) -> String? {
    let f = FoldedText(subject)
    var end = f.folded.count
    if let k = f.find(Cue.kinh_gui), k > 0 { end = k }
    if let p = runOnPlaceDate(f, before: end) { end = min(end, p.start) }
    var s = ScalarText.whitespaces.trim(f.original(0..<end))
    if isCapitalised(s) { s = withoutEnactingAuthority(s) }
    while let l = s.last, l == "," || l == ";" || l == ":" { s.removeLast() }
    return s.isEmpty || s == "V/v" ? nil : s
  }

  /// The first `Place, ngày … tháng … năm …` that starts before `limit` in a run-on line: where
  /// its place's capitalised words (one to five) begin, the date, where it ends, and the place.
  static func runOnPlaceDate(
    _ f: FoldedText, before limit: Int
  ) -> (
    start: Int, date: PartialDate, end: Int, place: String
  )? {
    var from = 0
    while let c = f.find(Array(", ngay ".utf8), from: from), c < limit {
      from = c + 1
      guard let (date, range) = PartialDate.parseLong(f.folded, from: c + 2) else { continue }
      // Back over the place's capitalised words (at most five).
      var start = c
      var words = 0
      while words < 5 {
        var w = start
        while w > 0, f.folded[w - 1] == UTF8Bytes.space { w -= 1 }
        var a = w
        while a > 0, f.folded[a - 1] != UTF8Bytes.space { a -= 1 }
        guard a < w, let s = UTF8Bytes.scalar(f.bytes, f.toOriginal[a])?.0, s.properties.isUppercase else { break }
        start = a
        words += 1
      }
      guard words > 0 else { return nil }
      return (start, date, range.upperBound, ScalarText.whitespaces.trim(f.original(start..<c)))
    }
    return nil
  }

  /// A `V/v` summary begins. A web copy may run the place and date on after it, and then
  /// `Kính gửi` (`V/v … Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: …`): that is the
  /// document's date. A date the summary cites goes on with more summary, or ends the line (the
  /// place line may follow), and is not.
  private static func beginVV(
    _ summary: String, _ h: inout HeaderInfo, _ collecting: inout Collecting, _ subjectParts: inout [String]
  ) {
    h.hasVV = true
    subjectParts = [vvSubject(summary)]
    collecting = .afterVV
    let f = FoldedText(summary)
    guard !h.hasPlaceLine, let p = runOnPlaceDate(f, before: f.folded.count) else { return }
    let after = UTF8Bytes.skipBlanks(f.folded, p.end)
    guard f.folded[after...].starts(with: Cue.kinh_gui) else { return }
    h.hasPlaceLine = true
    h.date = p.date
    h.placeProvince = Provinces.canonical(p.place)
  }

  private static let enactingAuthorities: [[String]] = [
    "uy ban nhan dan", "hoi dong tham phan", "hoi dong nhan dan", "chu tich", "bo truong", "thu tuong",
    "uy ban thuong vu quoc hoi", "tong cuc truong", "cuc truong", "giam doc", "ban thuong vu", "ban chap hanh",
  ].map { $0.split(separator: " ").map(String.init) }

  /// A title in capitals that a web copy runs into the authority enacting it.
  static func withoutEnactingAuthority(_ s: String) -> String {
    let words = s.split(separator: " ")
    let folded = words.map { ScalarText.fold($0).trimmingCharacters(in: .punctuationCharacters) }
    guard words.count >= 4 else { return s }
    for i in 3..<words.count where words.count - i <= 12 {
      if ["cua", "cho", "va", "voi", "tai", "den", "thuoc", "giua"].contains(folded[i - 1]) { continue }
      for a in enactingAuthorities where i + a.count <= words.count && Array(folded[i..<(i + a.count)]) == a {
        return words[..<i].joined(separator: " ")
      }
    }
    return s
  }

  /// The capitalised words ending a line, when there are at least two.
  static func trailingCapitals(_ line: String) -> String? {
    let words = line.split(separator: " ")
    var n = 0
    for w in words.reversed() {
      guard w.contains(where: { $0.isLetter }), !w.contains(where: { $0.isLowercase }) else { break }
      n += 1
    }
    guard n >= 2 else { return nil }
    return words.suffix(n).joined(separator: " ")
  }

  /// Number, place-date, V/v or type line. Returns whether the line was one of them.
  @discardableResult
  private static func parseInline(
    _ line: String, _ h: inout HeaderInfo, _ structural: inout Bool, _ collecting: inout Collecting,
    _ subjectParts: inout [String], folded: FoldedText? = nil
  ) -> Bool {
    let f = folded ?? FoldedText(line)
    // After the type line, only `Số:` with its colon is the document's own number: a consolidated
    // text's preamble lists the amending laws as `Luật số 35/2018/QH14 …`.
    if h.number == nil, let (num, prefixType, end) = numberLine(f),
      h.typeLine == nil || f.folded.starts(with: Cue.soColon) || f.folded.starts(with: Cue.so_Colon)
    {
      h.number = num
      h.numberPrefixType = prefixType
      structural = true
      // `Số: 1056/QĐ-CT Tuyên Quang, ngày 16 tháng 8 năm 2010 QUYẾT ĐỊNH …` on one line.
      let rest = ScalarText.whitespaces.trim(String(decoding: f.bytes[end...], as: UTF8.self))
      let titled = prefixType != nil && h.typeLine == nil && isTitleDate(rest) && !f.bytes[..<end].contains(0x3A)
      if !rest.isEmpty, parseInline(rest, &h, &structural, &collecting, &subjectParts) {
        // The Gazette names a text it goes on printing the way an index does, `Thông tư số
        // 102/2018/TT-BTC ngày 14 tháng 11 năm 2018` over its summary in small letters: that is
        // its type and its summary, not the form in capitals that its annex then prints.
        if titled {
          h.typeLine = prefixType
          h.typeFromName = true
          subjectParts = []
          collecting = .afterType
        }
        return true
      }
      // `Số: 778/TCHQ-GSQL V/v xử lý …` on one line.
      let restF = f.toFolded(end)
      if let v = f.find(Cue.vSlashv, from: restF) {
        beginVV(f.original(v..<f.folded.count), &h, &collecting, &subjectParts)
      }
      return true
    }
    if !h.hasPlaceLine, let (date, place, end) = placeDate(f) {
      h.hasPlaceLine = true
      h.date = date
      h.placeProvince = place.flatMap(Provinces.canonical)
      structural = true
      // Web exports run the type and title on: `Hà Nội, ngày 09 tháng 06 năm 2015 LUẬT …`.
      let rest = ScalarText.whitespaces.trim(f.original(end..<f.folded.count))
      if !rest.isEmpty { parseInline(rest, &h, &structural, &collecting, &subjectParts) }
      return true
    }
    // A draft's stamp dates it: `DỰ THẢO 24.10.2016 LUẬT VỀ HỘI`.
    if f.folded.starts(with: Cue.duThao), line.hasPrefix("DỰ THẢO") {
      var p = UTF8Bytes.skipBlanks(f.folded, Cue.duThao.count)
      while p < f.folded.count, f.folded[p] == 0x3A || f.folded[p] == 0x20 { p += 1 }
      // `DỰ THẢO LẦN 4`: the round of the draft.
      if UTF8Bytes.hasWord(f.folded, p, "lan") {
        p = UTF8Bytes.skipBlanks(f.folded, p + 3)
        while UTF8Bytes.isDigit(f.folded, p) { p += 1 }
        p = UTF8Bytes.skipBlanks(f.folded, p)
      }
      var end = p
      if let (d, r) = PartialDate.parseShort(f.folded, from: p) {
        if h.date == nil { h.date = d }
        end = r.upperBound
      }
      structural = true
      let rest = ScalarText.whitespaces.trim(f.original(end..<f.folded.count))
      if !rest.isEmpty { parseInline(rest, &h, &structural, &collecting, &subjectParts) }
      return true
    }
    if f.folded.starts(with: Cue.vSlashv) || f.folded.starts(with: Cue.vDotv) {
      structural = true
      beginVV(line, &h, &collecting, &subjectParts)
      return true
    }
    if h.typeLine == nil, let (type, rest) = typeLine(line, allowTitle: structural) {
      h.typeLine = type
      structural = true
      subjectParts = rest.isEmpty ? [] : [rest]
      collecting = .afterType
      return true
    }
    if h.subject == nil, subjectParts.isEmpty, f.folded.starts(with: Cue.ve_viec), structural {
      h.hasVeViec = h.typeLine == nil
      subjectParts = [line]
      collecting = .afterType
      return true
    }
    return false
  }

  /// `V/v: xxx` → `V/v xxx`.
  private static func vvSubject(_ s: String) -> String {
    var rest = s.dropFirst(3)
    while let c = rest.first, c == ":" || c == " " || c == "." { rest = rest.dropFirst() }
    return rest.isEmpty ? "V/v" : "V/v " + rest
  }

  /// A line that goes on with the summary: not a new header element or the body's start.
  private static func continuesSubject(_ line: String, _ f: FoldedText, _ parts: [String]) -> Bool {
    let b = f.folded
    // A title in capitals ends where sentence case begins (the Gazette's consolidated texts go
    // on with `Bộ luật Lao động số 45/2019/QH14 ngày …`).
    if let first = parts.first, isCapitalised(first), !isCapitalised(line) { return false }
    // A line that starts in lower case goes on with the line above (`ngày 15 tháng 6 năm 2022
    // của …` is a wrapped summary, not a place line).
    if let c = line.unicodeScalars.first, c.properties.isLowercase, line.utf8.count <= 250 { return true }
    // `- XÃ HỘI VÀ …` wraps a title in capitals at its dash.
    if b.first == UTF8Bytes.hyphen, isCapitalised(line), let first = parts.first, isCapitalised(first),
      line.utf8.count <= 250
    {
      return true
    }
    if b.first == UTF8Bytes.hyphen || b.first == 0x2B { return false }  // - or + list item
    // `2. …` or `a) …` starts a list; a number or date wrapped from the line above does not.
    if UTF8Bytes.isDigit(b, 0) {
      var q = 0
      while UTF8Bytes.isDigit(b, q) { q += 1 }
      if q < b.count, b[q] == 0x2E || b[q] == 0x29, UTF8Bytes.at(b, q + 1) == UTF8Bytes.space { return false }
    }
    for cue in Cue.notSubject where b.starts(with: cue) {
      // `Điều 1.`, `Chương II` start the body; `Điều chỉnh lương hưu …` is a title.
      if cue == Cue.dieu || cue == Cue.chuong, !startsNumbering(b, at: cue.count) { continue }
      return false
    }
    if numberLine(f) != nil || placeDate(f) != nil { return false }
    if line.utf8.count > 250 { return false }
    // The Gazette's `(Tiếp theo Công báo số …)` follows the summary of a text it goes on printing.
    if b.starts(with: Cue.continuedFrom) { return false }
    // The authority that enacts it (`QUỐC HỘI KHÓA XII`, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`).
    if isCapitalised(line) {
      for cue in Cue.authorities where b.starts(with: cue) {
        return false
      }
    }
    // A capitalised line after a summary in lower case is the next block (`CHỦ TỊCH UBND TỈNH`).
    if isCapitalised(line), let first = parts.first, !isCapitalised(first) { return false }
    return true
  }

  /// A number at `i`: digits, or a Roman numeral word (`II`, `IV.`).
  private static func startsNumbering(_ b: [UInt8], at i: Int) -> Bool {
    if UTF8Bytes.isDigit(b, i) { return true }
    var p = i
    while p < b.count, "ivxl".utf8.contains(b[p]) { p += 1 }
    return p > i && (p == b.count || !UTF8Bytes.isASCIILetter(b, p))
  }

  /// `Số: 123/UBND-VX`, `Số 585-TB/TU`, `Số:    /UBND-KGVX`, `Luật số: 41/2024/QH15`.
  static func numberLine(_ f: FoldedText) -> (String, String?, Int)? {
    let b = f.folded
    // `Số`/`SỐ`/`Luật số` start with a capital; a lower-case `số 585-TB/TU` is a wrapped summary.
    guard let first = UTF8Bytes.scalar(f.bytes, 0)?.0, first.properties.isUppercase else { return nil }
    var p = 0
    var prefixType: String?
    if !UTF8Bytes.hasWord(b, 0, "so") {
      // A type word before `số`.
      guard let s = find(word: "so", in: b, before: 24) else { return nil }
      let head = String(decoding: b[0..<s], as: UTF8.self)
      guard let t = DocumentTypes.canonical(head) else { return nil }
      prefixType = t
      p = s
    }
    p += 2
    p = UTF8Bytes.skipBlanks(b, p)
    if p < b.count, b[p] == 0x3A { p += 1 }  // :
    p = UTF8Bytes.skipBlanks(b, p)
    p = skipPlaceholders(b, p)
    guard p < b.count else { return nil }
    let o = f.toOriginal[p]
    guard let m = DocumentNumber.scan(f.bytes, at: o, lenient: true, allowBlank: true, checkBoundary: false) else {
      return nil
    }
    return (m.canonical, prefixType, m.range.upperBound)
  }

  /// `ngày 14 tháng 11 năm 2018` and nothing after it: the date that ends a text's name.
  static func isTitleDate(_ rest: String) -> Bool {
    let f = FoldedText(rest)
    guard UTF8Bytes.hasWord(f.folded, 0, "ngay"), let (_, _, end) = placeDate(f) else { return false }
    return UTF8Bytes.skipBlanks(f.folded, end) == f.folded.count
  }

  /// An annex's heading line: `Phụ lục`, `PHỤ LỤC II`, `Phụ lục số 04`, `Phụ lục 1:`; not a line
  /// that goes on in words (`Phụ lục này quy định …`).
  static func isAnnexHeading(_ line: String) -> Bool {
    guard line.unicodeScalars.first == "P" else { return false }
    let b = Array(ScalarText.fold(line).utf8)
    guard UTF8Bytes.hasWord(b, 0, "phu"), UTF8Bytes.hasWord(b, UTF8Bytes.skipBlanks(b, 3), "luc") else { return false }
    var p = UTF8Bytes.skipBlanks(b, UTF8Bytes.skipBlanks(b, 3) + 3)
    if UTF8Bytes.hasWord(b, p, "so") { p = UTF8Bytes.skipBlanks(b, p + 2) }
    // Its mark: roman numerals or digits, with `.` between parts (`Phụ lục 2.1`).
    let mark = p
    while p < b.count, UTF8Bytes.isDigit(b, p) || "ivx.".utf8.contains(b[p]) { p += 1 }
    let marked = p > mark
    p = UTF8Bytes.skipBlanks(b, p)
    // Then the end, or after a mark a colon or dash (`-`, `–`, `—`) before the annex's title
    // (`Phụ lục: Danh sách …` with no mark is a header's note of what is attached).
    let dash = b[p...].starts(with: [0xE2, 0x80, 0x93]) || b[p...].starts(with: [0xE2, 0x80, 0x94])
    return p == b.count || marked && (b[p] == 0x3A || b[p] == 0x2D || dash)
  }

  /// Draft placeholders before a blank number: `Số: ....../UBND`, `Số: … /UBND`.
  static func skipPlaceholders(_ b: [UInt8], _ i: Int) -> Int {
    var p = i
    while p < b.count {
      if b[p] == 0x2E || b[p] == 0x5F || UTF8Bytes.isBlank(b[p]) {
        p += 1
      } else if p + 2 < b.count, b[p] == 0xE2, b[p + 1] == 0x80, b[p + 2] == 0xA6 {
        p += 3
      } else {
        break
      }
    }
    return p
  }

  /// `Số:` or `Luật số:` ending the line: the number is on the next line (web exports).
  static func endsWithNumberCue(_ f: FoldedText) -> (Bool, String?) {
    let b = f.folded
    var e = b.count
    while e > 0, UTF8Bytes.isBlank(b[e - 1]) { e -= 1 }
    guard e >= 3, b[e - 1] == 0x3A, UTF8Bytes.hasWord(b, e - 3, "so") else { return (false, nil) }
    guard let first = UTF8Bytes.scalar(f.bytes, 0)?.0, first.properties.isUppercase else { return (false, nil) }
    if e - 3 == 0 { return (true, nil) }
    let head = String(decoding: b[0..<(e - 3)], as: UTF8.self)
    guard let t = DocumentTypes.canonical(head) else { return (false, nil) }
    return (true, t)
  }

  /// A number at the start of a line that follows a bare `Số:`.
  static func numberAtStart(_ line: String) -> (String, Int)? {
    let b = Array(line.utf8)
    let p = skipPlaceholders(b, 0)
    guard let m = DocumentNumber.scan(b, at: p, lenient: true, allowBlank: true, checkBoundary: false) else {
      return nil
    }
    return (m.canonical, m.range.upperBound)
  }

  private static func find(word: StaticString, in b: [UInt8], before limit: Int) -> Int? {
    var i = 1
    while i < min(limit, b.count) {
      if UTF8Bytes.hasWord(b, i, word) { return i }
      i += 1
    }
    return nil
  }

  /// `Lai Châu, ngày 05 tháng 12 năm 2022` (blanks allowed) or `Hà Nội, ngày 13/02/2017`.
  /// Returns the date and the place before the comma.
  static func placeDate(_ f: FoldedText) -> (PartialDate, String?, Int)? {
    let b = f.folded
    var from = 0
    while let k = f.find(Cue.ngay, from: from) {
      from = k + 4
      guard UTF8Bytes.hasWord(b, k, "ngay") else { continue }
      // The place line starts with the date or has the place and a comma right before it
      // (`Sửa đổi, bổ sung … ngày 24 tháng 5 năm 2019` is a title citing a date).
      let before = b[0..<k]
      let comma = before.lastIndex(of: 0x2C)
      // Or the place alone before it, its comma left out (`Số: 87/2025/NĐ-CP Hà Nội ngày 11 …`).
      let bare = comma == nil && k > 0 ? barePlace(f.original(0..<k)) : nil
      guard k == 0 || bare != nil || (comma != nil && b[(comma! + 1)..<k].allSatisfy(UTF8Bytes.isBlank)) else {
        continue
      }
      var date: PartialDate?
      var end = k
      if let (d, r) = PartialDate.parseLong(b, from: k) {
        date = d
        end = r.upperBound
      } else {
        let p = UTF8Bytes.skipBlanks(b, k + 4)
        if let (d, r) = PartialDate.parseShort(b, from: p) {
          date = d
          end = r.upperBound
        }
      }
      guard let d = date else { continue }
      // Without its comma, only the whole place line: `ngày` in small letters, the date written
      // out, and then nothing, a type line in capitals or `Kính gửi` (not `… ngày 02/3/2021 về …`
      // in a wrapped summary, nor `… NGÀY 11/3/2021` ending a title in capitals).
      if bare != nil {
        guard f.bytes[f.toOriginal[k]] == UInt8(ascii: "n"), PartialDate.parseLong(b, from: k) != nil else { continue }
        let next = UTF8Bytes.skipBlanks(b, end)
        if next < b.count, !b[next...].starts(with: Cue.kinh_gui),
          UTF8Bytes.scalar(f.bytes, f.toOriginal[next])?.0.properties.isUppercase != true
        {
          continue
        }
      }
      var place = bare
      if let c = comma {
        place = ScalarText.whitespaces.trim(f.original(0..<c))
        // A place is a name of a few words; a longer run before the comma is a sentence that
        // cites a date (`Căn cứ Luật sửa đổi, bổ sung … ngày 22 tháng 11 năm 2019`).
        if b[0..<c].split(separator: UTF8Bytes.space).count > 6 { continue }
      }
      return (d, place, end)
    }
    return nil
  }

  /// `text` when it is a place's name alone: one to five words, each a capital then small
  /// letters, but the `phố`, `xã`, `thị`, `trấn` of a town's and the `TP.` before a city's (`Hà
  /// Nội`, `Thành phố Hồ Chí Minh`, `TP. Vinh`); not `Căn cứ Hiến pháp`, `Chính phủ` or `Bộ TNMT`.
  static func barePlace(_ text: String) -> String? {
    let words = text.split(separator: " ")
    guard (1...5).contains(words.count) else { return nil }
    for w in words where !["phố", "xã", "thị", "trấn", "TP.", "TX.", "TT."].contains(w) {
      guard let c = w.first, c.isUppercase, w.dropFirst().allSatisfy({ !$0.isUppercase }) else { return nil }
    }
    return words.joined(separator: " ")
  }

  /// `THÔNG BÁO`, `QUYẾT ĐỊNH`, or a type glued to the summary (`THÔNG BÁOKết luận…`, left by
  /// removed Markdown emphasis). Returns the canonical type and the rest of the line.
  private static let typeTrim = ScalarText.Trimmer(CharacterSet(charactersIn: " :*"))

  static func typeLine(_ line: String, allowTitle: Bool = false) -> (String, String)? {
    var trimmed = typeTrim.trim(line)
    // A footnote mark glued to the type (`THÔNG TƯ1`, the Gazette's consolidated texts).
    if let last = trimmed.unicodeScalars.last, last.properties.numericType != nil {
      let core = trimmed.unicodeScalars.reversed().drop { $0.properties.numericType != nil }
      let kept = String(String.UnicodeScalarView(core.reversed()))
      if trimmed.unicodeScalars.count - kept.unicodeScalars.count <= 2, DocumentTypes.canonical(kept) != nil,
        kept.unicodeScalars.last?.properties.isUppercase == true
      {
        trimmed = kept
      }
    }
    let capitalised = isCapitalised(trimmed)
    if capitalised, let t = DocumentTypes.canonical(trimmed) { return (t, "") }
    // Once the header is under way, a capitalised line may be the type and the title together
    // (`LUẬT MẶT TRẬN TỔ QUỐC VIỆT NAM`, `CHỈ THỊ VỀ CÔNG TÁC …`).
    if allowTitle, capitalised {
      let words = ScalarText.simpleWords(trimmed) ?? trimmed.split(separator: " ")
      for n in stride(from: min(4, words.count - 1), through: 1, by: -1) {
        if let t = DocumentTypes.canonical(words.prefix(n).joined(separator: " ")) {
          return (t, words.dropFirst(n).joined(separator: " "))
        }
      }
    }
    // A type, then its title in capitals, then something else on the same line (web copies:
    // `QUYẾT ĐỊNH VỀ CƠ CHẾ … THU HỒI Căn cứ Luật …`, `LUẬT HẢI QUAN Luật Hải quan số …`).
    // Only when the first word is in capitals (most lines fail here, before any split).
    let firstWord = trimmed.utf8.firstIndex(of: 0x20).map { trimmed[..<$0] } ?? trimmed[...]
    let firstToken = DocumentTypes.compact(String(firstWord)).prefix { $0 != " " }
    guard DocumentTypes.firstTokens.contains(String(firstToken)), !firstWord.contains(where: { $0.isLowercase }),
      firstWord.contains(where: { $0.isLetter })
    else {
      return leadingCapitals(trimmed)
    }
    let words = trimmed.split(separator: " ")
    var capitalWords = 0
    for w in words {
      guard !w.contains(where: { $0.isLowercase }), capitalWords > 0 || w.contains(where: { $0.isLetter }) else {
        break
      }
      capitalWords += 1
    }
    if capitalWords >= 1, capitalWords < words.count {
      for n in stride(from: min(4, capitalWords), through: 1, by: -1) {
        guard let t = DocumentTypes.canonical(words.prefix(n).joined(separator: " ")) else { continue }
        if n == capitalWords { return (t, words[n...].joined(separator: " ")) }
        if allowTitle { return (t, words[n..<capitalWords].joined(separator: " ")) }
        break
      }
    }
    return leadingCapitals(trimmed)
  }

  /// A type glued to its title in lower case (`THÔNG TƯHướng dẫn …`): the leading run of
  /// capitals and spaces, less its last letter.
  private static func leadingCapitals(_ trimmed: String) -> (String, String)? {
    if ScalarText.isSimple(trimmed) {
      let u = trimmed.unicodeScalars
      var i = u.startIndex
      var n = 0
      var lastIdx = i
      var lastFlags: UInt8 = 0
      let t = ScalarText.table
      while i < u.endIndex {
        let c = u[i]
        let fl = ScalarText.flags(c.value, t)
        guard fl & ScalarText.upper != 0 || c == " " else { break }
        n += 1
        lastIdx = i
        lastFlags = fl
        i = u.index(after: i)
      }
      guard i < u.endIndex, ScalarText.flags(u[i].value) & ScalarText.lower != 0, n >= 3,
        lastFlags & ScalarText.upper != 0
      else { return nil }
      guard u[u.index(before: lastIdx)] != " ", let t = DocumentTypes.canonical(String(trimmed[u.startIndex..<lastIdx]))
      else { return nil }
      return (t, String(trimmed[lastIdx...]))
    }
    var run = ""
    var rest = Substring(trimmed)
    while let c = rest.first, c.isUppercase || c == " " {
      run.append(c)
      rest = rest.dropFirst()
    }
    guard let next = rest.first, next.isLowercase, run.count >= 3, let last = run.last, last.isUppercase else {
      return nil
    }
    let typePart = String(run.dropLast())
    guard typePart.last != " ", let t = DocumentTypes.canonical(typePart) else { return nil }
    return (t, String(last) + rest)
  }

  /// Mostly capitals: at least two letters, 80% of them upper case.
  static func isCapitalised(_ s: String) -> Bool {
    var upper = 0
    var letters = 0
    let t = ScalarText.table
    // A run-on web line can hold a paragraph: stop once even all the bytes left, read as capitals,
    // could not bring the capitals to 80% (upper ≥ 4 × lower).
    var left = s.utf8.count
    for u in s.unicodeScalars {
      let f = ScalarText.flags(u.value, t)
      if f == 0 { return isCapitalisedSlow(s) }
      left -= UTF8.width(u)
      if f & ScalarText.letter != 0 {
        letters += 1
        if f & ScalarText.upper != 0 {
          upper += 1
        } else if upper + left < 4 * (letters - upper) {
          return false
        }
      }
    }
    return letters >= 2 && upper * 5 >= letters * 4
  }

  private static func isCapitalisedSlow(_ s: String) -> Bool {
    var upper = 0
    var letters = 0
    for c in s where c.isLetter {
      letters += 1
      if c.isUppercase { upper += 1 }
    }
    return letters >= 2 && upper * 5 >= letters * 4
  }

  /// The Official Gazette heads each text with its section (`VĂN BẢN QUY PHẠM PHÁP LUẬT`,
  /// `VĂN BẢN HỢP NHẤT - BỘ Y TẾ`); that is neither a body nor a type. Returns what is left.
  static func stripGazetteSection(_ line: String) -> String? {
    var s = line
    var changed = true
    while changed {
      changed = false
      // Every section begins `văn bản`: a line that opens with another ASCII byte is kept as is.
      if let c = s.utf8.first, c < 0x80, c | 0x20 != 0x76 { return s }
      guard isCapitalised(s) else { return s }
      let f = FoldedText(s)
      for (prefix, needsDash) in gazetteSections where f.folded.starts(with: prefix) {
        let rest = f.original(prefix.count..<f.folded.count)
        let trimmed = dashTrim.trim(rest)
        if needsDash, !ScalarText.whitespaces.trim(rest).hasPrefix("-") { continue }
        s = trimmed
        changed = true
        break
      }
    }
    return s.isEmpty ? nil : s
  }

  /// The Gazette's section heads, folded, and whether a body's name follows after a dash.
  private static let gazetteSections: [([UInt8], Bool)] = [
    ("van ban quy pham phap luat", false), ("van ban phap luat khac", false), ("van ban khac", false),
    ("van ban hop nhat", true),
  ].map { (Array($0.0.utf8), $0.1) }

  /// Removes the national motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh
  /// phúc`, the Party's `ĐẢNG CỘNG SẢN VIỆT NAM`) and rules (`-------`), which web exports often
  /// run into the agency line. Returns what is left, split at the cuts.
  /// Also returns the folded form of `line`.
  static func stripMotto(_ line: String) -> ([String], Bool, FoldedText) {
    let f = FoldedText(line)
    var cuts: [Range<Int>] = []
    for phrase in Cue.mottos {
      // `… của Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam số 16/1999/QH10 …`: after `nước`
      // the words name the state inside a title or a sentence; the motto never follows it.
      var from = 0
      while let k = f.find(phrase, from: from) {
        if !UTF8Bytes.endsWord(f.folded, at: k, "nuoc") {
          cuts.append(k..<(k + phrase.count))
          break
        }
        from = k + 1
      }
    }
    if let k = f.find(Cue.doc_lap), let e = f.find(Cue.hanh_phuc, from: k), e - k < 40 {
      cuts.append(k..<(e + 9))
    }
    let hadMotto = !cuts.isEmpty
    // Rules: three or more dashes or underscores.
    var i = 0
    let b = f.folded
    while i < b.count {
      if b[i] == UTF8Bytes.hyphen || b[i] == 0x5F {
        var j = i
        while j < b.count, b[j] == UTF8Bytes.hyphen || b[j] == 0x5F || b[j] == UTF8Bytes.space { j += 1 }
        if b[i..<j].filter({ $0 != UTF8Bytes.space }).count >= 3 { cuts.append(i..<j) }
        i = j
      } else {
        i += 1
      }
    }
    guard !cuts.isEmpty else { return ([line], false, f) }
    cuts.sort { $0.lowerBound < $1.lowerBound }
    var pieces: [String] = []
    var pos = 0
    for c in cuts where c.lowerBound >= pos {
      if c.lowerBound > pos { pieces.append(f.original(pos..<c.lowerBound)) }
      pos = c.upperBound
    }
    if pos < b.count { pieces.append(f.original(pos..<b.count)) }
    let kept = pieces.map { agencyTrim.trim($0) }.filter { !$0.isEmpty }
    return (kept, hadMotto, f)
  }
}
