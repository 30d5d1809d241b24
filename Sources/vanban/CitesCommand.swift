import ArgumentParser
import VanbanCLI
import VanbanKit

struct CitesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cites",
    abstract: "What a document cites; numbers that are themselves indexed are linked to their ids.",
    discussion: "Example:\n  vanban cites 003_32c798e237f9dc40 --format json")

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Output format: text, json, or jsonl (one line).")
  var format: ObjectFormat = .text
  @Argument(help: "Document id or path.")
  var document: String

  func run() throws {
    let (stored, cited) = try Searcher(indexes: location.locations).cites(document)
    if format == .json || format == .jsonl {
      Terminal.out(
        try WireFormat.json(
          CitesAnswer(stored: stored, cites: cited),
          pretty: format == .json) + "\n")
    } else {
      var out = "\(stored.id) cites \(cited.count) document number\(cited.count == 1 ? "" : "s"):\n"
      for c in cited {
        let what = [c.type, c.number, c.date.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        out += "  \(what)" + (c.indexed.isEmpty ? "" : "  → indexed as \(c.indexed.joined(separator: ", "))") + "\n"
        out += "    \(c.line): \(c.sentence)\n"
      }
      Terminal.out(ControlEscapes.escape(out))  // the sentences come from the document
    }
    if cited.isEmpty { throw ExitCode(1) }
  }
}
