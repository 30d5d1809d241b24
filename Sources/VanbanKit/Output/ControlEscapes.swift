// Document text is untrusted: a subject, a file name or a line of a document can hold ESC and
// other control characters that would drive the user's terminal (move the cursor, rewrite the
// title, hide text). Text output shows them as visible escapes instead; JSON already escapes them.
// Bidirectional overrides and isolates drive no terminal but reorder what it shows: a name
// holding U+202E prints the rest of its line backwards (`hóa đơn\u{202E}fdp.exe` reads as
// `hóa đơnexe.pdf`), so text output shows them escaped too.

/// Makes untrusted strings safe to write to a terminal.
public enum ControlEscapes {
  /// Whether `u` is shown escaped: C0 controls except tab and line feed, DEL, and C1 controls.
  @inline(__always) public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
  }

  /// Whether `u` can turn the text after it right to left: the right-to-left embedding and
  /// override (U+202B, U+202E) and isolates (U+2067, and U+2068, which follows its first strong
  /// letter). The left-to-right ones and their terminators (U+202A, U+202C, U+2066, U+2069),
  /// which Word puts around pasted phone numbers, change nothing in Vietnamese text and are
  /// left alone, like the marks (U+200E, U+200F).
  @inline(__always) public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x202B, 0x202E, 0x2067, 0x2068: return true
    default: return false
    }
  }

  /// `s` with every unsafe control character written as `\xHH` (ESC becomes `\x1b`), and every
  /// bidirectional control as `\uHHHH` (`\u202e`). `kept` are left as they are (CSV keeps a
  /// cell's carriage returns).
  public static func escape(_ s: String, keeping kept: Unicode.Scalar? = nil) -> String {
    func shown(_ u: Unicode.Scalar) -> Bool { u == kept || !(isUnsafe(u) || isBidiControl(u)) }
    guard !s.unicodeScalars.allSatisfy(shown) else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      guard !shown(u) else { out.append(u); continue }
      let hex = String(u.value, radix: 16)
      let escaped = u.value > 0xFF ? "\\u" + hex : "\\x" + (hex.count < 2 ? "0" + hex : hex)
      out.append(contentsOf: escaped.unicodeScalars)
    }
    return String(out)
  }

  /// `s` with every unsafe control character escaped, also keeping it on one line (for
  /// `path: reason` lines, where a newline in a file name would forge another line).
  public static func escapeLine(_ s: String) -> String {
    escape(s).replacingOccurrences(of: "\n", with: "\\n")
  }
}
