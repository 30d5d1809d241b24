// The signature block: authority prefix, title in capitals, signer's name.
//
//   TM. ỦY BAN NHÂN DÂN   ← authority: on behalf of the committee
//   KT. CHỦ TỊCH          ← acting for the chairman
//   PHÓ CHỦ TỊCH          ← title
//   Tổng Thanh Hải        ← the signer
//
// Real documents print the block in many shapes: one line each (Word, the Gazette's PDFs), all on
// one line (web copies: `KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn`), with `(Đã ký)` or blank
// lines before the name, beside or after `Nơi nhận:`, and often *before* annexes and forms that
// run on for thousands of lines. So the block is looked for where the body ends (the first
// `Nơi nhận`, `./.` or `… thông qua ngày` line, then the next ones), and only then at the end of
// the text. The text is read as a stream of words, not of lines: the title is the longest known
// title at the end of the capitals (`BỘ TRƯỞNG THỨ TRƯỞNG` → `THỨ TRƯỞNG`), and the name is the
// run of capitalised words after it. Annexed forms leave the name blank (`(Ký, ghi rõ họ tên)`),
// so they never yield a signer.

import Foundation

struct Signature: Equatable {
  var title: String?
  var signer: String?
  /// The body the signer acts for (`ỦY BAN NHÂN DÂN`, `BAN THƯỜNG VỤ`), when a prefix names one.
  var authority: String?
  var partyAuthority = false
  /// The signer was printed in capitals (`TRẦN VĂN TÂN`).
  var signerInCapitals = false
  /// Read under a title the list lacks, with no prefix: a block with a listed title wins.
  var unlistedTitle = false
}

enum SignatureParser {
  static let tailLines = 45
  /// Lines read after an end-of-body anchor, and before it (two-column layouts put `Nơi nhận`
  /// beside the block, so the text may give it first).
  static let windowAfter = 40
  static let windowBefore = 12
  static let maxAnchors = 24

  /// The signature; with several blocks side by side (joint documents), the one whose authority
  /// names `preferring` (folded), else the first.
  /// (`screening: false` splits every line into words: the tests check that screening finds the
  /// same block.)
  /// In minutes (`minutes`), the chair is the signer: the secretary who signs beside or above
  /// the chair recorded the meeting.
  /// `rightColumn`: the lines are two blocks that stood side by side, the right one (these lines)
  /// first (SignatureColumns.sideBySide). Their layout already says they are signatures, so a
  /// block under a title the list lacks counts as one under a listed title. The signer is the
  /// chair's in minutes, the first body's in a joint text, else the right block's (the issuing
  /// side signs on the right): never the left one's for want of a right one.
  static func parse(
    _ lines: ArraySlice<Substring>, preferring: String? = nil, minutes: Bool = false, rightColumn: Range<Int>? = nil,
    screening: Bool = true
  ) -> Signature {
    let pair = rightColumn != nil
    var tried = IndexSet()
    // Windows overlap (a short text is one window several times over): each line is split into
    // words once.
    var reader = WordReader(lines, screening: screening)
    // A block under a title the list lacks is kept only if no other block is found.
    var unlisted: Signature?
    for anchor in anchors(lines) {
      let lo = max(lines.startIndex, anchor - windowBefore)
      let hi = min(lines.endIndex, anchor + windowAfter)
      if tried.contains(integersIn: lo..<hi) { continue }
      tried.insert(integersIn: lo..<hi)
      if let s = best(in: lo..<hi, preferring: preferring, minutes: minutes, rightColumn: rightColumn, &reader) {
        if !s.unlistedTitle || pair { return s }
        unlisted = unlisted ?? s
      }
    }
    let start = max(lines.startIndex, lines.endIndex - tailLines)
    if let s = best(
      in: start..<lines.endIndex, preferring: preferring, minutes: minutes, rightColumn: rightColumn, &reader)
    {
      if !s.unlistedTitle || pair { return s }
      unlisted = unlisted ?? s
    }
    // A pair gives its chair's, first body's or right block's signer, or none.
    if pair { return Signature() }
    // A block left unsigned (a draft, a copy without the name) that ends the text still has
    // its title.
    let ws = reader.words(start..<lines.endIndex)
    var i = 0
    while i < ws.count {
      if let (sig, next) = block(at: i, ws), sig.title != nil {
        // (In minutes, not a secretary's when a chair's block was found.)
        let secretaryBesideChair = minutes && unlisted != nil && isSecretary(sig.title)
        if next >= ws.count, !sig.unlistedTitle, !secretaryBesideChair { return sig }
        i = next
      } else {
        i += 1
      }
    }
    return unlisted ?? Signature()
  }

  // MARK: Where the body ends

  /// Lines that end a body, in order of trust: `Nơi nhận`, a law's `… thông qua ngày …`, the
  /// consolidation's `XÁC THỰC VĂN BẢN HỢP NHẤT` and a line opening with an authority prefix
  /// (`TM.`, `KT.`) first, then `./.`; each kind in text order, at most `maxAnchors` of each.
  static func anchors(_ lines: ArraySlice<Substring>) -> [Int] {
    var strong: [Int] = []
    var weak: [Int] = []
    for i in lines.indices {
      let u = lines[i].utf8
      guard u.count >= 3 else { continue }
      let cues =
        u.withContiguousStorageIfAvailable { Self.cues($0) } ?? Array(u).withUnsafeBufferPointer { Self.cues($0) }
      if strong.count < maxAnchors, cues & Cue.strong != 0 {
        strong.append(i)
      } else if weak.count < maxAnchors, cues & Cue.weak != 0 {
        weak.append(i)
      }
      if strong.count >= maxAnchors, weak.count >= maxAnchors { break }
    }
    return strong + weak
  }

  private enum Cue {
    static let strong = 1
    static let weak = 2
    static let thongQua = Array("thông qua".utf8)
    static let ngay = Array("ngày".utf8)
    static let xacThuc = Array("XÁC THỰC".utf8)
    static let prefixes = ["TM.", "KT.", "TL.", "TUQ.", "Q. ", "T/M", "K/T", "T/L"].map { Array($0.utf8) }
  }

  /// The anchor cues of one line. Every line of a long law is read, so the scan looks at each
  /// byte once for the rare byte of each cue (`/` of `./.`, `X` of `XÁC THỰC`, `q` of `thông qua`)
  /// and only then compares.
  private static func cues(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var found = 0
    var i = 0
    while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
    if i < b.count, b[i] == 0x54 || b[i] == 0x4B || b[i] == 0x51,  // T K Q: `TM.`, `KT.`…
      Cue.prefixes.contains(where: { b[i...].starts(with: $0) })
    {
      found |= Cue.strong
    }
    var k = i
    while k < b.count, b[k] == 0x2A || b[k] == 0x7C || b[k] == 0x20 || b[k] == 0x09 { k += 1 }
    if k < b.count, b[k] == 0x4E || b[k] == 0x6E {  // N n
      let start = String(decoding: UnsafeBufferPointer(rebasing: b[k..<min(b.count, k + 40)]), as: UTF8.self)
      if ScalarText.foldedHasPrefix(String(start.prefix(10)), "noi nhan") { found |= Cue.strong }
    }
    var thongQua = false
    let n = b.count
    func look(_ i: Int) {
      let c = b[i]
      if c == 0x2F {  // `./.`
        if i > 0, i + 1 < n, b[i - 1] == 0x2E, b[i + 1] == 0x2E { found |= Cue.weak }
      } else if c == 0x58 {  // `XÁC THỰC`
        if UTF8Bytes.matches(b, at: i, Cue.xacThuc) { found |= Cue.strong }
      } else if c == 0x71 {  // `thông qua`: `qua` 7 bytes after `thông `
        if !thongQua, i >= 7, UTF8Bytes.matches(b, at: i - 7, Cue.thongQua) { thongQua = true }
      }
    }
    // Sixteen bytes at a time: most blocks hold none of the three.
    if let p = b.baseAddress {
      let raw = UnsafeRawPointer(p)
      let slash = SIMD16<UInt8>(repeating: 0x2F)
      let x = SIMD16<UInt8>(repeating: 0x58)
      let q = SIMD16<UInt8>(repeating: 0x71)
      while i + 16 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        if any((v .== slash) .| (v .== x) .| (v .== q)) {
          for j in i..<(i + 16) { look(j) }
        }
        i += 16
      }
    }
    while i < n {
      look(i)
      i += 1
    }
    if thongQua, UTF8Bytes.find(b, Cue.ngay) != nil { found |= Cue.strong }
    return found
  }

  // MARK: Blocks

  /// Every block in `lines`, in order, and the one to keep.
  private static func best(
    in lines: Range<Int>, preferring: String?, minutes: Bool, rightColumn: Range<Int>?, _ reader: inout WordReader
  ) -> Signature? {
    let ws = reader.words(lines)
    var found: [(Signature, Int)] = []
    var i = 0
    while i < ws.count {
      // Only a prefix, capitals or a name opens a block.
      switch ws[i].kind {
      case .other, .joiner, .signedNote:
        i += 1
        continue
      default: break
      }
      if let (sig, next) = block(at: i, ws), let signer = sig.signer,
        !sig.signerInCapitals || !isVocabulary(signer, in: reader.lines)
      {
        found.append((sig, ws[i].line))
        i = next
      } else {
        i += 1
      }
    }
    if let right = rightColumn {
      if minutes { return found.first { !isSecretary($0.0.title) }?.0 }
      if let p = preferring,
        let m = found.first(where: { $0.0.authority.map { ScalarText.fold($0).contains(p) } ?? false })
      {
        return m.0
      }
      return found.first { right.contains($0.1) }?.0
    }
    // Before the listed titles are preferred: the chair's may be unlisted (`CHỦ TỊCH UBND XÃ`)
    // where the secretary's is listed (`THƯ KÝ`).
    if minutes {
      let chairs = found.filter { !isSecretary($0.0.title) }
      if !chairs.isEmpty { found = chairs }
    }
    let listed = found.filter { !$0.0.unlistedTitle }
    if !listed.isEmpty { found = listed }
    guard let first = found.first else { return nil }
    if found.count > 1, let p = preferring {
      let near = found.filter { $0.1 - first.1 <= 30 }
      if let m = near.first(where: { $0.0.authority.map { ScalarText.fold($0).contains(p) } ?? false }) { return m.0 }
    }
    return first.0
  }

  /// A block starting at word `i`: prefixes and capitals, then a name; or capitals ending in a
  /// known title, then a name; or a name followed by `(Đã ký)`.
  private static func block(at i: Int, _ ws: [Word]) -> (Signature, Int)? {
    var sig = Signature()
    var k = i
    var sawPrefix = false
    var authorityWords: [Word] = []
    var caps: [Word] = []
    // Prefix chain: `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH`.
    if case .prefix = ws[k].kind {
      sawPrefix = true
    } else if ws[k].kind != .caps {
      return nameOnly(at: i, ws)
    } else if k > 0, ws[k - 1].line == ws[k].line, ws[k - 1].kind == .caps || ws[k - 1].kind == .joiner {
      return nil  // not the start of a run of capitals
    }
    var firstPrefixParty: Bool?
    var lastPrefixLine = ws[i].line
    var prefixCount = 0
    while k < ws.count {
      // A second block's prefix after a name in capitals (two blocks side by side, read column
      // by column) starts that block: the name is this one's.
      if case .prefix = ws[k].kind, let last = caps.last, last.line != ws[k].line,
        isCapitalsName(caps[caps.firstIndex { $0.line == last.line }!...])
      {
        break
      }
      switch ws[k].kind {
      case .prefix(let party):
        if firstPrefixParty == nil { firstPrefixParty = party }
        lastPrefixLine = ws[k].line
        if prefixCount == 1 { authorityWords = caps }
        prefixCount += 1
        caps = []
      case .caps, .joiner:
        caps.append(ws[k])
      default:
        break
      }
      if case .prefix = ws[k].kind {
      } else if ws[k].kind != .caps && ws[k].kind != .joiner {
        break
      }
      // A block's lines are short: a run of capitals over many lines is a heading, not a title.
      if caps.count > 24 { return nil }
      k += 1
    }
    while let last = caps.last, last.kind == .joiner { caps.removeLast() }
    guard !caps.isEmpty else { return nil }
    // The `Y` that opens an Ê Đê man's name ran on with the capitals: it is the name's.
    if caps.count > 1, let y = caps.last, isNameLead(y), caps[caps.count - 2].line != y.line, k < ws.count,
      ws[k].line == y.line, isNameLead(ws[k - 1])
    {
      caps.removeLast()
      k -= 1
    }
    // A name printed in capitals right after the title ends the run: it is not part of the title.
    let next = k < ws.count ? ws[k] : nil
    var nameInCapitals: String?
    if let n = capitalsNameLength(ending: caps, before: next, prefixLine: sawPrefix ? lastPrefixLine : nil) {
      nameInCapitals = personName(caps[(caps.count - n)...])
      caps.removeLast(n)
    }
    // The title: the first line after the authority's that is a title as a whole (`KT. TRƯỞNG
    // BAN` / `PHÓ TRƯỞNG BAN` / `PHÓ CHỦ TỊCH UBND TỈNH`: the second post is not the title); else
    // the longest known title ending the capitals; else (after a prefix) the last line.
    var titleStart: Int?
    var titleEnd = caps.count
    let authorityLine = sawPrefix ? lastPrefixLine : caps[0].line
    var s0 = caps.firstIndex { $0.line > authorityLine }
    while let a = s0 {
      let line = caps[a].line
      let e = caps[a...].firstIndex { $0.line != line } ?? caps.count
      if isTitle(caps[a..<e]) {
        titleStart = a
        titleEnd = e
        break
      }
      s0 = e < caps.count ? e : nil
    }
    if titleStart == nil {
      // A title is at most eight words.
      for s in max(0, caps.count - 8)..<caps.count where isTitle(caps[s...]) {
        titleStart = s
        break
      }
    }
    // Without a prefix, the last line may be a title this list lacks (`GIÁM ĐỐC TRUNG TÂM`, `CHỈ
    // HUY TRƯỞNG`), taken only when a name in small letters signs under it.
    var unlisted = false
    if titleStart == nil, !sawPrefix, nameInCapitals == nil {
      let s = caps.firstIndex { $0.line == caps.last!.line }!
      guard caps[s].line - caps[0].line <= 2, isUnlistedTitle(caps[s...]), !hasColumnGap(caps[s...]),
        i == 0 || ws[i - 1].line < ws[i].line, !followsRecipients(at: i, ws)
      else {
        return nil
      }
      titleStart = s
      unlisted = true
    }
    if titleStart == nil {
      guard sawPrefix else { return nil }
      let lastLine = caps.last!.line
      let s = caps.firstIndex { $0.line == lastLine }!
      // One line holds all of it: the words after the authority cannot be told apart.
      if s == 0, prefixCount <= 1, caps.first!.line == ws[i].line, caps.count > 6 { return nil }
      titleStart = s
    }
    let ts = titleStart!
    // Or on the line after the title's, before an annex's heading (`TRẦN VĂN TÂN` / `PHỤ LỤC`).
    if nameInCapitals == nil, titleEnd < caps.count {
      nameInCapitals = capitalsName(after: caps[titleEnd...], titleLine: caps[titleEnd - 1].line, before: next)
    }
    if prefixCount <= 1 { authorityWords = Array(caps[..<ts]) }
    if authorityWords.isEmpty, prefixCount > 1 { authorityWords = Array(caps[..<ts]) }
    sig.title = caps[ts..<titleEnd].map(\.text).joined(separator: " ")
    if !authorityWords.isEmpty {
      sig.authority = authorityWords.map(\.text).joined(separator: " ")
      sig.partyAuthority = firstPrefixParty ?? false
    }
    if let nameInCapitals {
      // A name in small letters under it is the signer's: the capitals were the place the title
      // names (`CHỦ TỊCH` / `HỒ CHÍ MINH` / `Phan Văn Mãi`).
      var j = k
      while j < ws.count, ws[j].kind == .signedNote { j += 1 }
      if let (name, next) = name(at: j, ws) {
        sig.signer = name
        return (sig, next)
      }
      sig.signer = nameInCapitals
      sig.signerInCapitals = true
      return (sig, k)
    }
    // `(Đã ký)`, ranks, degrees, then the name.
    while k < ws.count, ws[k].kind == .signedNote { k += 1 }
    if k + 1 < ws.count, ranks.contains(ScalarText.fold(ws[k].text + " " + ws[k + 1].text)) { k += 2 }
    while k < ws.count, isDegree(ws[k]) { k += 1 }
    if let (name, next) = name(at: k, ws) {
      // Under such a title only a name as signers print it: a surname first (not `Ông`, `Bà`,
      // `Công ty`, `Trường`), the whole line, one column.
      if unlisted {
        let first = ws[k].text.lowercased()
        guard Surnames.all.contains(first), first != "ông", first != "bà",
          next == ws.count || ws[next].line != ws[next - 1].line || ws[next].kind == .signedNote,
          !hasColumnGap(ws[k..<next])
        else { return nil }
        sig.unlistedTitle = true
      }
      sig.signer = name
      return (sig, next)
    }
    if unlisted { return nil }
    guard let (name, next) = capitalsName(at: k, ws) else { return (sig, k) }
    sig.signer = name
    sig.signerInCapitals = true
    return (sig, next)
  }

  /// Whether a name read from capitals is words the text writes in small letters: a heading's
  /// (`ĐOÀN CÔNG TÁC`: `đoàn công tác` in the body), never a person's, whose names are capitalised.
  private static func isVocabulary(_ name: String, in lines: ArraySlice<Substring>) -> Bool {
    let words = name.split(separator: " ").map { $0.lowercased() }
    guard words.count >= 3 else { return false }
    let pair = words[1] + " " + words[2]
    return lines.contains { $0.contains(pair) }
  }

  // MARK: Names in capitals

  /// The number of words ending `caps` that are a name printed in capitals (`TRẦN VĂN TÂN`), if
  /// they are (`isCapitalsName`), fill the rest of their line, and come right after the title:
  /// on the line after a line that is a title (or after a rank's line under it, or after the
  /// title ending a prefix's line), or, in a web copy's one line, after the title.
  private static func capitalsNameLength(ending caps: [Word], before next: Word?, prefixLine: Int?) -> Int? {
    guard let last = caps.last, caps.count > 2 else { return nil }
    if let next, next.line == last.line, next.kind != .signedNote { return nil }
    let lineStart = caps.firstIndex { $0.line == last.line }!
    // A rank before the name on its line: `ĐẠI TÁ NGUYỄN VĂN AN`.
    let nameStart = lineStart + (startsWithRank(caps[lineStart...]) && caps.count - lineStart > 2 ? 2 : 0)
    if lineStart > 0 {
      guard isCapitalsName(caps[nameStart...]) else { return nil }
      var rest = caps[..<lineStart]
      var titleWords = rest[rest.firstIndex { $0.line == rest.last!.line }!...]
      if ranks.contains(titleWords.map(\.folded).joined(separator: " ")), titleWords.startIndex > 0 {
        rest = rest[..<titleWords.startIndex]
        titleWords = rest[rest.firstIndex { $0.line == rest.last!.line }!...]
      }
      let titled = isTitle(titleWords) || (titleWords.first!.line == prefixLine && endsInTitle(titleWords))
      return titled ? caps.count - nameStart : nil
    }
    // One line: the shortest run that leaves the title before it (`THỨ TRƯỞNG NGUYỄN HOÀNG LÂM`:
    // `HOÀNG` is a surname too), and a rank between them.
    for n in 2...min(5, caps.count - 1) {
      var rest = caps[..<(caps.count - n)]
      if rest.count > 2, startsWithRank(rest.suffix(2)) { rest = rest.dropLast(2) }
      if isCapitalsName(caps[(caps.count - n)...]), isTitle(rest) || (prefixLine != nil && endsInTitle(rest)) {
        return n
      }
    }
    return nil
  }

  /// Whether the words open with a rank (`ĐẠI TÁ`, `Thiếu tướng`).
  private static func startsWithRank(_ ws: ArraySlice<Word>) -> Bool {
    ws.count >= 2 && ranks.contains(ScalarText.fold(ws[ws.startIndex].text + " " + ws[ws.startIndex + 1].text))
  }

  /// An academic or professional degree before a name, alone or joined by dots: `TS.`, `ThS.`,
  /// `PGS.TS.`, `TS.BS.`, `BSCKII.`.
  private static func isDegree(_ w: Word) -> Bool {
    let parts = ScalarText.fold(w.text).split(separator: ".")
    return !parts.isEmpty && parts.allSatisfy { degrees.contains(String($0)) }
  }

  private static let degrees: Set<String> = [
    "gs", "pgs", "ts", "tskh", "ths", "bs", "bsck", "bscki", "bsckii", "bsnt", "ds", "dsck", "dscki", "dsckii", "ks",
    "kts", "cn", "ls", "ncs", "ttut", "ttnd",
  ]

  /// The name in capitals on the first line of `rest` (the capitals after the title), or on the
  /// line after a rank's, when that line holds only the name and a blank line sets it apart from
  /// any capitals after it.
  private static func capitalsName(after rest: ArraySlice<Word>, titleLine: Int, before next: Word?) -> String? {
    func line(from a: Int) -> ArraySlice<Word> {
      rest[a..<(rest[a...].firstIndex { $0.line != rest[a].line } ?? rest.endIndex)]
    }
    guard let first = rest.first, first.line != titleLine else { return nil }
    var name = line(from: rest.startIndex)
    if ranks.contains(name.map(\.folded).joined(separator: " ")), name.endIndex < rest.endIndex {
      name = line(from: name.endIndex)
    }
    if name.endIndex == rest.endIndex, let next, next.line == name.last!.line, next.kind != .signedNote { return nil }
    // A blank line between the name and the capitals after it (an annex's heading): capitals run
    // on line after line are a heading of several lines (`ĐOÀN THANH TRA LIÊN NGÀNH` /
    // `DANH SÁCH THÀNH VIÊN`).
    if name.endIndex < rest.endIndex, rest[name.endIndex].line == name.last!.line + 1 { return nil }
    return isCapitalsName(name) ? personName(name) : nil
  }

  /// A name in capitals at `k` on a line of its own, after `(Đã ký)`: `(Đã ký)` / `TRẦN VĂN TÂN`.
  private static func capitalsName(at k: Int, _ ws: [Word]) -> (String, Int)? {
    guard k < ws.count, ws[k].kind == .caps, k == 0 || ws[k - 1].line != ws[k].line || ws[k - 1].kind == .signedNote
    else { return nil }
    var e = k
    while e < ws.count, ws[e].kind == .caps, ws[e].line == ws[k].line { e += 1 }
    if e < ws.count, ws[e].line == ws[k].line, ws[e].kind != .signedNote { return nil }
    guard isCapitalsName(ws[k..<e]) else { return nil }
    return (personName(ws[k..<e]), e)
  }

  /// Words in capitals that are a person's name: three to five, a surname then a common middle
  /// name (`TRẦN VĂN`, `PHẠM THỊ`, `NGUYỄN HOÀNG`), no word of a body's name (`ĐOÀN ĐẠI BIỂU
  /// QUỐC HỘI`); or an Ê Đê woman's name (`H'YIM KĐOH`). A surname alone is not enough: headings
  /// and place names open with one too (`HỒ SƠ ĐỀ NGHỊ`, `LÂM ĐỒNG`, `HÀ NỘI`). Names of two
  /// words (`TÔ LÂM`) are left unread rather than risk those.
  private static func isCapitalsName(_ ws: ArraySlice<Word>) -> Bool {
    guard let first = ws.first, ws.allSatisfy({ $0.kind == .caps && !$0.trailingComma }) else { return false }
    let words = ws.map { $0.text.lowercased() }
    if words[0].hasPrefix("h'") || words[0].hasPrefix("h\u{2019}") { return (2...5).contains(words.count) }
    guard (3...5).contains(words.count), Surnames.all.contains(words[0]), Surnames.middle.contains(words[1]) else {
      return false
    }
    return !words.dropFirst().contains(where: Surnames.notInNames.contains) && !isTitle(ws)
      && first.line == ws.last!.line
  }

  /// Whether the words ending `caps` (a title is at most eight words) are a title.
  private static func endsInTitle(_ caps: ArraySlice<Word>) -> Bool {
    (max(caps.startIndex, caps.endIndex - 8)..<caps.endIndex).contains { isTitle(caps[$0...]) }
  }

  /// A name in capitals as names are written: `TRẦN VĂN TÂN` → `Trần Văn Tân`, `H'YIM` → `H'Yim`.
  private static func personName(_ ws: ArraySlice<Word>) -> String {
    ws.map { w in
      var out = ""
      var start = true
      for c in nameTrimmer.trim(w.text).lowercased() {
        out += start ? c.uppercased() : String(c)
        start = c == "'" || c == "\u{2019}"
      }
      return out
    }.joined(separator: " ")
  }

  /// `Võ Chí Công` on a line of its own, then `(Đã ký)`: an old law signed without a title.
  private static func nameOnly(at i: Int, _ ws: [Word]) -> (Signature, Int)? {
    guard ws[i].kind == .name, i == 0 || ws[i - 1].line != ws[i].line else { return nil }
    // The name fills its line, and `(Đã ký)` follows (looked at before the name is built).
    guard let length = nameLength(at: i, ws), i + length < ws.count, ws[i + length].kind == .signedNote,
      let (n, next) = name(at: i, ws), next < ws.count, ws[next].kind == .signedNote,
      ws[next].line != ws[i].line || next + 1 == ws.count || ws[next + 1].line != ws[i].line
    else { return nil }
    var sig = Signature()
    sig.signer = n
    return (sig, next + 1)
  }

  /// Two to five capitalised words. A run that goes on in lower case on its line ends a word
  /// early: `Vũ Thị Mai Phụ lục I` is `Vũ Thị Mai`.
  private static func name(at k: Int, _ ws: [Word]) -> (String, Int)? {
    // `Y` and the name after it (one `Y`: the rest must be a name's words).
    if k + 1 < ws.count, isNameLead(ws[k]), ws[k + 1].line == ws[k].line,
      let n = nameLength(at: k + 1, ws, minimum: 1)
    {
      let parts = ws[(k + 1)..<(k + 1 + n)].map { nameTrimmer.trim($0.text) }
      return ((["Y"] + parts).joined(separator: " "), k + 1 + n)
    }
    guard let n = nameLength(at: k, ws) else { return nil }
    let parts = ws[k..<(k + n)].map { nameTrimmer.trim($0.text) }
    if notNames.contains(ScalarText.fold(parts[0])) { return nil }
    return (parts.joined(separator: " "), k + n)
  }

  /// `Y`, before an Ê Đê man's name (`Y Giang Gry Niê Knơng`): a capital of its own.
  private static func isNameLead(_ w: Word) -> Bool { w.kind == .caps && w.text == "Y" }

  private static let nameTrimmer = ScalarText.Trimmer(CharacterSet(charactersIn: ",.;:"))

  /// The number of words of the name at `k`, if one starts there.
  private static func nameLength(at k: Int, _ ws: [Word], minimum: Int = 2) -> Int? {
    guard k < ws.count, ws[k].kind == .name else { return nil }
    let line = ws[k].line
    var e = k
    while e < ws.count, ws[e].kind == .name, ws[e].line == line {
      e += 1
      // A name holds no comma: `Lê Văn Dũng, Phó Chủ tịch` is `Lê Văn Dũng`.
      if ws[e - 1].text.last == "," { break }
    }
    var n = e - k
    if e < ws.count, ws[e].line == line, ws[e].kind == .other, let c = ws[e].text.first, c.isLowercase { n -= 1 }
    return (minimum...5).contains(n) ? n : nil
  }

  /// Capitalised words that start other things after a block (annexes, forms).
  private static let notNames: Set<String> = [
    "phu", "mau", "bieu", "danh", "dieu", "chuong", "noi", "can", "kinh", "so",
  ]

  private static let ranks: Set<String> = [
    "dai tuong", "thuong tuong", "trung tuong", "thieu tuong", "dai ta", "thuong ta", "trung ta", "thieu ta",
  ]

  // MARK: Titles

  /// Folded titles, as printed above a signer's name.
  static let titles: Set<String> = {
    let heads = [
      "thu tuong", "thu tuong chinh phu", "chu tich", "chu tich nuoc", "chu tich quoc hoi", "bo truong", "thu truong",
      "tong cuc truong", "cuc truong", "vu truong", "chi cuc truong", "chanh van phong", "chanh an", "chu nhiem",
      "giam doc", "tong giam doc", "truong ban", "bi thu", "tong bi thu", "vien truong", "chanh thanh tra",
      "tong thanh tra", "tong thanh tra chinh phu", "thong doc", "tong kiem toan", "tong kiem toan nha nuoc",
      "truong phong", "hieu truong", "truong doan", "tu lenh", "chinh uy", "tong thu ky", "thu ky", "truong khoa",
      "truong cong an", "chu tich hoi dong", "chu tich uy ban", "truong tieu ban", "chanh toa",
      "chanh van phong tinh uy",
      "truong ban chi dao", "chu tich hoi dong bo truong", "uy vien", "ke toan truong", "giam doc so",
    ]
    var s = Set<String>()
    for h in heads {
      for lead in ["", "pho ", "q. ", "quyen "] {
        for tail in ["", " thuong truc"] { s.insert(lead + h + tail) }
      }
    }
    return s
  }()

  /// A title the list lacks, on a line of its own: a listed title and the unit's name after it
  /// (`TRƯỞNG BAN TUYÊN GIÁO`, `GIÁM ĐỐC TRUNG TÂM`, `CHỦ NHIỆM ỦY BAN KINH TẾ`), or a post named
  /// `… trưởng` (`CHỈ HUY TRƯỞNG`, `ĐỒN TRƯỞNG`, `KIỂM TOÁN TRƯỞNG`), or a diplomat's or an
  /// editor's (`ĐẠI SỨ`, `TỔNG BIÊN TẬP`).
  static func isUnlistedTitle(_ ws: ArraySlice<Word>) -> Bool {
    guard ws.allSatisfy({ $0.kind == .caps }), (1...9).contains(ws.count) else { return false }
    let words = ws.map(\.folded)
    let line = words.joined(separator: " ")
    let post = words.first == "pho" ? words.dropFirst() : words[...]
    if otherTitles.contains(line) || otherTitles.contains(post.joined(separator: " ")) { return true }
    // `TRƯỞNG` with its mark: `MÔI TRƯỜNG`, `NHÀ TRƯỜNG` are no posts.
    if ws.last!.text.lowercased() == "trưởng", (2...3).contains(post.count) { return true }
    // A listed title of one to four words, then one to six words of the unit.
    guard words.count >= 2 else { return false }
    return (1...min(4, words.count - 1)).contains { k in
      words.count - k <= 6 && titles.contains(words[..<k].joined(separator: " "))
    }
  }

  /// Whether two of the words stand a column apart on their line (a tab, or three spaces): two
  /// blocks side by side (`KẾ TOÁN TRƯỞNG    THỦ TRƯỞNG ĐƠN VỊ`), not one title or one name.
  private static func hasColumnGap(_ ws: ArraySlice<Word>) -> Bool {
    zip(ws, ws.dropFirst()).contains { a, b in
      guard a.line == b.line, a.text.endIndex <= b.text.startIndex, b.text.startIndex <= a.text.base.endIndex else {
        return false
      }
      let between = a.text.base.utf8[a.text.endIndex..<b.text.startIndex]
      return between.count >= 3 || between.contains(0x09)
    }
  }

  /// Whether the words at `i` follow `Kính gửi` on their line or the line before: a recipient
  /// (`Kính gửi: CHỦ TỊCH UBND XÃ …`), not a signature.
  private static func followsRecipients(at i: Int, _ ws: [Word]) -> Bool {
    var j = i - 1
    while j > 0, ws[j].line >= ws[i].line - 1 {
      if ScalarText.fold(ws[j].text).hasPrefix("gui"), ScalarText.fold(ws[j - 1].text) == "kinh" { return true }
      j -= 1
    }
    return false
  }

  /// Whether a title is a meeting's secretary's (`THƯ KÝ`, `THƯ KÝ CUỘC HỌP`), not a body's
  /// general secretary's (`TỔNG THƯ KÝ`).
  private static func isSecretary(_ title: String?) -> Bool {
    guard let t = title.map(ScalarText.fold) else { return false }
    return t == "thu ky" || t.hasPrefix("thu ky ")
  }

  /// Posts outside the public bodies' list.
  static let otherTitles: Set<String> = [
    "dai su", "tong lanh su", "lanh su", "tong bien tap", "chu tich hoi",
    // A meeting's chair, who signs its minutes.
    "chu toa", "chu tri", "chu toa cuoc hop", "chu tri cuoc hop",
  ]

  /// Every word of a title.
  static let titleWords = Set(titles.flatMap { $0.split(separator: " ").map(String.init) })

  /// Whether the words are a title, or titles joined by commas (`BỘ TRƯỞNG, CHỦ NHIỆM`).
  private static func isTitle(_ ws: ArraySlice<Word>) -> Bool {
    // Most runs of capitals hold a word no title has (`HĐND`, `UBND`): no need to build parts.
    for w in ws where w.kind != .joiner && !titleWords.contains(w.folded) { return false }
    var parts: [[String]] = [[]]
    for w in ws {
      if w.kind == .joiner {
        if w.text == "," { parts.append([]) } else { return false }
        continue
      }
      parts[parts.count - 1].append(w.folded)
      if w.trailingComma { parts.append([]) }
    }
    let joined = parts.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
    guard !joined.isEmpty else { return false }
    return joined.allSatisfy { titles.contains($0) }
  }

}
