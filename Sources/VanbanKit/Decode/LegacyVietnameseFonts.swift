/// The two legacy Vietnamese font encodings that were common before Unicode: TCVN3 (ABC, fonts `.VnTime`,
/// `.VnArial`...) and VNI-Windows (fonts `VNI-Times`...).

/// TCVN 5712:1993 (VN1), of which TCVN3/ABC is the subset that the `.VnTime` fonts use.
///
/// Table source: glibc's charmap `/usr/share/i18n/charmaps/TCVN5712-1` (also libiconv's `tcvn.h`), generated
/// from it byte by byte. Lowercase letters sit in 0xA8-0xFE (ă â ê ô ơ ư đ at 0xA8-0xAE, toned vowels after),
/// uppercase base letters Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7, the full VN1 adds toned capitals in 0x80-0x9F and in the
/// C0 control range (0x01 Ú, 0x02 Ụ, 0x04-0x06 Ừ Ử Ữ, 0x11-0x17 Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ), and 0xB0-0xB4 are combining
/// tone marks. Text typed in the all-caps `.VnTimeH` fonts uses the lowercase codes and so decodes lowercase.
enum TCVN3 {
  static let table: [UInt16] = [
    0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007,  // 0x00
    0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,  // 0x08
    0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4,  // 0x10
    0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,  // 0x18
    0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,  // 0x20
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,  // 0x28
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,  // 0x30
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,  // 0x38
    0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,  // 0x40
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,  // 0x48
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,  // 0x50
    0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,  // 0x58
    0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,  // 0x60
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,  // 0x68
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,  // 0x70
    0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,  // 0x78
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8
  ]

  /// The C0 bytes that are letters in TCVN3 rather than control characters.
  static let controlLetters: Set<UInt8> = [0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]

  static func decode(_ bytes: some Collection<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for b in bytes { scalars.append(Unicode.Scalar(UInt32(table[Int(b)]))!) }
    return String(scalars).precomposedStringWithCanonicalMapping
  }
}

/// VNI-Windows: an accented vowel is its ASCII base letter followed by one "mark" byte that, in a Latin-1
/// font, looks like an accented letter (`Vieät` = `Việt`, `ngöôøi` = `người`); ơ ư đ, the i variants and ỵ
/// are single bytes. Capitals use the capital form of the mark byte (`VIEÄT`).
///
/// Table source: the VNI table of xvnkb (Dao Hai Lam, `vni.h`, lamdao/xvnkb on GitHub), the same as the one
/// in UniKey's charset converter: for each vowel, 5 tones, then circumflex + 5 tones, then breve + 5 tones.
enum VNI {
  /// Tone marks after a base vowel (lower and upper case bytes).
  /// ù/Ù acute, ø/Ø grave, û/Û hook above, õ/Õ tilde, ï/Ï dot below.
  static let tone: [UInt8: Unicode.Scalar] = [
    0xF9: "\u{301}", 0xD9: "\u{301}",
    0xF8: "\u{300}", 0xD8: "\u{300}",
    0xFB: "\u{309}", 0xDB: "\u{309}",
    0xF5: "\u{303}", 0xD5: "\u{303}",
    0xEF: "\u{323}", 0xCF: "\u{323}",
  ]
  /// Circumflex (â ê ô), alone or with a tone: â/Â, á/Á acute, à/À grave, å/Å hook, ã/Ã tilde, ä/Ä dot.
  static let circumflex: [UInt8: Unicode.Scalar?] = [
    0xE2: nil, 0xC2: nil,
    0xE1: "\u{301}", 0xC1: "\u{301}",
    0xE0: "\u{300}", 0xC0: "\u{300}",
    0xE5: "\u{309}", 0xC5: "\u{309}",
    0xE3: "\u{303}", 0xC3: "\u{303}",
    0xE4: "\u{323}", 0xC4: "\u{323}",
  ]
  /// Breve (ă), alone or with a tone: ê/Ê, é/É acute, è/È grave, ú/Ú hook, ü/Ü tilde, ë/Ë dot.
  static let breve: [UInt8: Unicode.Scalar?] = [
    0xEA: nil, 0xCA: nil,
    0xE9: "\u{301}", 0xC9: "\u{301}",
    0xE8: "\u{300}", 0xC8: "\u{300}",
    0xFA: "\u{309}", 0xDA: "\u{309}",
    0xFC: "\u{303}", 0xDC: "\u{303}",
    0xEB: "\u{323}", 0xCB: "\u{323}",
  ]
  /// Letters that are one byte: ơ ư (which then take tone marks), đ, and i/y variants that carry their tone.
  static let single: [UInt8: String] = [
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xED: "í", 0xCD: "Í", 0xEC: "ì", 0xCC: "Ì", 0xE6: "ỉ", 0xC6: "Ỉ",
    0xF3: "ĩ", 0xD3: "Ĩ", 0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ",
  ]

  static func decode(_ bytes: some Collection<UInt8>) -> String {
    let bytes = Array(bytes)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      var base: String
      var takesCircumflex = false, takesBreve = false, takesTone = false
      switch b {
      case UInt8(ascii: "a"), UInt8(ascii: "A"):
        base = String(UnicodeScalar(b)); takesCircumflex = true; takesBreve = true; takesTone = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "o"), UInt8(ascii: "O"):
        base = String(UnicodeScalar(b)); takesCircumflex = true; takesTone = true
      case UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "y"), UInt8(ascii: "Y"):
        base = String(UnicodeScalar(b)); takesTone = true
      case 0xF4, 0xD4, 0xF6, 0xD6:
        base = single[b]!; takesTone = true
      default:
        if let s = single[b] {
          out.append(contentsOf: s.unicodeScalars)
        } else {
          out.append(Windows1252.decode(CollectionOfOne(b)).unicodeScalars.first!)
        }
        continue
      }
      if i < bytes.count {
        let m = bytes[i]
        if takesTone, let t = tone[m] {
          base.unicodeScalars.append(t); i += 1
        } else if takesCircumflex, let t = circumflex[m] {
          base.unicodeScalars.append("\u{302}"); if let t { base.unicodeScalars.append(t) }; i += 1
        } else if takesBreve, let t = breve[m] {
          base.unicodeScalars.append("\u{306}"); if let t { base.unicodeScalars.append(t) }; i += 1
        }
      }
      out.append(contentsOf: base.unicodeScalars)
    }
    return String(out).precomposedStringWithCanonicalMapping
  }
}
