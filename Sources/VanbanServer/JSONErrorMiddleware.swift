// The outermost middleware: whatever a route or the router throws (an unknown route included)
// leaves as `{"error": "…"}` with its status, never as Hummingbird's plain-text page.

import Hummingbird

/// Turns every error into `APIError`'s JSON response.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws
    -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      let e = APIError(error)
      if e.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(e.message)") }
      return try e.response(from: request, context: context)
    }
  }
}
