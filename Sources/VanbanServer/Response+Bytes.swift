// Responses carry the CLI's printed text byte for byte; these build them.

import Hummingbird

extension Response {
  /// `text` as the body, with its content type.
  static func bytes(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: contentType],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// A JSON answer.
  static func json(_ text: String) -> Response { bytes(text, contentType: "application/json; charset=utf-8") }

  /// A file to save (`format=csv|jsonl`): Content-Disposition `attachment` with a name.
  static func download(_ text: String, contentType: String, fileName: String) -> Response {
    var r = bytes(text, contentType: contentType)
    r.headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
    return r
  }
}
