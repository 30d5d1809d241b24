// One document's metadata, from its normalised text (TextNormalizer.normalize).
//
// The header is read line by line from the top, the signature from the bottom, citations and
// companies in one pass over the text. When a header part is missing the extractor falls back on
// what the rest of the document says, in order of reliability:
//   issuer:  header lines → the agency code of the number (`/UBND-KGVX` + the place line's
//            province) → the signature's authority (`T/L BAN THƯỜNG VỤ`: the Party committee the
//            text names)
//   type:    type line → `V/v` (a công văn) → `Luật số:` → the type code of the number
//   date:    place-and-date line → the first date in the text
// A header table that a PDF printed after the first page's body is read where it stands
// (DisplacedHeader) when the top of the text names no body, number or place.

import Foundation

/// Reads a normalised text's header, signature block and citations into `DocumentMetadata`: number, type, issuer, date, signer, subject, references.
public struct MetadataExtractor: Sendable {
  public init() {}

  public func extract(from text: String) -> DocumentMetadata {
    var m = DocumentMetadata()
    let ft = FoldedText(text)
    // The header is at the top and the signature at the bottom; the middle of a text of more
    // lines than any official document has is not read (its citations are, from `ft`).
    let all = text.byteLines(limit: Self.maxLines)
    // A digital signature's visible text is the signing software's (SigningStamp).
    let lines = SigningStamp.removed(from: all[...], text: ft).map { $0[...] } ?? all[...]
    var header = HeaderParser.parse(lines)
    // A PDF can print the header table after the first page's body (DisplacedHeader).
    let mayConsolidate =
      text.utf8.withContiguousStorageIfAvailable({ UTF8Bytes.contains($0, Self.consolidationMark) }) ?? true
    if header.number == nil, header.agencyLines.isEmpty, !header.hasPlaceLine, !header.consolidated, !mayConsolidate,
      let block = DisplacedHeader.find(lines, under: header)
    {
      header.fill(from: block)
    }

    m.number = header.number
    m.date = header.date
    m.subject = header.subject
    // The type is printed (`THÔNG TƯ`, `Luật số:`) or a công văn's `V/v`; never guessed from the
    // symbol's letters: `CT` is Chỉ thị in `16/CT-TTg` but Cục Thuế in `81215/CT-TTHT`. A
    // summary spelt `Về việc` with no type line is a công văn too, unless the number's symbol
    // names a type (`45/QĐ-UBND`: its type line was lost, and no type beats a wrong one).
    let veViecDispatch = header.hasVeViec && !(header.number.map(DocumentTypes.symbolNamesAType) ?? false)
    m.type =
      header.typeLine ?? (header.hasVV ? "Công văn" : nil) ?? header.numberPrefixType
      ?? (veViecDispatch ? "Công văn" : nil)

    // A consolidated text (văn bản hợp nhất) heads itself with the original's type and title;
    // its own number, body and date stand in the header (Văn phòng Quốc hội) or in the closing
    // block after the text (a ministry's, in the Gazette). Its subject keeps the type word.
    // (Only a text that holds `/VBHN` somewhere can hold the block.)
    let closing = mayConsolidate ? ConsolidationBlock.find(lines) : nil
    if closing != nil || header.consolidated || header.number.map(Self.isConsolidationNumber) == true {
      if let t = header.typeLine, t != "Văn bản hợp nhất" {
        m.subject = header.subject.map { "\(t) \($0)" } ?? t
      }
      m.type = "Văn bản hợp nhất"
      if let c = closing {
        m.number = c.number
        if let d = c.date { m.date = d }
      }
    }

    // Issuer.
    var province: String?
    let isJoint =
      m.type == "Thông tư liên tịch" || m.type == "Nghị quyết liên tịch"
      || (m.number.map { n in
        let f = Array(ScalarText.fold(n).utf8)
        guard UTF8Bytes.find(f, Self.ttlt) != nil || UTF8Bytes.find(f, Self.nqlt) != nil else { return false }
        return Self.codes(of: n).type.map { ["ttlt", "nqlt"].contains(DocumentNumber.codeKey(Array($0.utf8))) } ?? false
      } ?? false)
    if let c = closing, let body = c.issuer {
      m.issuer = body
    } else if isJoint, let joint = IssuerParser.joint(fromHeaderLines: header.agencyLines) {
      m.issuer = joint
    } else if !header.agencyLines.isEmpty,
      let (issuer, parent) = IssuerParser.issuer(
        fromHeaderLines: header.agencyLines, placeProvince: header.placeProvince)
    {
      m.issuer = issuer.name
      m.parent = parent?.name
      province = issuer.province ?? parent?.province
    } else if let n = header.number, let code = Self.agencyCode(of: n), var issuer = IssuerParser.fromCode(code) {
      if let p = header.placeProvince { IssuerParser.complete(&issuer, with: p) }
      m.issuer = issuer.name
      province = issuer.province
    }

    if let k = header.recipientsLine { m.recipients = RecipientParser.parse(lines, start: k) }

    // Joint documents carry one block per body: the signer is the one for the body named first.
    let firstBody = header.agencyLines.first.map { line in
      let bytes = Array(line.utf8)
      let cut = UTF8Bytes.find(bytes, Self.jointSeparator) ?? bytes.count
      return Self.bodyTrimmer.trim(ScalarText.fold(String(decoding: bytes[..<cut], as: UTF8.self)))
    }
    let preferring = firstBody.flatMap { $0.isEmpty ? nil : $0 }
    let minutes = m.type == "Biên bản"
    // Blocks set in columns with spaces or tabs are read column by column (SignatureColumns);
    // two blocks side by side are read first on their own, as a pair.
    let recipientsApart = SignatureColumns.readingOrder(lines)
    let paired = SignatureColumns.sideBySide(recipientsApart?[...] ?? lines)
    var sig = Signature()
    if let paired {
      sig = SignatureParser.parse(
        paired.lines[paired.pair], preferring: preferring, minutes: minutes, rightColumn: paired.right)
    }
    // Else as the lines were; a pair whose chair's, first body's or right block was not read
    // gives no signer (not the left one's, an approver's or a counterpart's).
    if sig.signer == nil {
      sig =
        if let paired {
          SignatureParser.parse(
            (paired.lines[..<paired.pair.lowerBound] + paired.lines[paired.pair.upperBound...])[...],
            preferring: preferring, minutes: minutes)
        } else if let columns = recipientsApart {
          SignatureParser.parse(columns[...], preferring: preferring, minutes: minutes)
        } else {
          SignatureParser.parse(lines, preferring: preferring, minutes: minutes)
        }
    }
    m.signer = sig.signer
    m.signerTitle = sig.title

    if m.issuer == nil, let a = sig.authority, var issuer = Self.issuerFromAuthority(a, party: sig.partyAuthority, ft) {
      if issuer.province == nil, let p = header.placeProvince { IssuerParser.complete(&issuer, with: p) }
      m.issuer = issuer.name
      province = issuer.province
    }
    m.province = province

    // Without a place-and-date line: a law's closing `… thông qua ngày …`, else the first date of
    // the text outside `Căn cứ` lines and the Gazette's running heads.
    if m.date == nil, !header.hasPlaceLine {
      m.date = Self.passedDate(lines) ?? (header.number == nil ? Self.firstDate(lines) : nil)
    }

    let ownKey = m.number.map(DocumentNumber.keyOfCanonical)
    // Bounded, like the vocabulary: a real law cites a few hundred numbers; a made-up file of
    // 300,000 citations would make every read of its stored metadata slow.
    m.references = Array(ReferenceParser.parse(ft, ownKey: ownKey).prefix(Self.maxReferences))
    m.companies = CompanyParser.parse(ft.bytes)
    return m
  }

  /// Citations kept per document.
  static let maxReferences = 5_000

  /// Lines read per text: the first and last half of them. The longest of the 835 vn-legal
  /// texts, a decree with its annex tables, has 74,007.
  static let maxLines = 100_000

  // MARK: Fallbacks

  static let typeCodes: [String: String] = [
    "nq": "Nghị quyết", "qd": "Quyết định", "ct": "Chỉ thị", "tb": "Thông báo", "hd": "Hướng dẫn",
    "kh": "Kế hoạch", "cd": "Công điện", "bc": "Báo cáo", "ttr": "Tờ trình", "ctr": "Chương trình",
    "nd": "Nghị định", "tt": "Thông tư", "kl": "Kết luận", "qdi": "Quy định", "cv": "Công văn",
    "ttlt": "Thông tư liên tịch", "vbhn": "Văn bản hợp nhất", "pa": "Phương án", "da": "Đề án", "gm": "Giấy mời",
  ]

  /// The code groups of a canonical number: `585-TB/TU` → type `TB`, agencies `[TU]`;
  /// `/UBND-KGVX` → no type, `[UBND, KGVX]`; `15/2020/NĐ-CP` → type `NĐ`, `[CP]`.
  static func codes(of number: String) -> (type: String?, agencies: [String]) {
    let parts = number.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard let first = parts.first else { return (nil, []) }
    if first.contains("-"), first.first?.isNumber == true {  // Party: N-TYPE/AGENCY
      let t = first.split(separator: "-").dropFirst().first.map(String.init)
      let ag = parts.dropFirst().flatMap { $0.split(separator: "-").map(String.init) }
      return (t, ag)
    }
    // State: the last group holds the codes (after N and YYYY).
    guard let last = parts.last, last.first?.isNumber == false || parts.count == 1 else { return (nil, []) }
    let segs = last.split(separator: "-").map(String.init)
    if let s0 = segs.first, typeCodes[DocumentNumber.codeKey(Array(s0.utf8))] != nil, segs.count >= 2 {
      return (s0, Array(segs.dropFirst()))
    }
    return (nil, segs)
  }

  static func agencyCode(of number: String) -> String? { codes(of: number).agencies.first }

  /// From the signature's authority: a body written out (`TM. ỦY BAN NHÂN DÂN`), or for a Party
  /// organ (`T/L BAN THƯỜNG VỤ`) the committee the text names first (`Tỉnh ủy`, `Huyện ủy`…).
  static func issuerFromAuthority(_ authority: String, party: Bool, _ ft: FoldedText) -> IssuerName? {
    let fa = ScalarText.fold(authority)
    let organs = ["ban thuong vu", "thuong truc", "ban chap hanh"]
    if party || organs.contains(where: { fa.hasPrefix($0) }) {
      let committees: [(String, String, Bool)] = [
        ("tinh uy", "Tỉnh ủy", true), ("thanh uy", "Thành ủy", true), ("huyen uy", "Huyện ủy", false),
        ("dang uy", "Đảng ủy", false),
      ]
      var best: (Int, String, Bool, Int)?
      for (f, name, local) in committees {
        var from = 0
        while let k = ft.find(Array(f.utf8), from: from) {
          from = k + 1
          if UTF8Bytes.isASCIILetter(ft.folded, k - 1) || UTF8Bytes.isASCIILetter(ft.folded, k + f.utf8.count) {
            continue
          }
          if best == nil || k < best!.0 { best = (k, name, local, k + f.utf8.count) }
          break
        }
      }
      guard let (_, name, local, end) = best else { return nil }
      var n = IssuerName(name: name, province: nil, local: local, committee: true, dangling: false)
      // `Tỉnh ủy Vĩnh Phúc`: a province right after the committee word.
      let after = String(decoding: ft.folded[end..<min(ft.folded.count, end + 40)], as: UTF8.self)
      let words = after.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      if let (p, _) = Provinces.match(prefixOf: words[...]) {
        n.name += " \(p)"
        n.province = p
      }
      return n
    }
    let words = authority.split(separator: " ").map {
      IssuerParser.Word(text: String($0), folded: ScalarText.fold(String($0)))
    }
    let rendered = IssuerParser.render(words)
    if let body = CentralBodies.byFoldedName[DocumentTypes.compact(authority)] {
      return IssuerName(name: body.name, province: nil, local: false, committee: false, dangling: false)
    }
    guard rendered.local || rendered.province != nil else { return nil }
    return rendered
  }

  private static let bodyTrimmer = ScalarText.Trimmer(CharacterSet(charactersIn: " -"))
  private static let jointSeparator = Array(" - ".utf8)
  // Folded codes looked for before a number is split into its codes (`String.contains` is a
  // Foundation search, slower than the split it saves).
  private static let ttlt = Array("ttlt".utf8)
  private static let nqlt = Array("nqlt".utf8)
  private static let vbhn = Array("vbhn".utf8)
  private static let consolidationMark = Array("/VBHN".utf8)

  static func isConsolidationNumber(_ n: String) -> Bool {
    guard UTF8Bytes.find(Array(ScalarText.fold(n).utf8), vbhn) != nil else { return false }
    return codes(of: n).agencies.contains { DocumentNumber.codeKey(Array($0.utf8)) == "vbhn" }
      || n.split(separator: "/").contains { $0.hasPrefix("VBHN") }
  }

  /// `Luật này đã được Quốc hội … thông qua ngày 26 tháng 11 năm 2014`: the date a law or a
  /// resolution was passed, from its own closing line (`… này … thông qua ngày …`).
  static func passedDate(_ lines: ArraySlice<Substring>) -> PartialDate? {
    let cue = Array("thông qua".utf8)
    for i in lines.indices where lines[i].utf8.count > 12 {
      guard
        lines[i].utf8.withContiguousStorageIfAvailable({ UTF8Bytes.find($0, cue) })
          ?? UTF8Bytes.find(Array(lines[i].utf8), cue)
          != nil
      else { continue }
      // The closing sentence wraps: `Luật này đã được Quốc hội … khóa XIII,` / `kỳ họp thứ 8
      // thông qua ngày 26 tháng 11 năm 2014./.`
      var joined = i > lines.startIndex ? String(lines[i - 1]) + " " : ""
      joined += String(lines[i]) + (i + 1 < lines.endIndex ? " " + lines[i + 1] : "")
      let f = FoldedText(joined).folded
      guard let k = UTF8Bytes.find(f, Array("thong qua".utf8)),
        UTF8Bytes.find(Array(f[..<k]), Array(" nay ".utf8)) != nil
      else { continue }
      var p = k + 9
      p = UTF8Bytes.skipBlanks(f, p)
      if let (d, _) = PartialDate.parseLong(f, from: p) { return d }
    }
    return nil
  }

  /// The first full date in the text outside `Căn cứ` lines and the Gazette's running heads.
  static func firstDate(_ lines: ArraySlice<Substring>) -> PartialDate? {
    for line in lines.prefix(400) where line.utf8.count >= 8 {
      let f = FoldedText(String(line)).folded
      var s = 0
      while s < f.count, UTF8Bytes.isBlank(f[s]) { s += 1 }
      let start = f[s...]
      if start.starts(with: Array("can cu".utf8)) || start.starts(with: Array("cong bao".utf8)) { continue }
      if let d = firstDate(f) { return d }
    }
    return nil
  }

  /// The first full date in the text (`ngày 19/8/2021`, `19/8/2021`, `ngày 19 tháng 8 năm 2021`).
  static func firstDate(_ f: [UInt8]) -> PartialDate? {
    var i = 0
    while i < f.count {
      let c = f[i]
      if c >= 0x30 && c <= 0x39 {
        if let (d, _) = PartialDate.parseShort(f, from: i), !UTF8Bytes.isASCIILetter(f, i - 1) { return d }
        while i < f.count, f[i] >= 0x30 && f[i] <= 0x39 { i += 1 }
        continue
      }
      if c == 0x6E, UTF8Bytes.hasWord(f, i, "ngay"), let (d, _) = PartialDate.parseLong(f, from: i), d.day != nil {
        return d
      }
      i += 1
    }
    return nil
  }
}
