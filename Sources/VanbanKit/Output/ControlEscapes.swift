// Document text is untrusted: a subject, a file name or a line of a document can hold ESC and
// other control characters that would drive the user's terminal (move the cursor, rewrite the
// title, hide text). Text output shows them as visible escapes instead; JSON already escapes them.

/// Makes untrusted strings safe to write to a terminal.
public enum ControlEscapes {
  /// Whether `u` is shown escaped: C0 controls except tab and line feed, DEL, and C1 controls.
  @inline(__always) public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
  }

  /// `s` with every unsafe control character written as `\xHH` (ESC becomes `\x1b`).
  /// `kept` are left as they are (CSV keeps a cell's carriage returns).
  public static func escape(_ s: String, keeping kept: Unicode.Scalar? = nil) -> String {
    guard s.unicodeScalars.contains(where: { isUnsafe($0) && $0 != kept }) else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      guard isUnsafe(u), u != kept else { out.append(u); continue }
      let hex = String(u.value, radix: 16)
      out.append(contentsOf: ("\\x" + (hex.count < 2 ? "0" + hex : hex)).unicodeScalars)
    }
    return String(out)
  }

  /// `s` with every unsafe control character escaped, also keeping it on one line (for
  /// `path: reason` lines, where a newline in a file name would forge another line).
  public static func escapeLine(_ s: String) -> String {
    escape(s).replacingOccurrences(of: "\n", with: "\\n")
  }
}
