// The server only reads: GET, and HEAD (the router answers it as GET without the body). Any other
// method is a 405 naming the two, as a read-only HTTP server answers (RFC 9110, 15.5.6), where
// the router alone would say 404 for a page that exists. And it reads no request body: one sent
// is a 413.

import HTTPTypes
import Hummingbird

/// A 405 with `Allow: GET, HEAD` for any method but those two.
struct ReadOnlyMethodsMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws
    -> Response
  {
    guard request.method == .get || request.method == .head else {
      var e = APIError(
        .methodNotAllowed, "\(request.method.rawValue) is not served: this server only reads (GET, HEAD)")
      e.headers[.allow] = "GET, HEAD"
      throw e
    }
    // No route reads a body: one sent anyway (a 300 MB upload was read to its end before) is
    // refused at once, and the connection closed rather than read on.
    let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
    if length > 0 || request.headers[.transferEncoding] != nil {
      var e = APIError(.contentTooLarge, "a request here has no body")
      e.headers[.connection] = "close"
      throw e
    }
    return try await next(request, context)
  }
}
