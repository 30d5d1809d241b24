import ArgumentParser
import VanbanCLI
import VanbanKit

/// The formats of a command that prints a list of rows (`skipped`).
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv
}

struct SkippedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skipped",
    abstract: "List the files that were not indexed, with why, so they can be fixed.",
    discussion: """
      Each file `vanban index` could not read (damaged, a PDF with a password, too large, a \
      missing helper program, …) is remembered in the index until it changes, is removed or is \
      indexed; it is tried again only when it changes. Sorted by path.

      Examples:
        vanban skipped
        vanban skipped --format csv > not-indexed.csv
      """)

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Output format: text, json or csv.")
  var format: ListFormat = .text
  @Flag(help: "CSV without the UTF-8 byte-order mark (Excel needs it to read Vietnamese).")
  var noBom = false

  func run() throws {
    let records = try Searcher(indexes: location.locations).skipped()
    switch format {
    case .json: Terminal.out(try SkipListPrinter.json(records) + "\n")
    case .csv: Terminal.out(SkipListPrinter.csv(records, bom: !noBom))
    case .text: Terminal.out(SkipListPrinter.text(records))
    }
  }
}
