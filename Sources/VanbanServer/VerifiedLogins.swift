// bcrypt is slow on purpose (about 0.1–0.3 s at htpasswd's cost), and a browser sends the same
// Authorization header with every request: once a header has been checked, it is remembered, so
// only a new or changed login pays for bcrypt.

import Foundation

/// Authorization headers already checked against the users file, by user name.
final class VerifiedLogins: @unchecked Sendable {
  private let lock = NSLock()
  private var headers: [String: String] = [:]

  /// Whether `header` is the one last verified for `user`.
  func contains(_ user: String, header: String) -> Bool {
    guard let known = lock.withLock({ headers[user] }) else { return false }
    return Self.sameBytes(known, header)
  }

  /// Compared in time that does not depend on where they differ: a timing must not reveal how
  /// much of a guess was right.
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in x.indices { diff |= x[i] ^ y[i] }
    return diff == 0
  }

  /// Remembers the last good header of each user (one a user: a bounded table).
  func insert(_ user: String, header: String) {
    lock.withLock { headers[user] = header }
  }
}
