// Runs the built `vanban` binary, as a user would, and captures stdout, stderr and the exit code.

import Foundation
import Testing

struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String

  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
  }
  var hits: [[String: Any]] { json["hits"] as? [[String: Any]] ?? [] }
  /// The seed prefixes (000…004) of the hits, in order.
  var seedIDs: [String] { hits.compactMap { ($0["id"] as? String).map { String($0.prefix(3)) } } }
}

enum CLI {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static let seeds = repoRoot.appendingPathComponent("corpus")

  /// The binary under test: $VANBAN_BIN (set by `make test`), else the newest local build.
  static let binary: String = {
    if let b = ProcessInfo.processInfo.environment["VANBAN_BIN"], FileManager.default.isExecutableFile(atPath: b) {
      return b
    }
    let candidates = [".build/debug/vanban", ".build/release/vanban"].map { repoRoot.appendingPathComponent($0).path }
      .filter { FileManager.default.isExecutableFile(atPath: $0) }
    let newest = candidates.max { a, b in
      let da = (try? FileManager.default.attributesOfItem(atPath: a)[.modificationDate] as? Date) ?? .distantPast
      let db = (try? FileManager.default.attributesOfItem(atPath: b)[.modificationDate] as? Date) ?? .distantPast
      return da < db
    }
    return newest ?? repoRoot.appendingPathComponent(".build/debug/vanban").path
  }()

  @discardableResult
  static func run(_ args: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> CLIResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "VANBAN_INDEX")
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Read both pipes concurrently so a large output cannot deadlock the child.
    var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return CLIResult(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
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
