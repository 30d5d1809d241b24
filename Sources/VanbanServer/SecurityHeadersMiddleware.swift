// Headers every answer carries: the API serves data, never a page that runs code.

import Hummingbird

/// `Content-Security-Policy: default-src 'self'` and `X-Content-Type-Options: nosniff` on every response.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws
    -> Response
  {
    var response = try await next(request, context)
    response.headers[.contentSecurityPolicy] = "default-src 'self'"
    response.headers[.xContentTypeOptions] = "nosniff"
    return response
  }
}
