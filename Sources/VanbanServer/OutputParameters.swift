import Hummingbird
import VanbanKit

// `format`, `fields` and `bom`: how a hit list is printed, as `--format`, `--fields` and
// `--no-bom` say it on the command line.

/// The print options of a hit-list route, read from its query parameters.
struct OutputParameters {
  static let names: Set<String> = ["format", "fields", "bom"]

  var options = PrintOptions()

  init(_ query: QueryParameters) throws {
    let format = query.last("format") ?? "json"
    guard let f = OutputFormat(rawValue: format), f != .text else {
      throw APIError(.badRequest, "format takes json, jsonl or csv, not `\(format)`")
    }
    options.format = f
    options.color = false
    if let fields = query.last("fields") {
      options.fields = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if let message = options.unknownFieldMessage(spelled: "fields") { throw APIError(.badRequest, message) }
    }
    if let bom = query.last("bom") { options.bom = try flag(bom, "bom") }
  }

  /// `result` printed, unless it is a download of a search stopped at the time limit: a CSV or
  /// JSON-lines file has no place to say it is partial, so that is a 503 (JSON says `timedOut`).
  func render(_ result: SearchResult) throws -> String {
    if result.timedOut && options.format != .json {
      throw APIError(
        .serviceUnavailable,
        "the search took longer than the server's time limit, and a download cannot say it is partial: "
          + "narrow it with words or filters, or ask for format=json")
    }
    return try HitPrinter.render(result, options)
  }

  /// The response: JSON inline; CSV and JSON lines as a file to save, named after `name`.
  func response(_ body: String, name: String) -> Response {
    switch options.format {
    case .csv: return .download(body, contentType: "text/csv; charset=utf-8", fileName: name + ".csv")
    case .jsonl: return .download(body, contentType: "application/x-ndjson; charset=utf-8", fileName: name + ".jsonl")
    default: return .json(body)
    }
  }
}
