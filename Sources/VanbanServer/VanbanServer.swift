// The application `vanban serve` runs: the API routes and the search page behind the error, security-header and
// (with `--users`) login middleware.

import Hummingbird
import Logging
import VanbanKit

/// What a server needs besides its address: the index and, for logins, the users.
public struct ServerSettings: Sendable {
  public var index: IndexService
  public var users: UserFile?

  public init(index: IndexService, users: UserFile? = nil) {
    self.index = index
    self.users = users
  }
}

/// Builds the router and the application of `vanban serve`.
public enum VanbanServer {
  /// Every route, with errors as JSON and, when `settings.users` is set, basic auth on each.
  public static func router(_ settings: ServerSettings) -> Router<BasicRequestContext> {
    let router = Router()
    // Outermost first: the error middleware also answers for the auth check and unknown routes.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
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
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "vanban")
    logger.logLevel = .warning
    return Application(
      router: router(settings),
      configuration: .init(address: .hostname(host, port: port), serverName: "vanban"),
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger
    )
  }
}
