// A request whose head NIO's parser refuses (over 80 kB, a 1 MB query in the URL, a request line
// that is not HTTP) never reaches the router, so no middleware can answer it: Hummingbird sends a
// bare 400 with no body. This handler, in the pipeline after the parser, answers it the way every
// other error is answered: `{"error": …}` with the security headers. It then stops writing and
// lets the client close, as Hummingbird does: closing both ways while the client is still sending
// its megabyte would reset the connection, and the client could lose the answer.

import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import VanbanKit

/// Answers an HTTP parse error with a JSON error, unless a request is being answered already.
final class UnparsableRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  /// Requests read whose response has not ended: a parse error then (a pipelined request after
  /// it, a broken chunked body) is Hummingbird's to handle, after that response.
  private var unanswered = 0
  /// Once answered, the parser's later complaints about the bytes still arriving are not news.
  private var answered = false

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .head = Self.unwrapInboundIn(data) { unanswered += 1 }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = Self.unwrapOutboundIn(data) { unanswered = max(0, unanswered - 1) }
    context.write(data, promise: promise)
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    if answered, error is ByteToMessageDecoderError { return }
    guard let parseError = error as? HTTPParserError, unanswered == 0, !answered else {
      context.fireErrorCaught(error)
      return
    }
    answered = true
    let (status, message) = Self.answer(to: parseError)
    let json = (try? WireFormat.json(APIError.Body(error: message), pretty: false)) ?? #"{"error":"bad request"}"#
    let body = ByteBuffer(string: json + "\n")
    var fields = HTTPFields()
    fields[.contentType] = "application/json; charset=utf-8"
    fields[.contentLength] = String(body.readableBytes)
    fields[.connection] = "close"
    SecurityHeaders.add(to: &fields)
    context.write(Self.wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
    context.write(Self.wrapOutboundOut(.body(body)), promise: nil)
    context.writeAndFlush(Self.wrapOutboundOut(.end(nil)), promise: nil)
    context.close(mode: .output, promise: nil)
  }

  /// The parser's limits: Hummingbird's defaults.
  static let limits = HTTP1Channel.Configuration.DecoderConfiguration()

  /// 431 for a head over the parser's limits (the URL counts), 400 for anything else it refuses.
  static func answer(to error: HTTPParserError) -> (HTTPResponse.Status, String) {
    switch error {
    case .headerOverflow:
      return (
        .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
        "the request's head (its URL and headers) is over \(limits.maxHeaderListSize / 1024) kB; "
          + "a query (q) may be at most \(QueryParameters.maxQueryBytes) bytes"
      )
    default:
      return (.badRequest, "not a request this server can read (\(error))")
    }
  }
}
