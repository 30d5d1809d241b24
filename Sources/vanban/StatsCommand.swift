import ArgumentParser
import VanbanCLI
import VanbanKit

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Document count, most-cited numbers, counts by issuer, type, province and year, and files not indexed.")

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
    // Counted by reason; `vanban skipped` lists the files.
    let notIndexed = stats.notIndexed.compactMap { k, n in SkipReason(rawValue: k).map { ($0, n) } }
      .sorted { $0.0 < $1.0 }
    if !notIndexed.isEmpty {
      let files = notIndexed.reduce(0) { $0 + $1.1 }
      out += "\nnot indexed (\(files) file\(files == 1 ? "" : "s"); `vanban skipped` lists them):\n"
      for (reason, n) in notIndexed { out += "  \(String(n).leftPad(6))  \(reason.label)\n" }
    }
    Terminal.out(ControlEscapes.escape(out))  // issuers and numbers come from documents
  }
}

extension String {
  func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
