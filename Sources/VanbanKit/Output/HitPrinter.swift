// Printers turn a SearchResult into text. They see only plain values (SearchHit, Facets), never
// Xapian, so other programs can reuse them — as ripgrep's printers are a library.

import Foundation

/// The output formats of hit lists: text, JSON, JSON lines and CSV.
public enum OutputFormat: String, CaseIterable, Sendable {
  case text, json, jsonl, csv
}

/// How hits are printed: format, colour, context lines, and which fields.
public struct PrintOptions: Sendable {
  public var format: OutputFormat = .text
  /// Bold matches and colour (text on a terminal, without NO_COLOR).
  public var color = false
  /// JSON/CSV columns to keep (`--fields`); empty = all.
  public var fields: [String] = []
  /// CSV starts with a UTF-8 BOM so Excel reads Vietnamese correctly.
  public var bom = true
  /// `--context N`: lines of the document around each match (text output).
  public var context: Int? = nil
  /// `refs --lines N`: citing lines shown per hit in text output (all when nil); JSON, JSONL and
  /// CSV always carry all of them.
  public var citationLines: Int? = nil
  public init() {}

  /// The error for the first of `fields` that this format's output does not have, nil when all
  /// are known; `spelled` is how the caller names the option (`--fields`, `fields`). The CLI and
  /// the server refuse the same fields.
  public func unknownFieldMessage(spelled: String) -> String? {
    let known = HitPrinter.fieldNames(for: format)
    guard let unknown = fields.first(where: { !known.contains($0) }) else { return nil }
    return "\(spelled): no field `\(unknown)` in \(format) output (fields: \(known.joined(separator: ", ")))"
  }
}

/// Renders a `SearchResult` in the chosen `OutputFormat`.
public enum HitPrinter {
  /// The fields `--fields` may name for `format`: the hit's JSON keys, or the CSV columns (with
  /// `refs`' citation columns).
  public static func fieldNames(for format: OutputFormat) -> [String] {
    format == .csv ? CSVPrinter.columns + CSVPrinter.citationColumns : SearchHit.fieldNames
  }

  /// The whole answer as one string (the CLI writes it to stdout).
  public static func render(_ r: SearchResult, _ o: PrintOptions, contextTexts: [String: String] = [:]) throws -> String
  {
    switch o.format {
    case .json: return try JSONPrinter.render(r, o) + "\n"
    case .jsonl: return try JSONLinesPrinter.render(r, o)
    case .csv: return CSVPrinter.render(r, o)
    case .text: return TextPrinter.render(r, o, contextTexts: contextTexts)
    }
  }
}

enum JSONPrinter {
  static func render(_ r: SearchResult, _ o: PrintOptions) throws -> String {
    let env = WireFormat.Envelope(
      query: r.query, total: r.total, totalExact: r.totalExact, offset: r.offset, limit: r.limit, relaxed: r.relaxed,
      suggestion: r.suggestion,
      notes: r.notes, facets: r.facets, facetsExact: r.facetsExact, timedOut: r.timedOut, hits: r.hits)
    if o.fields.isEmpty { return try WireFormat.json(env) }
    // With --fields: rebuild the hits as restricted objects.
    let data = try WireFormat.encoder(pretty: false).encode(env)
    var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    object["hits"] = try r.hits.map { try WireFormat.restrict($0, to: o.fields) }
    let out = try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return WireFormat.text(ofJSON: out)
  }
}

enum JSONLinesPrinter {
  static func render(_ r: SearchResult, _ o: PrintOptions) throws -> String {
    var out = ""
    for h in r.hits {
      if o.fields.isEmpty {
        out += try WireFormat.json(h, pretty: false)
      } else {
        let d = try JSONSerialization.data(
          withJSONObject: try WireFormat.restrict(h, to: o.fields), options: [.sortedKeys, .withoutEscapingSlashes])
        out += WireFormat.text(ofJSON: d)
      }
      out += "\n"
    }
    return out
  }
}
