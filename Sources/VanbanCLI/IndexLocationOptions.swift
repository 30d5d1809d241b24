import ArgumentParser
import Foundation

/// `--index DIR` (repeatable: shards are searched as one; `tcp://HOST:PORT` for a remote one).
public struct IndexLocationOptions: ParsableArguments {
  public init() {}

  @Option(
    name: .customLong("index"),
    help: ArgumentHelp(
      "Index directory, or tcp://HOST:PORT of xapian-tcpsrv. Repeat to search shards as one. (default: $VANBAN_INDEX or ./index)",
      valueName: "DIR"),
    completion: .directory)
  public var indexes: [String] = []

  /// The indexes to open: `--index` values, else $VANBAN_INDEX, else `./index`.
  public var locations: [String] {
    if !indexes.isEmpty { return indexes }
    if let env = ProcessInfo.processInfo.environment["VANBAN_INDEX"], !env.isEmpty { return [env] }
    return ["index"]
  }
}
