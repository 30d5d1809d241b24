// Headers every answer carries. The pages run no script at all, and take style sheets and images
// only from this server: a document's text that slipped through escaping still could not run.

import HTTPTypes
import Hummingbird

/// A strict `Content-Security-Policy` (unless the route set its own), `nosniff`, no referrer and no framing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws
    -> Response
  {
    var response = try await next(request, context)
    SecurityHeaders.add(to: &response.headers)
    return response
  }
}

/// The headers themselves, for the middleware and for an answer given before the router
/// (`UnparsableRequestHandler`).
enum SecurityHeaders {
  static let policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  /// Adds them to `fields`, keeping a `Content-Security-Policy` already set.
  static func add(to fields: inout HTTPFields) {
    if fields[.contentSecurityPolicy] == nil { fields[.contentSecurityPolicy] = policy }
    fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
    fields[.xContentTypeOptions] = "nosniff"
  }
}
