// Every failure a route reports, as `{"error": "…"}` with a status: the library's error cases
// decide the status, so a client can tell its own mistakes (4xx) from the server's (5xx).

import Foundation
import Hummingbird
import VanbanKit

/// An error answered as JSON `{"error": message}` with `status`.
public struct APIError: Error, HTTPResponseError, Sendable {
  public var status: HTTPResponse.Status
  public var message: String
  /// Ids a client can choose from (an ambiguous document name).
  public var choices: [String]?
  public var headers: HTTPFields = [:]

  public init(_ status: HTTPResponse.Status, _ message: String, choices: [String]? = nil) {
    self.status = status
    self.message = message
    self.choices = choices
  }

  /// The status and wording of any error a route can meet.
  public init(_ error: Error) {
    switch error {
    case let e as APIError: self = e
    case let e as VanbanError: self = Self.from(e)
    // An original that changed since it was indexed is a conflict between the index and the disk.
    case let e as OriginalFileError:
      switch e {
      case .changed: self.init(.conflict, e.description)
      case .unavailable: self.init(.gone, e.description)
      }
    case let e as HTTPError: self.init(e.status, e.body ?? e.status.reasonPhrase.lowercased())
    case let e as any HTTPResponseError: self.init(e.status, e.status.reasonPhrase.lowercased())
    default: self.init(.internalServerError, "internal error: \(error)")
    }
  }

  /// 400 for what the request got wrong, 404 for a document not in the index, 409 for a name
  /// several documents share (with their ids), 503 while the index can't be read, 501 for a
  /// format this server can't make (SVG without Graphviz), 503 for a map not drawn in time.
  static func from(_ e: VanbanError) -> APIError {
    switch e {
    case .badArgument, .badQuery, .nothingToSearch: return APIError(.badRequest, e.description)
    case .notInIndex: return APIError(.notFound, e.description)
    case .ambiguousDocument(_, let choices): return APIError(.conflict, e.description, choices: choices)
    case .graphvizMissing: return APIError(.notImplemented, e.description + " (or ask for format=json or format=dot)")
    case .graphTooSlow: return APIError(.serviceUnavailable, e.description + " (or ask for format=json or format=dot)")
    case .indexNotFound, .indexLocked, .indexCorrupt, .indexVersion, .notAnIndex, .indexIncomplete, .remote,
      .unsafeIndexFolder, .shardCountMismatch:
      return APIError(.serviceUnavailable, e.description)
    // Indexing errors (a missing or emptied root) cannot come from a read-only server.
    case .io, .xapian, .rootMissing, .rootEmptied: return APIError(.internalServerError, e.description)
    }
  }

  struct Body: Encodable {
    var error: String
    var choices: [String]?
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    let json = (try? WireFormat.json(Body(error: message, choices: choices), pretty: false)) ?? #"{"error":"error"}"#
    var response = Response.bytes(json + "\n", contentType: "application/json; charset=utf-8", status: status)
    response.headers.append(contentsOf: headers)
    return response
  }
}
