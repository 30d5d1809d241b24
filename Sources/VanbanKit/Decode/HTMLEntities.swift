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
      "Dstrok": "Đ", "dstrok": "đ", "Ocirc": "Ô", "ohorn": "ơ", "Ohorn": "Ơ", "uhorn": "ư", "Uhorn": "Ư",
      "Abreve": "Ă", "abreve": "ă", "Itilde": "Ĩ", "itilde": "ĩ", "Utilde": "Ũ", "utilde": "ũ",
      "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
    ]
    // Latin-1 letters by their entity names.
    let latin1: [(String, UInt32)] = [
      ("Agrave", 0xC0), ("Aacute", 0xC1), ("Acirc", 0xC2), ("Atilde", 0xC3), ("Auml", 0xC4), ("Aring", 0xC5),
      ("AElig", 0xC6), ("Ccedil", 0xC7), ("Egrave", 0xC8), ("Eacute", 0xC9), ("Ecirc", 0xCA), ("Euml", 0xCB),
      ("Igrave", 0xCC), ("Iacute", 0xCD), ("Icirc", 0xCE), ("Iuml", 0xCF), ("ETH", 0xD0), ("Ntilde", 0xD1),
      ("Ograve", 0xD2), ("Oacute", 0xD3), ("Otilde", 0xD5), ("Ouml", 0xD6), ("Oslash", 0xD8),
      ("Ugrave", 0xD9), ("Uacute", 0xDA), ("Ucirc", 0xDB), ("Uuml", 0xDC), ("Yacute", 0xDD), ("THORN", 0xDE),
      ("szlig", 0xDF),
    ]
    for (name, v) in latin1 {
      m[name] = String(Unicode.Scalar(v)!)
      if name != "szlig" {
        let lower = name == "ETH" ? "eth" : name == "THORN" ? "thorn" : name == "AElig" ? "aelig" : name.prefix(1).lowercased() + name.dropFirst()
        m[lower] = String(Unicode.Scalar(v + 0x20)!)
      }
    }
    m["yuml"] = "ÿ"
    return m
  }()

  /// Names that browsers accept without the final `;`.
  static let legacyNoSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

  /// `text` with character references replaced; anything that is not a valid reference stays as written.
  static func decode(_ text: String) -> String {
    guard PlainTextDecoder.containsByte(text, UInt8(ascii: "&")) else { return text }
    let s = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(s.count)
    var i = 0
    while i < s.count {
      guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
      var j = i + 1
      if j < s.count, s[j] == "#" {
        j += 1
        var hex = false
        if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
        var value: UInt32 = 0
        let digitsStart = j
        while j < s.count, j - digitsStart < 8, let d = digit(s[j], hex: hex) {
          value = value * (hex ? 16 : 10) + d
          j += 1
        }
        if j > digitsStart {
          if j < s.count, s[j] == ";" { j += 1 }
          out.append(scalar(forReference: value))
          i = j
          continue
        }
      } else {
        var name = ""
        while j < s.count, j - i <= 10, s[j].properties.isASCIIHexDigit || ("a"..."z").contains(s[j]) || ("A"..."Z").contains(s[j]) || ("0"..."9").contains(s[j]) {
          name.unicodeScalars.append(s[j])
          j += 1
        }
        if j < s.count, s[j] == ";", let r = named[name] {
          out.append(contentsOf: r.unicodeScalars)
          i = j + 1
          continue
        }
        if legacyNoSemicolon.contains(name), let r = named[name] {
          out.append(contentsOf: r.unicodeScalars)
          i = j
          continue
        }
      }
      out.append("&")
      i += 1
    }
    return String(out)
  }

  private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
    switch c.value {
    case 0x30...0x39: return c.value - 0x30
    case 0x61...0x66 where hex: return c.value - 0x61 + 10
    case 0x41...0x46 where hex: return c.value - 0x41 + 10
    default: return nil
    }
  }

  /// The character a numeric reference stands for; C1 code points are read as Windows-1252, as browsers do.
  private static func scalar(forReference v: UInt32) -> Unicode.Scalar {
    if (0x80...0x9F).contains(v) { return Unicode.Scalar(UInt32(Windows1252.c1[Int(v - 0x80)]))! }
    if v == 0 { return "\u{FFFD}" }
    return Unicode.Scalar(v) ?? "\u{FFFD}"
  }
}
