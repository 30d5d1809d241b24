// The application `vanban serve` runs: the API routes and the search page behind the error, security-header and
// (with `--users`) login middleware.

import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import VanbanKit

/// What a server needs besides its address: the index and, for logins, the users.
public struct ServerSettings: Sendable {
  public var index: IndexService
  public var users: UserFile?
  /// HTTPS: a certificate chain and its private key, both PEM files.
  public var tls: TLSFiles?
  /// A connection with no request in progress is closed after this long: one that sends nothing,
  /// or its request head a byte at a time, cannot hold a socket forever. A search in progress is
  /// never cut. 60 s, about what nginx keeps an idle browser connection for.
  public var idleTimeout: Duration
  /// The one origin whose pages may call this server from a browser (CORS, `--cors`); none by default.
  public var corsOrigin: String?

  public init(
    index: IndexService, users: UserFile? = nil, tls: TLSFiles? = nil, idleTimeout: Duration = .seconds(60),
    corsOrigin: String? = nil
  ) {
    self.index = index
    self.users = users
    self.tls = tls
    self.idleTimeout = idleTimeout
    self.corsOrigin = corsOrigin
  }
}

/// A PEM certificate chain and private key for HTTPS, read when the server starts.
public struct TLSFiles: Sendable {
  public var certificate: String
  public var key: String

  public init(certificate: String, key: String) {
    self.certificate = certificate
    self.key = key
  }

  /// The server's TLS configuration (TLS 1.2 and later, as swift-nio-ssl's defaults say).
  /// - throws: `VanbanError.badArgument` naming the file that can't be read as PEM.
  func configuration() throws -> TLSConfiguration {
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(certificate)
    } catch {
      throw VanbanError.badArgument("cannot read the certificate \(certificate) as PEM: \(error)")
    }
    guard !chain.isEmpty else { throw VanbanError.badArgument("no certificate in \(certificate)") }
    let privateKey: NIOSSLPrivateKey
    do {
      privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
    } catch {
      throw VanbanError.badArgument("cannot read the private key \(key) as PEM: \(error)")
    }
    return TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
  }
}

/// Builds the router and the application of `vanban serve`.
public enum VanbanServer {
  /// Every route, with errors as JSON and, when `settings.users` is set, basic auth on each.
  public static func router(_ settings: ServerSettings) -> Router<BasicRequestContext> {
    // HEAD is answered as GET is, without the body (`curl -I`, link checkers).
    let router = Router(options: .autoGenerateHeadEndpoints)
    // Outermost first: the error middleware also answers for the auth check and unknown routes.
    router.add(middleware: SecurityHeadersMiddleware())
    if let origin = settings.corsOrigin {
      // Outside the errors, so an error answer carries the headers too; before the login, because
      // a browser's preflight (OPTIONS) carries no credentials.
      router.add(
        middleware: CORSMiddleware(
          allowOrigin: .oneOf(origin), allowHeaders: [.accept, .authorization], allowMethods: [.get, .head],
          allowCredentials: settings.users != nil, maxAge: .seconds(600)))
    }
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: ReadOnlyMethodsMiddleware())
    if let users = settings.users { router.add(middleware: BasicAuthMiddleware(users: users)) }
    APIRoutes(index: settings.index).add(to: router)
    PageRoutes(index: settings.index).add(to: router)
    return router
  }

  /// The application listening on `host:port`; `runService()` runs it until SIGINT or SIGTERM,
  /// then lets the requests in progress finish.
  public static func application(
    _ settings: ServerSettings, host: String, port: Int,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  ) throws -> some ApplicationProtocol {
    var logger = Logger(label: "vanban")
    logger.logLevel = .warning
    let (seconds, attoseconds) = settings.idleTimeout.components
    let http1 = HTTP1Channel.Configuration(
      additionalChannelHandlers: [UnparsableRequestHandler()],
      idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000),
      httpDecoderConfiguration: UnparsableRequestHandler.limits)
    let server: HTTPServerBuilder =
      try settings.tls.map { try .tls(.http1(configuration: http1), tlsConfiguration: try $0.configuration()) }
      ?? .http1(configuration: http1)
    return Application(
      router: router(settings),
      server: server,
      configuration: .init(
        address: .hostname(host, port: port), serverName: "vanban",
        availableConnectionsDelegate: MaximumAvailableConnections(ConnectionLimit.maximum(), logger: logger)),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger
    )
  }
}
