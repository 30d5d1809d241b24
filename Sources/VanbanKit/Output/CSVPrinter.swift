// CSV for Excel, which is what clerks open results in: a UTF-8 BOM (Excel guesses a legacy code

import Foundation

// page without it and garbles Vietnamese), RFC 4180 quoting, lists joined with "; ".

enum CSVPrinter {
  static let columns = [
    "rank", "id", "path", "score", "type", "number", "issuer", "province", "date", "subject", "signer",
    "signer_title", "recipients", "references", "companies", "snippet", "copies", "ocr",
  ]
  /// `refs` (and `--ref`) add where each hit cites the number: its line numbers and the dates
  /// written beside them, in the same order, joined with "; " (a date left blank when none).
  static let citationColumns = ["citation_lines", "citation_dates"]

  static func render(_ r: SearchResult, _ o: PrintOptions) -> String {
    let all = columns + (r.citing ? citationColumns : [])
    let cols = o.fields.isEmpty ? all : o.fields.filter { all.contains($0) }
    var out = o.bom ? "\u{FEFF}" : ""
    out += cols.joined(separator: ",") + "\r\n"
    for h in r.hits {
      out += cols.map { quote(value(h, $0)) }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  static func value(_ h: SearchHit, _ column: String) -> String {
    switch column {
    case "rank": return String(h.rank)
    case "id": return h.id
    case "path": return h.path
    case "score": return String((h.score * 1000).rounded() / 1000)
    case "type": return h.type ?? ""
    case "number": return h.number ?? ""
    case "issuer": return h.issuer ?? ""
    case "province": return h.province ?? ""
    case "date": return h.date ?? ""
    case "subject": return h.subject ?? ""
    case "signer": return h.signer ?? ""
    case "signer_title": return h.signerTitle ?? ""
    case "recipients": return h.recipients.joined(separator: "; ")
    case "references": return h.references.joined(separator: "; ")
    case "companies": return h.companies.joined(separator: "; ")
    case "copies": return h.copies.map(\.path).joined(separator: "; ")
    case "ocr": return h.ocr ? "true" : "false"
    case "citation_lines": return (h.citations ?? []).map { String($0.line) }.joined(separator: "; ")
    case "citation_dates": return (h.citations ?? []).map { $0.date ?? "" }.joined(separator: "; ")
    case "snippet":
      return h.snippet.replacingOccurrences(of: Snippet.open, with: "").replacingOccurrences(
        of: Snippet.close, with: "")
    default: return ""
    }
  }

  /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes; control
  /// characters (but tab, line feed and carriage return) escaped as `\xHH`. A leading
  /// `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` so Excel never runs document text as a
  /// formula (it skips a leading tab or carriage return before looking for `=`).
  static func quote(_ s: String) -> String {
    // Control characters from documents are shown escaped, as in text output: a CSV piped to a
    // terminal must not drive it.
    var v = ControlEscapes.escape(s, keeping: "\r")
    if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { v = "'" + v }
    // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
