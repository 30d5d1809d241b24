import ArgumentParser
import Dispatch
import Foundation
import VanbanKit
import VanbanServer

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the index as a search page and a read-only JSON API (the CLI's JSON).",
    // Written out: the generated one lists every option and runs past 80 columns.
    usage: "vanban serve [<options>]",
    discussion: """
      Listens on 127.0.0.1 (this machine only) unless --host says otherwise. Any other address \
      shares the index with the network and needs --users FILE (HTTP basic auth; lines \
      name:bcrypt-hash, as `htpasswd -nbB NAME PASSWORD` prints them) or an explicit --no-auth. \
      --tls-cert and --tls-key (PEM files) serve HTTPS. Commits by `vanban index` in another \
      process are searched without a restart. Ctrl-C or SIGTERM stops it after the requests \
      in progress.

      Then open http://127.0.0.1:8080/ for the search page, or ask the API: \
      curl 'http://127.0.0.1:8080/api/search?q=viet+a' (README.md lists the routes).

      Examples:
        vanban serve --index index
        vanban serve --host 0.0.0.0 --users users.txt
        vanban serve --users users.txt --tls-cert cert.pem --tls-key key.pem
      """)

  @OptionGroup var location: IndexLocationOptions
  @Option(help: "Address to listen on (0.0.0.0 for every interface).")
  var host = "127.0.0.1"
  @Option(help: "Port to listen on (0 picks a free one).")
  var port = 8080
  @Option(help: ArgumentHelp("Require a login from these users (lines name:bcrypt-hash).", valueName: "FILE"))
  var users: String?
  @Flag(help: "Share on a non-loopback --host without any login.")
  var noAuth = false
  @Option(help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM).", valueName: "FILE"))
  var tlsCert: String?
  @Option(help: ArgumentHelp("The private key of --tls-cert (PEM).", valueName: "FILE"))
  var tlsKey: String?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
    guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
  }

  func run() throws {
    if let reason = ListenPolicy.refusal(host: host, hasUsers: users != nil, noAuth: noAuth) {
      throw ValidationError(reason)
    }
    let userFile = try users.map { try UserFile(contentsOf: $0) }
    let tls = tlsCert.flatMap { cert in tlsKey.map { TLSFiles(certificate: cert, key: $0) } }
    let settings = ServerSettings(
      index: try IndexService(locations: location.locations), users: userFile, tls: tls)
    let where_ = location.locations.joined(separator: ", ")
    let host = self.host
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
