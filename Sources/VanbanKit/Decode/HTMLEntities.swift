/// HTML character references: numeric (`&#7879;`, `&#x1EC7;`) and the named ones that occur in Vietnamese
/// pages (all Latin-1 letters, which old editors used for `&agrave;`-style Vietnamese, plus common punctuation).
enum HTMLEntities {
  static let named: [String: String] = {
    var m: [String: String] = [
      "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
      "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "minus": "−",
      "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»",
      "lsaquo": "‹", "rsaquo": "›", "bull": "•", "middot": "·", "deg": "°", "times": "×", "divide": "÷",
      "euro": "€", "sect": "§", "para": "¶", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾",
      "sup1": "¹", "sup2": "²", "sup3": "³", "ordf": "ª", "ordm": "º", "iexcl": "¡", "iquest": "¿", "cent": "¢",
      "pound": "£", "yen": "¥", "curren": "¤", "brvbar": "¦", "uml": "¨", "not": "¬", "shy": "\u{AD}", "macr": "¯",
      "acute": "´", "micro": "µ", "cedil": "¸", "dagger": "†", "Dagger": "‡", "permil": "‰", "prime": "′",
      "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
      "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "le": "≤", "ge": "≥", "ne": "≠",
      "Dstrok": "Đ", "dstrok": "đ", "ohorn": "ơ", "Ohorn": "Ơ", "uhorn": "ư", "Uhorn": "Ư",
      "Abreve": "Ă", "abreve": "ă", "Itilde": "Ĩ", "itilde": "ĩ", "Utilde": "Ũ", "utilde": "ũ",
      "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
    ]
    // Latin-1 letters by their entity names.
    let latin1: [(String, UInt32)] = [
      ("Agrave", 0xC0), ("Aacute", 0xC1), ("Acirc", 0xC2), ("Atilde", 0xC3), ("Auml", 0xC4), ("Aring", 0xC5),
      ("AElig", 0xC6), ("Ccedil", 0xC7), ("Egrave", 0xC8), ("Eacute", 0xC9), ("Ecirc", 0xCA), ("Euml", 0xCB),
      ("Igrave", 0xCC), ("Iacute", 0xCD), ("Icirc", 0xCE), ("Iuml", 0xCF), ("ETH", 0xD0), ("Ntilde", 0xD1),
      ("Ograve", 0xD2), ("Oacute", 0xD3), ("Ocirc", 0xD4), ("Otilde", 0xD5), ("Ouml", 0xD6), ("Oslash", 0xD8),
      ("Ugrave", 0xD9), ("Uacute", 0xDA), ("Ucirc", 0xDB), ("Uuml", 0xDC), ("Yacute", 0xDD), ("THORN", 0xDE),
      ("szlig", 0xDF),
    ]
    for (name, v) in latin1 {
      m[name] = String(Unicode.Scalar(v)!)
      if name != "szlig" {
        let lower =
          name == "ETH"
          ? "eth"
          : name == "THORN" ? "thorn" : name == "AElig" ? "aelig" : name.prefix(1).lowercased() + name.dropFirst()
        m[lower] = String(Unicode.Scalar(v + 0x20)!)
      }
    }
    m["yuml"] = "ÿ"
    return m
  }()

  /// Names that browsers accept without the final `;`.
  static let legacyNoSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

  /// `text` with character references replaced; anything that is not a valid reference stays as written.
  /// Works on UTF-8 bytes into a byte buffer: linear, where appending each replacement to a String
  /// copied the string again (25 MB of `&amp;` took minutes).
  static func decode(_ text: String) -> String {
    guard PlainTextDecoder.containsByte(text, UInt8(ascii: "&")) else { return text }
    let s = Array(text.utf8)
    let n = s.count
    var out: [UInt8] = []
    out.reserveCapacity(n)
    var i = 0
    while i < n {
      guard s[i] == UInt8(ascii: "&") else { out.append(s[i]); i += 1; continue }
      var j = i + 1
      if j < n, s[j] == UInt8(ascii: "#") {
        j += 1
        var hex = false
        if j < n, s[j] == UInt8(ascii: "x") || s[j] == UInt8(ascii: "X") { hex = true; j += 1 }
        var value: UInt32 = 0
        let digitsStart = j
        while j < n, j - digitsStart < 8, let d = digit(s[j], hex: hex) {
          value = value * (hex ? 16 : 10) + d
          j += 1
        }
        if j > digitsStart {
          if j < n, s[j] == UInt8(ascii: ";") { j += 1 }
          UTF8.encode(scalar(forReference: value)) { out.append($0) }
          i = j
          continue
        }
      } else {
        while j < n, j - i <= 10, isASCIIAlphanumeric(s[j]) { j += 1 }
        if j > i + 1 {
          let name = String(decoding: s[(i + 1)..<j], as: UTF8.self)
          if j < n, s[j] == UInt8(ascii: ";"), let r = named[name] {
            out.append(contentsOf: r.utf8)
            i = j + 1
            continue
          }
          if legacyNoSemicolon.contains(name), let r = named[name] {
            out.append(contentsOf: r.utf8)
            i = j
            continue
          }
        }
      }
      out.append(UInt8(ascii: "&"))
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }

  private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
    let v = UInt32(c)
    switch v {
    case 0x30...0x39: return v - 0x30
    case 0x61...0x66 where hex: return v - 0x61 + 10
    case 0x41...0x46 where hex: return v - 0x41 + 10
    default: return nil
    }
  }

  /// The character a numeric reference stands for; C1 code points are read as Windows-1252, as browsers do.
  /// Control characters (`&#27;` is ESC) become a space: they are never text, and written as references
  /// they would get past the binary-file check and into the index and the terminal.
  private static func scalar(forReference v: UInt32) -> Unicode.Scalar {
    if (0x80...0x9F).contains(v) { return safe(Unicode.Scalar(UInt32(Windows1252.c1[Int(v - 0x80)]))!) }
    if v == 0 { return "\u{FFFD}" }
    return safe(Unicode.Scalar(v) ?? "\u{FFFD}")
  }

  private static func safe(_ u: Unicode.Scalar) -> Unicode.Scalar {
    u.value == 0x0D || u.value == 0x0C || !ControlEscapes.isUnsafe(u) ? u : " "
  }
}
