import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

extension OutputFormat: ExpressibleByArgument {}
extension ResultOrder: ExpressibleByArgument {}

/// The formats of a command that prints one object (`show`, `stats`, `cites`): no CSV, which has
/// no rows to give, so `--format csv` is refused rather than answered with text.
enum ObjectFormat: String, CaseIterable, ExpressibleByArgument {
  /// `jsonl`: the same object on one line.
  case text, json, jsonl
}

/// How results are printed.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: text, json, jsonl or csv.")
  var format: OutputFormat = .text

  @Option(
    help: ArgumentHelp("Only these hit fields in JSON/CSV, comma-separated (e.g. id,number,date).", valueName: "a,b,c"))
  var fields: String?

  @Flag(help: "CSV without the UTF-8 byte-order mark (Excel needs it to read Vietnamese).")
  var noBom = false

  @Option(help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR and pipes).", valueName: "when"))
  var color: String = "auto"

  func printOptions() throws -> PrintOptions {
    var o = PrintOptions()
    o.format = format
    o.fields = fields.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    if let message = o.unknownFieldMessage(spelled: "--fields") { throw ValidationError(message) }
    o.bom = !noBom
    switch color {
    case "always": o.color = true
    case "never": o.color = false
    case "auto": o.color = Terminal.useColor
    default: throw ValidationError("--color takes auto, always or never")
    }
    return o
  }
}
