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
      try ProcessRunner.generateCorpus(out: out, docs: docs, seed: 3)
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
    try ProcessRunner.run(args[0], Array(args.dropFirst()))
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
    let r = try ProcessRunner.run(CLI.binary, args, removing: ["VANBAN_INDEX"], timeout: seconds)
    return (r, r.finished)
  }

  /// Waits up to `seconds` for `p` to end; true if it did.
  static func wait(_ p: Process, seconds: Double) -> Bool { ProcessRunner.wait(p, seconds: seconds) }

  /// Mounts a tmpfs of `size` at `dir`; nil (with the reason) where mounting is not permitted.
  static func mountTmpfs(_ dir: URL, size: String) -> String? {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    guard let r = try? shell("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir.path) else {
      return "mount not found"
    }
    return r.status == 0
      ? nil : "mount -t tmpfs not permitted here: \(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
  }

  static func unmount(_ dir: URL) { _ = try? shell("umount", "-l", dir.path) }

  /// Whether this machine lets the tests mount a tmpfs (and remount it read-only): tried once.
  static let canMountTmpfs: Bool = mountProbe.tmpfs
  static let canRemountReadOnly: Bool = mountProbe.readOnly
  private static let mountProbe: (tmpfs: Bool, readOnly: Bool) = {
    guard let dir = try? TemporaryDirectory(prefix: "vanban-mount-probe") else { return (false, false) }
    return withExtendedLifetime(dir) {
      let point = dir.appending("m")
      guard mountTmpfs(point, size: "1m") == nil else { return (false, false) }
      let ro = (try? shell("mount", "-o", "remount,ro", point.path))?.status == 0
      unmount(point)
      return (true, ro)
    }
  }()

  /// An error is one line on stderr, `vanban: …`, and exit 2.
  static func expectOneClearLine(
    _ r: CLIResult, _ contains: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) {
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
