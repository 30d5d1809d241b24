// The outermost middleware: whatever a route or the router throws (an unknown route included)
// leaves as `{"error": "…"}` under `/api/`, and as a page in Vietnamese elsewhere, with its status,
// never as Hummingbird's plain-text page.

import Hummingbird

/// Turns every error into `APIError`'s JSON response, or for a page, an error page.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
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
      let path = request.uri.path
      if path == "/api" || path.hasPrefix("/api/") { return try e.response(from: request, context: context) }
      var response = html("error", ErrorPage(e), status: e.status)
      response.headers.append(contentsOf: e.headers)
      return response
    }
  }
}

extension ErrorPage {
  init(_ e: APIError) {
    let heading: String
    switch e.status.code {
    case 400: heading = "Yêu cầu không hợp lệ"
    case 401: heading = "Cần đăng nhập"
    case 404: heading = "Không tìm thấy"
    case 405: heading = "Chỉ đọc"
    case 413: heading = "Yêu cầu quá lớn"
    case 409: heading = e.choices == nil ? "Tệp gốc đã thay đổi" : "Nhiều văn bản cùng tên"
    case 410: heading = "Tệp gốc không còn"
    case 503: heading = "Chỉ mục chưa sẵn sàng"
    default: heading = "Lỗi máy chủ"
    }
    let choices = (e.choices ?? []).map { c in
      // A choice reads `id (path)`: the id links to its page.
      let id = c.range(of: " (", options: .backwards).map { String(c[..<$0.lowerBound]) } ?? c
      return Choice(id: c, url: PageLink.document(id))
    }
    self.init(
      title: heading, form: SearchForm([]), heading: heading, message: e.message, hasChoices: !choices.isEmpty,
      choices: choices)
  }
}
