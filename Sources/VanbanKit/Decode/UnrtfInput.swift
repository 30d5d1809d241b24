// The RTF that unrtf is given: the file with two kinds of escape rewritten, everything else kept
// byte for byte. Not an RTF reader: unrtf does the reading; this only steps over control words
// to find the two escapes that unrtf 0.21 garbles.
//
// - `\'xx` under `\ansicpg1258`: unrtf converts it one byte at a time through glibc's iconv,
//   whose CP1258 decoder holds each letter back to wait for a tone mark, so letters come out late
//   and the spaces after them not at all (`Cong ty` came out `Congty`). Each becomes `\uN\'3f`,
//   N from the code page table, and the file is declared 1252, which unrtf reads correctly.
// - `\uN` followed by a literal fallback character (`Vi\u7879?t`): unrtf drops the rest of the
//   word after it (`Vi&#7879;`). The fallback becomes `\'3f`, which unrtf skips as RTF says.

enum UnrtfInput {
  static func prepare(_ rtf: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(rtf.count + rtf.count / 8)
    var cp1258 = false
    var fallbackChars = 1  // \ucN: characters after \uN that a Unicode reader skips
    var pendingFallback = 0
    var i = 0
    let n = rtf.count
    func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func hex(_ b: UInt8) -> UInt8? {
      switch b {
      case 0x30...0x39: return b - 0x30
      case 0x61...0x66: return b - 0x61 + 10
      case 0x41...0x46: return b - 0x41 + 10
      default: return nil
      }
    }
    while i < n {
      let b = rtf[i]
      if b != 0x5C {  // not a backslash
        if pendingFallback > 0 && b != 0x7B && b != 0x7D && b != 0x0D && b != 0x0A {
          out += Array("\\'3f".utf8)
          pendingFallback -= 1
        } else {
          if b == 0x7B || b == 0x7D { pendingFallback = 0 }
          out.append(b)
        }
        i += 1
        continue
      }
      // `\'xx`: a byte in the code page.
      if i + 3 < n, rtf[i + 1] == 0x27, let hi = hex(rtf[i + 2]), let lo = hex(rtf[i + 3]) {
        if pendingFallback > 0 {
          pendingFallback -= 1
          out += rtf[i..<i + 4]
        } else if cp1258 && hi >= 8 {
          let scalar = Windows1258.high[Int(hi << 4 | lo) - 0x80]
          out += Array("\\u\(Int16(bitPattern: scalar))\\'3f".utf8)
        } else {
          out += rtf[i..<i + 4]
        }
        i += 4
        continue
      }
      // A control word: letters, an optional signed number, an optional space.
      var j = i + 1
      while j < n && isLetter(rtf[j]) { j += 1 }
      if j == i + 1 {  // a control symbol (`\\`, `\{`, `\~`): one character
        if pendingFallback > 0 { pendingFallback -= 1 }
        out += rtf[i..<min(n, i + 2)]
        i += 2
        continue
      }
      let word = String(decoding: rtf[i + 1..<j], as: UTF8.self)
      let numberStart = j
      if j < n && rtf[j] == 0x2D { j += 1 }
      while j < n && isDigit(rtf[j]) { j += 1 }
      let number = Int(String(decoding: rtf[numberStart..<j], as: UTF8.self))
      if j < n && rtf[j] == 0x20 { j += 1 }
      switch word {
      case "ansicpg" where number == 1258:
        cp1258 = true
        out += Array("\\ansicpg1252 ".utf8)
      case "uc":
        fallbackChars = max(0, number ?? 1)
        out += rtf[i..<j]
      case "u" where number != nil:
        out += rtf[i..<j]
        pendingFallback = fallbackChars
      case "bin" where (number ?? 0) > 0:
        // Raw bytes follow: copied as they are. The count is the file's word: `\\bin` with a
        // number near Int.max overflowed `j + number` and killed the run.
        let end = number! >= n - j ? n : j + number!
        out += rtf[i..<end]
        j = end
      default:
        if pendingFallback > 0 { pendingFallback -= 1 }
        out += rtf[i..<j]
      }
      i = j
    }
    return out
  }
}
