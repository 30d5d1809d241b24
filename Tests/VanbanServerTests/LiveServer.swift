// `vanban serve` as a user starts it: the binary on a free port, for the tests that need a real
// socket (a browser, HTTPS). Stopped with SIGTERM when the object goes away.

import Foundation
import VanbanTestSupport

#if canImport(Glibc)
  import Glibc
#endif

final class LiveServer: @unchecked Sendable {
  let process = Process()
  let port: Int
  let scheme: String
  var base: String { "\(scheme)://127.0.0.1:\(port)" }

  struct StartFailed: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `vanban serve --port 0 ARGUMENTS` and waits (up to `timeout` seconds) for the line
  /// that names the port it listens on.
  /// `launcher` runs it (`/usr/bin/prlimit --nofile=256:256`), when given.
  init(_ arguments: [String], launcher: [String] = [], timeout: Double = 60) throws {
    let errors = Pipe()
    let command = launcher + [VanbanBinary.url.path, "serve", "--port", "0"] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let handle = errors.fileHandleForReading
    var seen = ""
    let deadline = Date().addingTimeInterval(timeout)
    var found: (String, Int)? = nil
    while found == nil && Date() < deadline && process.isRunning {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
      if let m = seen.firstMatch(of: /on (https?):\/\/127\.0\.0\.1:(\d+)\//) { found = (String(m.1), Int(m.2)!) }
    }
    guard let (scheme, port) = found else {
      if process.isRunning { process.terminate() }
      throw StartFailed(description: "vanban serve did not start: \(seen)")
    }
    self.scheme = scheme
    self.port = port
  }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
