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
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.policy
    }
    response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    response.headers[.xContentTypeOptions] = "nosniff"
    return response
  }

  static var policy: String {
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  }
}
