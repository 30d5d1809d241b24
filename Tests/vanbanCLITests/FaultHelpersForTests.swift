// Helpers for the fault tests (issue F): a generated corpus, background vanban processes that can
// be killed, mounts for disk-full and read-only directories, and the "one clear line" check.

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

enum Faults {
  /// A generated corpus (gen_corpus.py, seed 3) of `docs` documents, made once per test run.
  static func generatedCorpus(docs: Int) throws -> URL {
    lock.lock()
    defer { lock.unlock() }
    if let u = corpora[docs] { return u }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-faults-corpus-\(docs)-\(getpid())")
    if !FileManager.default.fileExists(atPath: out.appendingPathComponent("truth.jsonl").path) {
      try? FileManager.default.removeItem(at: out)
      let r = try shell("python3", CLI.shared.appendingPathComponent("tools/gen_corpus.py").path, "--out", out.path,
                        "--docs", String(docs), "--seed", "3")
      try #require(r.status == 0, "gen_corpus.py failed: \(r.stderr)")
    }
    corpora[docs] = out
    return out
  }
  nonisolated(unsafe) private static var corpora: [Int: URL] = [:]
  private static let lock = NSLock()

  /// Number of .txt files under `dir`.
  static func textFiles(under dir: URL) -> Int {
    let e = FileManager.default.enumerator(atPath: dir.path)
    var n = 0
    while let p = e?.nextObject() as? String { if p.hasSuffix(".txt") { n += 1 } }
    return n
  }

  @discardableResult
  static func shell(_ args: String...) throws -> CLIResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  /// `vanban ARGS` started in the background (stdout and stderr discarded).
  static func start(_ args: [String], environment: [String: String] = [:]) throws -> Process {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "VANBAN_INDEX")
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return p
  }

  /// `vanban ARGS` with a time limit: killed (by its pid) if it runs over, so a hang fails a test
  /// instead of blocking CI. Output goes through files, so nothing blocks on a full pipe.
  static func run(_ args: [String], within seconds: Double) throws -> (CLIResult, finished: Bool) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "VANBAN_INDEX")
    p.environment = env
    p.standardOutput = try FileHandle(forWritingTo: outURL)
    p.standardError = try FileHandle(forWritingTo: errURL)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let finished = wait(p, seconds: seconds)
    if !finished { kill(p.processIdentifier, SIGKILL) }
    p.waitUntilExit()
    let r = CLIResult(
      status: p.terminationStatus, stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    return (r, finished)
  }

  /// Waits up to `seconds` for `p` to end; true if it did.
  static func wait(_ p: Process, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while p.isRunning && Date() < deadline { usleep(5_000) }
    return !p.isRunning
  }

  /// Mounts a tmpfs of `size` at `dir`; nil (with the reason) where mounting is not permitted.
  static func mountTmpfs(_ dir: URL, size: String) -> String? {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    guard let r = try? shell("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir.path) else { return "mount not found" }
    return r.status == 0 ? nil : "mount -t tmpfs not permitted here: \(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
  }

  static func unmount(_ dir: URL) { _ = try? shell("umount", "-l", dir.path) }

  /// An error is one line on stderr, `vanban: …`, and exit 2.
  static func expectOneClearLine(_ r: CLIResult, _ contains: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == 2, "exit \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count == 1, "expected one line, got: \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix("vanban: "), "\(r.stderr)", sourceLocation: sourceLocation)
    if let contains { #expect(r.stderr.contains(contains), "\(r.stderr)", sourceLocation: sourceLocation) }
  }

  static func documents(_ index: URL) throws -> Int? {
    let r = try CLI.run(["stats", "--index", index.path, "--format", "json"])
    guard r.status == 0 else { return nil }
    return r.json["documents"] as? Int
  }
}
