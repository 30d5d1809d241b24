// RemoteDatabaseTests.swift - a database served by xapian-tcpsrv gives the
// same hits as the local one, and a dead server is an error, not a crash.
import Foundation
import Testing
import Xapian

private let tcpsrv = "/usr/bin/xapian-tcpsrv"

/// A port that was free a moment ago (the kernel picks it).
private func freePort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { throw POSIXError(.EMFILE) }
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
    }
  }
  guard bound else { throw POSIXError(.EADDRINUSE) }
  return Int(UInt16(bigEndian: address.sin_port))
}

@Suite struct RemoteDatabaseTests {
  @Test func remoteHitsMatchLocalAndDeadServerThrows() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: tcpsrv), "\(tcpsrv) is needed: make deps installs xapian-tools")
    // Writing to a socket the server closed raises SIGPIPE, which would
    // kill the test process instead of surfacing Xapian's NetworkError.
    signal(SIGPIPE, SIG_IGN)

    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let port = try freePort()
    let server = Process()
    server.executableURL = URL(fileURLWithPath: tcpsrv)
    // --one-shot serves our connection in the server process itself;
    // otherwise a forked child keeps it alive (60 s idle timeout) after
    // the server is killed.
    server.arguments = ["--one-shot", "--quiet", "--port", String(port), "--interface", "127.0.0.1", dir.path]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    // SIGKILL, not terminate(): the server inherits the test thread's
    // signal mask, in which SIGTERM is blocked.
    func stop() {
      if server.isRunning { kill(server.processIdentifier, SIGKILL) }
      server.waitUntilExit()
    }
    defer { stop() }

    // Wait until it listens; the first successful connection is the one
    // it serves.
    var remote: Database?
    let deadline = Date().addingTimeInterval(10)
    while remote == nil && Date() < deadline {
      remote = try? Database(remoteHost: "127.0.0.1", port: port, timeoutMilliseconds: 2_000)
      if remote == nil { usleep(50_000) }
    }
    let db = try #require(remote, "xapian-tcpsrv did not start listening on port \(port)")

    let local = try Database(path: dir.path)
    #expect(try db.documentCount() == local.documentCount())
    for query in [
      try Query(term: "thue"), try Query(.phrase, [Query(term: "nghi"), Query(term: "dinh")]), Query.matchAll,
    ] {
      #expect(try search(db, query) == search(local, query))
    }

    stop()
    #expect {
      try search(db, Query(term: "dinh"))
    } throws: { error in
      guard let error = error as? XapianError else { return false }
      return [.network, .networkTimeout, .databaseError].contains(error.code)
    }
    #expect {
      try Database(remoteHost: "127.0.0.1", port: port, timeoutMilliseconds: 1_000)
    } throws: { ($0 as? XapianError)?.code == .network }
  }
}
