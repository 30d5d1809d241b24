// Who may reach the server: loopback by default; another address shares the index with the
// network, which needs logins (`--users`) or an explicit `--no-auth`.

/// Decides whether `vanban serve` may listen on an address with the logins it was given.
public enum ListenPolicy {
  /// Whether `host` reaches this machine only: `localhost`, 127.0.0.0/8 or `::1`.
  public static func isLoopback(_ host: String) -> Bool {
    let h = host.lowercased()
    if h == "localhost" || h == "::1" || h == "[::1]" { return true }
    let parts = h.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
  }

  /// nil when the server may start, else the reason it may not (the CLI prints it and exits 2).
  public static func refusal(host: String, hasUsers: Bool, noAuth: Bool) -> String? {
    if hasUsers && noAuth { return "--users and --no-auth contradict each other: give one" }
    if isLoopback(host) || hasUsers || noAuth { return nil }
    return
      "--host \(host) shares the index with the network: give --users FILE (name:bcrypt-hash lines, from `htpasswd -nbB NAME PASSWORD`) to require a login, or --no-auth to share it without one"
  }
}
