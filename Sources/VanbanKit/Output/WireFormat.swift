// The JSON wire format (`--format json`), versioned like notmuch's: additive changes keep the
// version; a key removed or changed in meaning bumps it. Every key is documented in README.md.
//
//   { "version": 1, "query": "…", "total": N, "totalExact": true, "offset": 0, "limit": 10, "relaxed": false,
//     "suggestion": null, "notes": [], "facets": {…} | null,
//     "facetsExact": true, "timedOut": false, "hits": [SearchHit…] }

import Foundation

/// The JSON wire format shared by every command and the server; `version` changes when a key is removed or changes meaning.
public enum WireFormat {
  public static let version = 1

  struct Envelope: Encodable {
    var version = WireFormat.version
    var query: String
    var total: Int
    var totalExact: Bool
    var offset: Int
    var limit: Int
    var relaxed: Bool
    var suggestion: String?
    var notes: [String]
    var facets: Facets?
    var facetsExact: Bool
    var timedOut: Bool
    var hits: [SearchHit]

    func encode(to encoder: Encoder) throws {
      enum K: String, CodingKey {
        case version, query, total, totalExact, offset, limit, relaxed, suggestion, notes, facets, facetsExact,
          timedOut, hits
      }
      var c = encoder.container(keyedBy: K.self)
      try c.encode(version, forKey: .version)
      try c.encode(query, forKey: .query)
      try c.encode(total, forKey: .total)
      try c.encode(totalExact, forKey: .totalExact)
      try c.encode(offset, forKey: .offset)
      try c.encode(limit, forKey: .limit)
      try c.encode(relaxed, forKey: .relaxed)
      try c.encode(suggestion, forKey: .suggestion)
      try c.encode(notes, forKey: .notes)
      try c.encode(facets, forKey: .facets)
      try c.encode(facetsExact, forKey: .facetsExact)
      try c.encode(timedOut, forKey: .timedOut)
      try c.encode(hits, forKey: .hits)
    }
  }

  /// Keys sorted: Foundation's JSONEncoder on Linux writes an object's keys in a different order
  /// on every run, and a program comparing or diffing exports needs one order (issue L).
  static func encoder(pretty: Bool) -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return e
  }

  /// Any Encodable value as one JSON text.
  public static func json<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    text(ofJSON: try encoder(pretty: pretty).encode(value))
  }

  /// Encoded JSON as text, with DEL and the C1 controls (U+0080–U+009F) written as `\u007f`…
  /// `\u009f`. JSONEncoder escapes only C0, and a document's U+009B (CSI, an escape sequence's
  /// start to a UTF-8 terminal) would reach the terminal that shows an export. Any JSON reader
  /// reads the same string. Outside strings JSON is ASCII, and in UTF-8 the byte 0xC2 followed by
  /// 0x80–0x9F is exactly those characters, so the bytes can be rewritten where they stand.
  static func text(ofJSON data: Data) -> String {
    guard data.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return String(decoding: data, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(data.count + 16)
    var previousWasC2 = false
    for byte in data {
      if previousWasC2 {
        previousWasC2 = false
        if (0x80...0x9F).contains(byte) {
          out.removeLast()
          appendEscape(of: byte, to: &out)
          continue
        }
      }
      if byte == 0x7F {
        appendEscape(of: byte, to: &out)
        continue
      }
      previousWasC2 = byte == 0xC2
      out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendEscape(of value: UInt8, to out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(contentsOf: Array("\\u00".utf8))
    out.append(hex[Int(value >> 4)])
    out.append(hex[Int(value & 0xF)])
  }

  /// Keeps only `fields` of a hit (`--fields`), through Foundation's JSON object model.
  static func restrict(_ hit: SearchHit, to fields: [String]) throws -> Any {
    let data = try encoder(pretty: false).encode(hit)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    return object.filter { fields.contains($0.key) }
  }
}
