import ArgumentParser
import VanbanCLI
import VanbanKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "A document's metadata and full text, by id or path (indexed documents only).",
    // Written out: the generated one lists every option and runs past 80 columns.
    usage: "vanban show [<options>] <document>",
    discussion:
      "Examples:\n  vanban show 003_32c798e237f9dc40\n  vanban show corpus/003_32c798e237f9dc40.txt --format json")

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Output format: text, json, or jsonl (one line).")
  var format: ObjectFormat = .text
  @Flag(help: "Metadata only, without the text.")
  var metadataOnly = false
  @Argument(help: "Document id (file name without extension) or path.")
  var document: String

  func run() throws {
    let shown = try Searcher(indexes: location.locations).document(document)
    switch format {
    case .json, .jsonl:
      Terminal.out(
        try WireFormat.json(
          ShownAnswer(document: shown.stored, text: metadataOnly ? nil : shown.text), pretty: format == .json) + "\n")
    case .text:
      let s = shown.stored, m = s.metadata
      var out = ""
      // Escaped: the text and metadata come from the document and must not drive the terminal.
      func line(_ k: String, _ v: String?) { if let v, !v.isEmpty { out += "\(k): \(ControlEscapes.escapeLine(v))\n" } }
      line("id", s.id)
      line("path", s.path)
      line("format", "\(s.format) (\(s.encoding))" + (s.ocr == true ? " [OCR: words may be misread]" : ""))
      line("type", m.type)
      line("number", m.number)
      line("issuer", m.issuer)
      line("parent", m.parent)
      line("province", m.province)
      line("date", m.date?.iso)
      line("subject", m.subject)
      line("recipients", m.recipients.joined(separator: "; "))
      line("signer", [m.signerTitle, m.signer].compactMap { $0 }.joined(separator: " "))
      line("references", m.references.map(\.number).joined(separator: ", "))
      line("companies", m.companies.joined(separator: "; "))
      if !metadataOnly { out += "\n" + ControlEscapes.escape(shown.text) + "\n" }
      Terminal.out(out)
    }
  }
}
