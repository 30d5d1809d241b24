// A `vanban index --watch` running in the background over a workspace, for the watch tests: started,
// waited on until it watches, searched while it runs, and stopped with a signal.

import Foundation
import Testing

final class WatchedFolder {
  let ws: Workspace
  let process = Process()
  private let outURL: URL
  private let errURL: URL

  /// Starts the watch and waits (up to 30 s) for its first run to be committed.
  /// `roots`: what to index and watch (default: the workspace's corpus).
  init(_ ws: Workspace, roots: [String]? = nil, extra: [String] = [], environment: [String: String] = [:]) throws {
    self.ws = ws
    outURL = ws.root.appendingPathComponent("watch-\(UUID().uuidString).out")
    errURL = ws.root.appendingPathComponent("watch-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = ["index"] + (roots ?? [ws.corpus.path]) + ["--index", ws.index.path, "--watch"] + extra
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "VANBAN_INDEX")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let started = Self.eventually { self.stderr.contains("watch: watching") || !self.process.isRunning }
    #expect(started && process.isRunning, "the watch did not start: \(stderr)")
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

  /// Sends `signal` and waits for the exit; the exit status (nil if it did not end in 30 s).
  func stop(_ signal: Int32 = SIGTERM) -> Int32? {
    kill(process.processIdentifier, signal)
    guard ProcessRunner.wait(process, seconds: 30) else { return nil }
    return process.terminationStatus
  }

  /// The paths of the documents a search for `words` finds (up to 5000).
  func paths(_ words: String) throws -> [String] {
    try ws.search(words, "--limit", "5000").hits.compactMap { $0["path"] as? String }
  }

  /// Whether `condition` holds within `seconds` (polled every 100 ms).
  static func eventually(_ seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      usleep(100_000)
    }
    return try condition()
  }

  /// Whether a search for `words` finds exactly the documents at `expected` (relative to the
  /// corpus) within 30 s.
  func sees(_ words: String, _ expected: [String]) throws -> Bool {
    let want = expected.map { ws.corpus.appendingPathComponent($0).path }.sorted()
    return try Self.eventually { try paths(words).sorted() == want }
  }
}
