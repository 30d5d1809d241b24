import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search by topic, agency, cited number, date…",
    discussion: """
      Words must all match unless --any is given; "quoted words" are a phrase. Typing without \
      diacritics finds accented text (viet a → Việt Á); accented words rank exact matches first.

      Examples:
        vanban search "Việt Á"
        vanban search tiem chung --province "bac giang" --since 2022
        vanban search --any "người nghiện ma túy bị xử lý thế nào"
        vanban search 'agency:"Sở Y tế" ref:16/CT-TTg year:2022' --format json

      See `vanban help query` for AND/OR/NOT, prefixes and wildcards.
      """)

  @OptionGroup var location: IndexLocationOptions
  @OptionGroup var filters: FilterOptions
  @OptionGroup var output: OutputOptions

  @Flag(help: "Match any of the words (OR) and rank by relevance; for long questions.")
  var any = false
  @Flag(help: "Diacritics must match exactly (tone placement is still made canonical).")
  var exact = false
  // `.unconditional`: `--offset -1` is read as the number -1 and refused by validate() with
  // "must be 0 or more", not taken for an unknown option `-1`.
  @Option(parsing: .unconditional, help: "Hits to show.")
  var limit = 10
  @Option(parsing: .unconditional, help: "Hits to skip (for paging).")
  var offset = 0
  @Option(help: "Order: relevance, newest or oldest.")
  var sort: ResultOrder = .relevance
  // Off by default: counting facets is a second pass over up to 10,000 matches or a sample
  // (ripgrep's --stats, notmuch count: asked for, not paid for on every search).
  @Flag(inversion: .prefixedNo, help: "Count the matches by issuer, type, province and year (JSON).")
  var facets = false
  @Flag(help: "List copies of one document (same number, date and issuer, or same words) as separate hits.")
  var allCopies = false
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Print N lines of context around each match (text output), like grep -C.", valueName: "N"))
  var context: Int?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop the search after this many seconds and show the best of the documents read so far (0: no limit).",
      valueName: "SECONDS"))
  var timeLimit: Double?

  @Argument(help: "Query words.")
  var query: [String] = []

  func validate() throws {
    guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (≥ 0)") }
    guard offset >= 0 else { throw ValidationError("--offset must be 0 or more (≥ 0)") }
    if let c = context, c < 0 { throw ValidationError("--context must be 0 or more (≥ 0)") }
    if let t = timeLimit, !(t.isFinite && t >= 0) {
      throw ValidationError("--time-limit must be a number of seconds, 0 or more (≥ 0)")
    }
  }

  func run() throws {
    var request = SearchRequest(text: query.joined(separator: " "))
    request.filters = try filters.filters()
    request.any = any
    request.exact = exact
    request.limit = min(limit, SearchRequest.maxLimit)
    request.offset = min(offset, SearchRequest.maxOffset)
    request.sort = sort
    request.facets = facets && output.format == .json
    request.allCopies = allCopies
    request.timeLimit = timeLimit
    var options = try output.printOptions()
    options.context = context.map { min($0, 100_000) }  // more lines than any document has; no overflow
    let searcher = try Searcher(indexes: location.locations)
    let result = try searcher.search(request)
    try SearchCommand.print(result, options, searcher: searcher)
    if result.hits.isEmpty && result.total == 0 { throw ExitCode(1) }
  }

  /// Prints a result; notes go to stderr for machine formats so stdout stays parseable.
  static func print(_ result: SearchResult, _ options: PrintOptions, searcher: Searcher) throws {
    var texts: [String: String] = [:]
    if options.context != nil && options.format == .text {
      for h in result.hits { texts[h.path] = try searcher.document(h.path).text }
    }
    if options.format != .text {
      for n in result.notes { Terminal.err("note: \(ControlEscapes.escape(n))\n") }
      if options.format != .json, let s = result.suggestion {
        Terminal.err("Did you mean: \(ControlEscapes.escape(s))\n")
      }
    }
    Terminal.out(try HitPrinter.render(result, options, contextTexts: texts))
  }
}
