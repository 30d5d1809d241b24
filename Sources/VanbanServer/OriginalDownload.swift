// An indexed document's original, sent as a download read from the descriptor that was checked
// (`Searcher.original`), in chunks, so a large file costs a chunk of memory, not its size.

import Foundation
import Hummingbird
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

enum OriginalDownload {
  static let chunk = 256 << 10

  /// Always an attachment, never shown inline, and sandboxed: an HTML or SVG file from the corpus
  /// must not run as a page of this server.
  static func response(_ file: OriginalFile) -> Response {
    let open = OpenFile(file)
    let fd = file.descriptor
    let size = file.document.size
    let body = ResponseBody(contentLength: size) { writer in
      defer { open.close() }
      var left = size
      while left > 0 {
        let want = min(chunk, left)
        let bytes = try await blocking { () throws -> [UInt8] in
          var buffer = [UInt8](repeating: 0, count: want)
          let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
          guard n > 0 else { throw APIError(.internalServerError, "the file ended early") }
          return Array(buffer.prefix(n))
        }
        try await writer.write(ByteBuffer(bytes: bytes))
        left -= bytes.count
      }
      try await writer.finish(nil)
    }
    var headers: HTTPFields = [
      .contentType: contentType(file.document.format),
      .contentDisposition: disposition(file.fileName),
    ]
    headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
    return Response(status: .ok, headers: headers, body: body)
  }

  static func contentType(_ format: String) -> String {
    switch format {
    case "pdf": return "application/pdf"
    case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case "doc": return "application/msword"
    case "odt": return "application/vnd.oasis.opendocument.text"
    case "txt": return "text/plain"  // its encoding is whatever the file was written in
    default: return "application/octet-stream"
    }
  }

  /// `attachment` with the name in ASCII (others as `_`) and, for Vietnamese names, RFC 6266's
  /// `filename*` in UTF-8.
  static func disposition(_ name: String) -> String {
    let ascii = String(
      name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
    return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(PageLink.encode(name))"
  }
}

/// The descriptor of a download, closed when it is sent, or else when the body is dropped unsent
/// (a HEAD request, answered as GET without its body; a client gone before the body started):
/// each HEAD of a file once left its descriptor open, and a few hundred made every search fail
/// with "Too many open files".
final class OpenFile: @unchecked Sendable {
  private let file: OriginalFile
  private let lock = NSLock()
  private var closed = false

  init(_ file: OriginalFile) { self.file = file }

  func close() {
    let first = lock.withLock {
      defer { closed = true }
      return !closed
    }
    if first { file.close() }
  }

  deinit { close() }
}
