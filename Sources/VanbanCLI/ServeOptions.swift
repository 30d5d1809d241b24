// The options of `vanban serve`, declared once: `vanban-serve` parses them, and `vanban` shows
// them in its help and its completion scripts (it hands `serve`'s arguments over unparsed).

import ArgumentParser
import Foundation
import VanbanKit

/// `vanban serve`'s options and help.
public struct ServeOptions: ParsableArguments {
  public init() {}

  /// The help of `vanban serve`, for both programs.
  public static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the index as a search page and a read-only JSON API (the CLI's JSON).",
    // Written out: the generated one lists every option and runs past 80 columns.
    usage: "vanban serve [<options>]",
    discussion: """
      Listens on 127.0.0.1 (this machine only) unless --host says otherwise. Any other address \
      shares the index with the network and needs --users FILE (HTTP basic auth; lines \
      name:bcrypt-hash, as `htpasswd -nbB NAME PASSWORD` prints them) or an explicit --no-auth. \
      --tls-cert and --tls-key (PEM files) serve HTTPS. --cors ORIGIN lets that one origin's \
      pages call the API from a browser. A search stops after --time-limit seconds (5) and \
      answers with the best hits it found, marked `timedOut`. Commits by `vanban index` in another \
      process are searched without a restart. Ctrl-C or SIGTERM stops it after the requests \
      in progress.

      Then open http://127.0.0.1:8080/ for the search page, or ask the API: \
      curl 'http://127.0.0.1:8080/api/search?q=viet+a' (README.md lists the routes).

      Examples:
        vanban serve --index index
        vanban serve --host 0.0.0.0 --users users.txt
        vanban serve --users users.txt --tls-cert cert.pem --tls-key key.pem
      """,
    // `vanban help serve` lists --version (vanban's own), so vanban-serve must answer it.
    version: ProgramVersion.current)

  @OptionGroup public var location: IndexLocationOptions
  @Option(help: "Address to listen on (0.0.0.0 for every interface).")
  public var host = "127.0.0.1"
  @Option(help: "Port to listen on (0 picks a free one).")
  public var port = 8080
  @Option(help: ArgumentHelp("Require a login from these users (lines name:bcrypt-hash).", valueName: "FILE"))
  public var users: String?
  @Flag(help: "Share on a non-loopback --host without any login.")
  public var noAuth = false
  @Option(help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM).", valueName: "FILE"))
  public var tlsCert: String?
  @Option(help: ArgumentHelp("The private key of --tls-cert (PEM).", valueName: "FILE"))
  public var tlsKey: String?
  @Option(help: "Requests searched at once, each with a reader of its own (default: two per core, 4 to 16).")
  public var readers: Int?
  @Option(
    help: ArgumentHelp(
      "Let the pages of this one origin call the API from a browser (CORS): https://portal.example.vn.",
      valueName: "ORIGIN"))
  public var cors: String?
  // `.unconditional`: `--time-limit -1` is read as the number and refused by validate().
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop a search after this many seconds and answer with the best hits it found (0: no limit).",
      valueName: "SECONDS"))
  public var timeLimit = SearchRequest.serverTimeLimit

  /// `--cors` as a browser sends it in `Origin`: scheme and host in lower case, and the port only
  /// when it is not the scheme's own; nil when it is not an http(s) origin alone (a path, a `*`).
  public var corsOrigin: String? {
    guard let cors, let c = URLComponents(string: cors), let scheme = c.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = c.host?.lowercased(), !host.isEmpty,
      c.path.isEmpty || c.path == "/", c.query == nil, c.fragment == nil, c.user == nil, c.password == nil
    else { return nil }
    let port = c.port.flatMap { $0 == (scheme == "https" ? 443 : 80) ? nil : ":\($0)" } ?? ""
    return "\(scheme)://\(host)\(port)"
  }

  public func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
    if let readers, !(1...64).contains(readers) { throw ValidationError("--readers takes 1 to 64") }
    guard timeLimit.isFinite && timeLimit >= 0 else {
      throw ValidationError("--time-limit must be a number of seconds, 0 or more (≥ 0)")
    }
    guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
    if let cors, corsOrigin == nil {
      throw ValidationError("--cors takes one origin, scheme and host (https://portal.example.vn), not `\(cors)`")
    }
  }
}
