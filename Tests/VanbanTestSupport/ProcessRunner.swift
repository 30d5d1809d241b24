// Runs a program (no shell) and captures its exit status, stdout and stderr; finds programs on PATH.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// False when the run was killed for going over its time limit.
  public var finished: Bool

  public init(status: Int32, stdout: String, stderr: String, finished: Bool = true) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
    self.finished = finished
  }
}

public enum ProcessRunner {
  /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`.
  /// `environment` is merged into the current one; `removing` drops variables from it.
  /// Output goes through temporary files, so a large output cannot block the child. With
  /// `timeout`, the child is killed (SIGKILL, by pid) when it runs over, and `finished` is false.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
    cwd: URL? = nil, timeout: Double? = nil
  ) throws -> ProcessResult {
    let p = Process()
    if executable.contains("/") {
      p.executableURL = URL(fileURLWithPath: executable)
      p.arguments = arguments
    } else {
      p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      p.arguments = [executable] + arguments
    }
    var env = ProcessInfo.processInfo.environment
    for k in removing { env.removeValue(forKey: k) }
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let cwd { p.currentDirectoryURL = cwd }
    let dir = try TemporaryDirectory.make(prefix: "vanban-run")
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    var finished = true
    if let timeout {
      finished = wait(p, seconds: timeout)
      if !finished { kill(p.processIdentifier, SIGKILL) }
    }
    p.waitUntilExit()
    return ProcessResult(
      status: p.terminationStatus,
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
      finished: finished)
  }

  /// Waits up to `seconds` for `p` to end; true if it did.
  public static func wait(_ p: Process, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while p.isRunning && Date() < deadline { usleep(5_000) }
    return !p.isRunning
  }

  /// The first executable called `name` on PATH.
  public static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// python3 is on PATH.
  public static var hasPython3: Bool { which("python3") != nil }

  /// Runs `gen_corpus.py` (the committed copy) into `out`; throws with its stderr when it fails.
  public static func generateCorpus(out: URL, docs: Int, seed: Int, nfd: Double? = nil) throws {
    var args = [TestPaths.genCorpus.path, "--out", out.path, "--docs", String(docs), "--seed", String(seed)]
    if let nfd { args += ["--nfd", String(nfd)] }
    let r = try run("python3", args)
    guard r.status == 0 else {
      throw ProcessFailure(what: "gen_corpus.py \(args.dropFirst().joined(separator: " "))", result: r)
    }
  }
}

public struct ProcessFailure: Error, CustomStringConvertible {
  public var what: String
  public var result: ProcessResult
  public var description: String { "\(what) exited \(result.status): \(result.stderr)" }
}

public enum LocalPort {
  /// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's choice: bind to port 0),
  /// instead of a random guess. Nil if no socket can be made.
  public static func free() -> Int? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
    }
    guard bound == 0 else { return nil }
    let named = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    guard named == 0 else { return nil }
    return Int(UInt16(bigEndian: addr.sin_port))
  }
}
