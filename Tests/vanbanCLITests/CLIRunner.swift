// Runs the built `vanban` binary, as a user would, and captures stdout, stderr and the exit code.
// Paths, the binary's location and the process runner come from VanbanTestSupport.

import Foundation
import Testing
@_exported import VanbanTestSupport

/// The result of a run: `ProcessResult` (status, stdout, stderr) from VanbanTestSupport.
typealias CLIResult = ProcessResult

extension ProcessResult {
  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
  }
  var hits: [[String: Any]] { json["hits"] as? [[String: Any]] ?? [] }
  /// The seed prefixes (000…004) of the hits, in order.
  var seedIDs: [String] { hits.compactMap { ($0["id"] as? String).map { String($0.prefix(3)) } } }
}

enum CLI {
  static var repoRoot: URL { TestPaths.repoRoot }
  /// Where shared/ is looked for ($VANBAN_SHARED, else the repository's sibling); it may not exist.
  static var shared: URL { TestPaths.sharedLocation }
  static var seeds: URL { TestPaths.corpus }

  /// The binary under test: $VANBAN_BIN (set by `make test`), else the `vanban` built with the tests.
  static var binary: String { VanbanBinary.path }

  /// The OCR cache of every run that names none (`--ocr-cache`): a folder of this test process,
  /// not the user's `~/.cache`.
  static let cacheHome: URL = try! TemporaryDirectory.makeRemovedAtExit(prefix: "vanban-cli-cache")

  @discardableResult
  static func run(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> CLIResult {
    try ProcessRunner.run(
      binary, args, environment: ["XDG_CACHE_HOME": cacheHome.path].merging(environment) { $1 },
      removing: ["VANBAN_INDEX"], cwd: cwd)
  }
}

/// A temporary folder with a corpus and an index, removed afterwards.
final class Workspace {
  let root: URL
  var corpus: URL { root.appendingPathComponent("corpus") }
  var index: URL { root.appendingPathComponent("index") }

  init(seeds: Bool = true) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    if seeds {
      for f in try FileManager.default.contentsOfDirectory(atPath: CLI.seeds.path) where f.hasSuffix(".txt") {
        try FileManager.default.copyItem(at: CLI.seeds.appendingPathComponent(f), to: corpus.appendingPathComponent(f))
      }
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
  }

  func write(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: corpus.appendingPathComponent(name))
  }

  @discardableResult
  func index(_ extra: [String] = []) throws -> CLIResult {
    try CLI.run(["index", corpus.path, "--index", index.path, "--quiet"] + extra)
  }

  func search(_ args: String...) throws -> CLIResult {
    try CLI.run(["search", "--index", index.path, "--format", "json"] + args)
  }

  func run(_ command: String, _ args: String...) throws -> CLIResult {
    try CLI.run([command, "--index", index.path] + args)
  }
}

/// The seeded generator under the name the fault tests used (SeededRandom, from VanbanTestSupport).
typealias SplitMix = SeededRandom
