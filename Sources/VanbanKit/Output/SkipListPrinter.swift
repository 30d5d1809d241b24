// `vanban skipped`: the files not indexed, with why, as text, JSON or CSV (for a clerk to work
// through in Excel, so with the same BOM and quoting as the search export).

import Foundation

/// Renders the list of files not indexed (`Searcher.skipped()`).
public enum SkipListPrinter {
  /// The CSV columns, and each JSON entry's keys: `reason` is the stable `SkipReason` raw value,
  /// `label` its plain words, `detail` what the reader said.
  public static let columns = ["path", "reason", "label", "detail"]

  struct Entry: Encodable {
    var path: String
    var reason: String
    var label: String
    var detail: String
  }

  struct List: Encodable {
    var version = WireFormat.version
    var total: Int
    var files: [Entry]
  }

  static func entries(_ records: [SkipRecord]) -> [Entry] {
    records.map { Entry(path: $0.path, reason: $0.reason.rawValue, label: $0.reason.label, detail: $0.detail) }
  }

  /// `{"version": 1, "total": N, "files": [{path, reason, label, detail}]}`.
  public static func json(_ records: [SkipRecord], pretty: Bool = true) throws -> String {
    try WireFormat.json(List(total: records.count, files: entries(records)), pretty: pretty)
  }

  /// One row per file under a header, CRLF line ends, a UTF-8 BOM unless `bom` is false.
  public static func csv(_ records: [SkipRecord], bom: Bool = true) -> String {
    var out = bom ? "\u{FEFF}" : ""
    out += columns.joined(separator: ",") + "\r\n"
    for e in entries(records) {
      out += [e.path, e.reason, e.label, e.detail].map(CSVPrinter.quote).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// `path: label (detail)` per file, then the count; control characters escaped.
  public static func text(_ records: [SkipRecord]) -> String {
    var out = ""
    for r in records {
      var line = ControlEscapes.escapeLine(r.path) + ": "
      // The reader's words when they start with the reason (`damaged: not a Word document`).
      if r.detail == r.reason.label || r.detail.hasPrefix(r.reason.label + ":") {
        line += ControlEscapes.escapeLine(r.detail)
      } else {
        line += r.reason.label + " (" + ControlEscapes.escapeLine(r.detail) + ")"
      }
      out += line + "\n"
    }
    out += "\(records.count) file\(records.count == 1 ? "" : "s") not indexed\n"
    return out
  }
}
