import ArgumentParser
import VanbanCLI
import VanbanKit

struct RefsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refs",
    abstract: "Documents that cite a document number, with the lines that cite it.",
    discussion: """
      Any spelling of the number works: 16/CT-TTg, 16/ct-ttg, "16 / CT-TTg", 16/CT–TTg. \
      A trailing / is a prefix: `vanban refs 79/2010/`. Two documents can share a number \
      (16/CT-TTg of 2020 and of 2022): --year or --date picks the one cited with that date.

      Examples:
        vanban refs 16/CT-TTg
        vanban refs 16/CT-TTg --year 2022 --format json
      """)

  @OptionGroup var location: IndexLocationOptions
  @OptionGroup var output: OutputOptions
  @Option(help: ArgumentHelp("Only citations dated with this day (YYYY-MM-DD).", valueName: "DATE"))
  var date: String?
  @Option(help: ArgumentHelp("Only citations dated in this year.", valueName: "YYYY"))
  var year: String?
  @Option(help: "Hits to show.")
  var limit = SearchRequest.refsDefaultLimit
  @Option(help: "Hits to skip.")
  var offset = 0
  @Option(help: "Order: relevance, newest or oldest.")
  var sort: ResultOrder = .newest

  @Option(help: ArgumentHelp("Citing lines to show per document in text output (default: all).", valueName: "N"))
  var lines: Int?
  @Flag(inversion: .prefixedNo, help: "Count all citing documents by issuer, type, province and year (JSON).")
  var facets = false
  @Flag(help: "List copies of one document (same number, date and issuer, or same words) as separate hits.")
  var allCopies = false
  @Argument(help: "The document number.")
  var number: String

  func run() throws {
    var request = SearchRequest()
    request.filters.reference = [number]
    try request.filters.setReferenceDate(date: date, year: year, spelled: "--date", yearSpelled: "--year")
    request.limit = max(0, min(limit, SearchRequest.maxLimit))
    request.offset = max(0, offset)
    request.sort = sort
    request.facets = facets && output.format == .json
    request.allCopies = allCopies
    let searcher = try Searcher(indexes: location.locations)
    var result = try searcher.search(request)
    result.query = number  // the number asked for, as typed (the request itself has no text)
    var options = try output.printOptions()
    if let lines {
      guard lines >= 0 else { throw ValidationError("--lines takes a count of 0 or more") }
      options.citationLines = lines
    }
    try SearchCommand.print(result, options, searcher: searcher)
    if result.hits.isEmpty && result.total == 0 { throw ExitCode(1) }
  }
}
