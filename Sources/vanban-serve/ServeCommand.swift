import ArgumentParser
import Dispatch
import Foundation
import VanbanCLI
import VanbanKit
import VanbanServer

/// `vanban serve`: `vanban` runs this program with the arguments after `serve`.
struct ServeCommand: ParsableCommand {
  static let configuration = ServeOptions.configuration

  @OptionGroup var options: ServeOptions

  func run() throws {
    if let reason = ListenPolicy.refusal(host: options.host, hasUsers: options.users != nil, noAuth: options.noAuth) {
      throw ValidationError(reason)
    }
    let userFile = try options.users.map { try UserFile(contentsOf: $0) }
    let tls = options.tlsCert.flatMap { cert in options.tlsKey.map { TLSFiles(certificate: cert, key: $0) } }
    let settings = ServerSettings(
      index: try IndexService(
        locations: options.location.locations, readers: options.readers,
        searchTimeLimit: options.timeLimit),
      users: userFile,
      tls: tls, corsOrigin: options.corsOrigin)
    let where_ = options.location.locations.joined(separator: ", ")
    let host = options.host
    let port = options.port
    let login = userFile == nil ? "no login" : "login required"
    let scheme = tls == nil ? "http" : "https"
    let app = try VanbanServer.application(settings, host: host, port: port) { port in
      let shown = host.contains(":") ? "[\(host)]" : host
      Terminal.err("vanban: serving \(where_) on \(scheme)://\(shown):\(port)/ (\(login); Ctrl-C to stop)\n")
    }
    // The CLI's entry point is synchronous: the server runs as a task, and this thread waits
    // for it to end (SIGINT/SIGTERM, handled by the application's service group).
    let done = DispatchSemaphore(value: 0)
    let failure = LockedError()
    Task {
      do { try await app.runService() } catch { failure.set(error) }
      done.signal()
    }
    done.wait()
    if let error = failure.get() { throw VanbanError.io("cannot serve on \(host):\(port): \(error)") }
  }
}

/// The server task's error, handed to the waiting thread.
private final class LockedError: @unchecked Sendable {
  private let lock = NSLock()
  private var error: Error?
  func set(_ e: Error) { lock.withLock { error = e } }
  func get() -> Error? { lock.withLock { error } }
}
