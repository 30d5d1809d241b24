// The JSON API: each route calls VanbanKit as the matching command does and answers with the
// bytes that command prints with `--format json` (or csv/jsonl), so a client can switch between
// the CLI and the server without changing its parser.

import Foundation
import Hummingbird
import VanbanKit

/// The `/api/…` routes over one `IndexService`.
public struct APIRoutes: Sendable {
  let index: IndexService

  public init(index: IndexService) { self.index = index }

  /// Adds the routes to `router`.
  public func add<Context: RequestContext>(to router: Router<Context>) {
    let api = router.group("api")
    api.get("search") { request, _ in try await search(request) }
    // Numbers contain `/`: `16%2FCT-TTg` and `16/CT-TTg` both reach this route.
    api.get("refs/**") { request, context in
      try await refs(request, number: try context.parameters.getCatchAll().map(decodedPathPart).joined(separator: "/"))
    }
    api.get("cites/:id") { request, context in
      try await cites(request, id: try decodedPathPart(context.parameters.require("id")))
    }
    api.get("documents/:id") { request, context in
      try await document(request, id: try decodedPathPart(context.parameters.require("id")))
    }
    api.get("stats") { request, _ in try await stats(request) }
    api.get("graph") { request, _ in try await graph(request) }
  }

  /// `GET /api/search`: `vanban search … --format json|jsonl|csv`.
  func search(_ request: Request) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.checkBounds()
    let output = try OutputParameters(query)
    var search = try SearchRequest(parameters: query.removing(OutputParameters.names))
    search.facets = search.facets && output.options.format == .json
    let body = try await index.search(search) { try output.render($0) }
    return output.response(body, name: "vanban-search")
  }

  /// `GET /api/refs/{number}`: `vanban refs NUMBER … --format json|jsonl|csv`.
  func refs(_ request: Request, number: String) async throws -> Response {
    guard !number.isEmpty else { throw APIError(.badRequest, "give a document number: /api/refs/16%2FCT-TTg") }
    let query = try QueryParameters(request.uri.query)
    try query.checkBounds(defaultLimit: SearchRequest.refsDefaultLimit)
    let output = try OutputParameters(query)
    var search = try SearchRequest(citing: number, parameters: query.removing(OutputParameters.names))
    search.facets = search.facets && output.options.format == .json
    let body = try await index.search(search) { result in
      var result = result
      result.query = number  // as `refs` does: the number asked for, as typed
      return try output.render(result)
    }
    return output.response(body, name: "vanban-refs")
  }

  /// `GET /api/documents/{id}`: `vanban show ID --format json`; `metadata-only=1` leaves out the text.
  func document(_ request: Request, id: String) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["format", "metadata-only"])
    let pretty = try isPretty(query)
    let metadataOnly = try query.last("metadata-only").map { try flag($0, "metadata-only") } ?? false
    let body = try await index.run { searcher in
      let shown = try searcher.document(id)
      return try WireFormat.json(
        ShownAnswer(document: shown.stored, text: metadataOnly ? nil : shown.text), pretty: pretty) + "\n"
    }
    return .json(body)
  }

  /// `GET /api/cites/{id}`: `vanban cites ID --format json`.
  func cites(_ request: Request, id: String) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["format"])
    let pretty = try isPretty(query)
    let body = try await index.run { searcher in
      let (stored, cited) = try searcher.cites(id)
      return try WireFormat.json(CitesAnswer(stored: stored, cites: cited), pretty: pretty) + "\n"
    }
    return .json(body)
  }

  /// The most values `/api/stats` lists per field (`top`).
  static let maxStatsTop = 1_000

  /// `GET /api/stats`: `vanban stats --format json`; `top=N` as `--top`, up to `maxStatsTop`.
  func stats(_ request: Request) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["format", "top"])
    let pretty = try isPretty(query)
    let top = try query.last("top").map { try count($0, "top") } ?? 20
    let stats = try await index.stats(top: max(1, min(top, Self.maxStatsTop)))
    return .json(try WireFormat.json(stats, pretty: pretty) + "\n")
  }

  /// `GET /api/graph?number=…|id=…&depth=…&format=json|svg|dot`: `vanban graph`.
  func graph(_ request: Request) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["number", "id", "depth", "max-nodes", "format"])
    guard let start = query.last("id") ?? query.last("number"), !start.isEmpty else {
      throw APIError(.badRequest, "give number=… or id=…")
    }
    // Bounded: each level can multiply the work, and one request must not hold the index for long.
    let depth = try query.last("depth").map { try count($0, "depth") } ?? 1
    guard depth <= Self.maxGraphDepth else {
      throw APIError(.badRequest, "depth must be at most \(Self.maxGraphDepth)")
    }
    let maxNodes = try query.last("max-nodes").map { try count($0, "max-nodes") } ?? 200
    guard (1...Self.maxGraphNodes).contains(maxNodes) else {
      throw APIError(.badRequest, "max-nodes must be 1 to \(Self.maxGraphNodes)")
    }
    let format = query.last("format") ?? "json"
    guard ["json", "svg", "dot"].contains(format) else {
      throw APIError(.badRequest, "format takes json, svg or dot, not `\(format)`")
    }
    let graph = try await index.run(heavy: depth > 1) { searcher in
      var g = try searcher.citationGraph(start, depth: depth, maxNodes: maxNodes)
      let cut = CitationGraph.cutNote(maxNodes: maxNodes)
      g.notes = g.notes.map { $0 == cut ? $0 + "; use a smaller depth" : $0 }
      return g
    }
    switch format {
    case "svg":
      let svg = try await index.svg(graph)
      return .bytes(svg, contentType: "image/svg+xml")
    case "dot": return .bytes(GraphPrinter.dot(graph), contentType: "text/vnd.graphviz; charset=utf-8")
    default: return .json(try GraphPrinter.json(graph))
    }
  }

  static let maxGraphDepth = 6
  static let maxGraphNodes = 2_000
}

/// A count parameter (`top`, `depth`): a whole number, 0 or more.
func count(_ value: String, _ name: String) throws -> Int {
  guard let n = Int(value), n >= 0 else { throw APIError(.badRequest, "\(name) takes a whole number, 0 or more") }
  return n
}

/// A flag parameter: 1/true/yes/on or 0/false/no/off (empty is on).
func flag(_ value: String, _ name: String) throws -> Bool {
  switch value.lowercased() {
  case "", "1", "true", "yes", "on": return true
  case "0", "false", "no", "off": return false
  default: throw APIError(.badRequest, "\(name) takes 1 or 0, not `\(value)`")
  }
}
