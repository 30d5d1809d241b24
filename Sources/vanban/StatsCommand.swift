import ArgumentParser
import VanbanKit

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Document count, most-cited numbers, and counts by issuer, type, province and year.")

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Output format: text, json, or jsonl (one line).")
  var format: ObjectFormat = .text
  @Option(help: "How many of each list.")
  var top = 20

  func run() throws {
    let stats = try Searcher(indexes: location.locations).stats(top: max(1, top))
    if format == .json || format == .jsonl {
      Terminal.out(try WireFormat.json(stats, pretty: format == .json) + "\n")
      return
    }
    var out = "\(stats.documents) documents\n"
    let unknown = ["issuer", "type", "date", "signer"].compactMap { k in stats.unknown[k].map { "\($0) no \(k)" } }
    if !unknown.isEmpty { out += "unknown: " + unknown.joined(separator: ", ") + "\n" }
    func list(_ title: String, _ rows: [(String, Int)], total: IndexStats.Total? = nil) {
      guard !rows.isEmpty else { return }
      var head = title
      if let t = total {
        // Say what the list leaves out, so its counts can be checked against the total.
        let shown = rows.count < t.values ? "top \(rows.count) of \(t.values)" : "\(t.values)"
        head += " (\(shown) values; \(t.documents) of \(stats.documents) documents have one)"
      }
      out += "\n\(head):\n"
      for (v, n) in rows { out += "  \(String(n).leftPad(6))  \(v)\n" }
    }
    list("most cited", stats.mostCited.map { ($0.number, $0.documents) })
    list("by issuer", stats.facets.issuer.map { ($0.value, $0.count) }, total: stats.totals["issuer"])
    list("by type", stats.facets.type.map { ($0.value, $0.count) }, total: stats.totals["type"])
    list("by province", stats.facets.province.map { ($0.value, $0.count) }, total: stats.totals["province"])
    list("by year", stats.facets.year.map { ($0.value, $0.count) }, total: stats.totals["year"])
    Terminal.out(ControlEscapes.escape(out))  // issuers and numbers come from documents
  }
}

extension String {
  func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
