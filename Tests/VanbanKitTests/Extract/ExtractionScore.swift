import Foundation

@testable import VanbanKit

/// Scores MetadataExtractor against a gen_corpus.py truth.jsonl, field by field.
struct ExtractionScore {
  static let assertedFields = ["issuer", "province", "type", "number", "date", "signer", "references", "companies"]
  static let reportedFields = assertedFields + ["issuer (exact)", "cited dates", "recipients", "subject"]

  var documents = 0
  var correct: [String: Int] = [:]
  var examples: [String: [String]] = [:]

  func accuracy(_ field: String) -> Double {
    documents == 0 ? 0 : Double(correct[field, default: 0]) / Double(documents)
  }

  func report() -> String {
    Self.reportedFields.map {
      "  " + $0.padding(toLength: 15, withPad: " ", startingAt: 0)
        + String(format: " %7.2f%%  (%d/%d)", 100 * accuracy($0), correct[$0, default: 0], documents)
    }.joined(separator: "\n")
  }

  private mutating func compare(_ field: String, _ got: String, _ want: String, _ id: String) {
    if got == want {
      correct[field, default: 0] += 1
    } else if examples[field, default: []].count < 3 {
      examples[field, default: []].append("\(id): got \(got) | want \(want)")
    }
  }

  /// The generator's truth drops the header's own words `CÔNG TÁC` from a steering board's name
  /// (its header prints `BCĐ CÔNG TÁC PCD / COVID-19 TỈNH`, its truth says `Ban Chỉ đạo phòng,
  /// chống dịch COVID-19 tỉnh X`), while shared/seeds/expected.json keeps them for the same header
  /// (seed 001). The extractor follows the header and the seeds; this is the one equivalence the
  /// score allows, and `issuer (exact)` reports the raw figure beside it.
  static func sameIssuer(_ got: String, _ want: String) -> Bool {
    got == want
      || got
        == want.replacingOccurrences(
          of: "Ban Chỉ đạo phòng, chống dịch", with: "Ban Chỉ đạo công tác phòng, chống dịch")
  }

  static func score(corpus: URL, limit: Int = .max) throws -> ExtractionScore {
    let extractor = MetadataExtractor()
    var s = ExtractionScore()
    let truth = try String(contentsOf: corpus.appendingPathComponent("truth.jsonl"), encoding: .utf8)
    for line in truth.split(separator: "\n").prefix(limit) {
      guard let t = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let path = t["path"] as? String
      else { continue }
      let id = t["id"] as? String ?? path
      let text = try ExtractFixtures.normalizedText(corpus.appendingPathComponent(path))
      let m = extractor.extract(from: text)
      s.documents += 1
      func n(_ v: Any?) -> String { (v as? String).map(TextNormalizer.normalize) ?? "nil" }
      func list(_ v: Any?) -> String { ((v as? [String]) ?? []).map(TextNormalizer.normalize).joined(separator: " | ") }
      let gotIssuer = m.issuer.map(TextNormalizer.normalize) ?? "nil"
      s.compare("issuer (exact)", gotIssuer, n(t["issuer"]), id)
      s.compare("issuer", sameIssuer(gotIssuer, n(t["issuer"])) ? n(t["issuer"]) : gotIssuer, n(t["issuer"]), id)
      s.compare("province", m.province.map(TextNormalizer.normalize) ?? "nil", n(t["province"]), id)
      s.compare("type", m.type ?? "nil", n(t["type"]), id)
      s.compare("number", m.number ?? "nil", n(t["number"]), id)
      s.compare("date", m.date?.iso ?? "nil", n(t["date"]), id)
      s.compare("signer", m.signer.map(TextNormalizer.normalize) ?? "nil", n(t["signer"]), id)
      s.compare("references", m.references.map(\.number).joined(separator: " | "), list(t["references"]), id)
      s.compare(
        "companies", m.companies.map(TextNormalizer.normalize).joined(separator: " | "), list(t["companies"]), id)
      s.compare(
        "recipients", m.recipients.map(TextNormalizer.normalize).joined(separator: " | "), list(t["recipients"]), id)
      let cited = ((t["cited"] as? [[String: Any]]) ?? []).map {
        "\($0["number"] as? String ?? "?")@\($0["date"] as? String ?? "-")"
      }
      s.compare(
        "cited dates", m.references.map { "\($0.number)@\($0.date?.iso ?? "-")" }.joined(separator: " | "),
        cited.joined(separator: " | "), id)
      // The truth gives the bare summary; the extractor keeps the document's `V/v`/`Về việc`.
      var subject = m.subject ?? "nil"
      for p in ["V/v ", "Về việc "] where subject.hasPrefix(p) { subject = String(subject.dropFirst(p.count)) }
      s.compare("subject", TextNormalizer.normalize(subject), n(t["subject"]), id)
    }
    return s
  }
}
