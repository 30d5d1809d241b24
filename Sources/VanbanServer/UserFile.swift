// `--users FILE`: one `name:bcrypt-hash` a line, as `htpasswd -nbB name password` prints it.

import Foundation
import VanbanKit

/// The accounts allowed in, by name, with their bcrypt hashes.
public struct UserFile: Sendable, Equatable {
  public var hashes: [String: String]

  /// Reads `path`. Blank lines and `#` comments are skipped.
  /// - throws: `VanbanError.badArgument` for a file that can't be read, a line that is not
  ///   `name:hash`, a hash that is not bcrypt, or no user at all.
  public init(contentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw VanbanError.badArgument("--users: cannot read \(path)")
    }
    try self.init(text: String(decoding: data, as: UTF8.self), source: path)
  }

  public init(text: String, source: String = "users file") throws {
    hashes = [:]
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, !parts[0].isEmpty, let hash = Self.bcrypt(String(parts[1])) else {
        throw VanbanError.badArgument(
          "\(source):\(n + 1): expected name:bcrypt-hash (make one with `htpasswd -nbB name password`)")
      }
      // Each login attempt costs 2^cost rounds: cost 31 kept a core busy for days per attempt.
      guard let cost = Self.cost(of: hash), Self.costs.contains(cost) else {
        throw VanbanError.badArgument(
          "\(source):\(n + 1): a bcrypt cost of \(Self.costs.lowerBound) to \(Self.costs.upperBound) is needed (htpasswd's -C)"
        )
      }
      hashes[String(parts[0])] = hash
    }
    guard !hashes.isEmpty else { throw VanbanError.badArgument("\(source): no users") }
  }

  /// The costs `htpasswd -B -C` makes: above 17 one login takes many seconds of a core.
  static let costs = 4...17

  /// The cost of a bcrypt hash (`$2b$10$…` is 10).
  static func cost(of hash: String) -> Int? {
    let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
    return parts.count >= 4 ? Int(parts[2]) : nil
  }

  /// A hash to check an unknown name's password against, so that a wrong name takes as long as
  /// a wrong password (the costliest in the file; the answer is refused whatever it says).
  var decoy: String { hashes.values.max { (Self.cost(of: $0) ?? 0, $0) < (Self.cost(of: $1) ?? 0, $1) } ?? "" }

  /// A bcrypt hash as the checker reads it. `$2y$` (PHP's and htpasswd's name) is the same
  /// algorithm as `$2b$`, which is all the checker accepts besides `$2a$`; nil for anything else.
  static func bcrypt(_ hash: String) -> String? {
    guard hash.count == 60 else { return nil }
    if hash.hasPrefix("$2y$") { return "$2b$" + hash.dropFirst(4) }
    if hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") { return hash }
    return nil
  }
}
