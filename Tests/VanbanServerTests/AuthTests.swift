// Logins (`--users FILE`) and the rule that decides when a login is required.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer

@Suite struct AuthTests {
  static func basic(_ user: String, _ password: String) -> HTTPFields {
    [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
  }

  @Test func everyRouteNeedsTheRightLogin() async throws {
    let seeds = try SeedServer()
    // Cost 4: the test checks the wiring, not bcrypt's slowness. `$2y$` as htpasswd writes it.
    let hash = Bcrypt.hash("s3cret", cost: 4)
    let users = try UserFile(text: "# clerks\nlan:$2y$" + hash.dropFirst(4) + "\n")
    try await seeds.application(users: users).test(.router) { client in
      for uri in ["/api/stats", "/api/search?q=viet", "/api/nothing-here"] {
        for headers in [[:], Self.basic("lan", "wrong"), Self.basic("minh", "s3cret")] as [HTTPFields] {
          try await client.execute(uri: uri, method: .get, headers: headers) { r in
            #expect(r.status == .unauthorized, "\(uri)")
            #expect(r.headers[.wwwAuthenticate]?.hasPrefix(#"Basic realm="vanban""#) == true)
            #expect(r.json["error"] is String)
          }
        }
      }
      for _ in 0..<2 {  // the second time from the verified logins, without bcrypt
        try await client.execute(uri: "/api/stats", method: .get, headers: Self.basic("lan", "s3cret")) { r in
          #expect(r.status == .ok)
        }
      }
      // A good login remembered does not let a wrong one in.
      try await client.execute(uri: "/api/stats", method: .get, headers: Self.basic("lan", "s3cre")) { r in
        #expect(r.status == .unauthorized)
      }
    }
  }

  @Test func userFileLines() throws {
    let hash = Bcrypt.hash("x", cost: 4)
    #expect(try UserFile(text: "a:\(hash)").hashes["a"] == hash)
    #expect(try UserFile(text: "a:$2y$" + hash.dropFirst(4)).hashes["a"] == hash, "$2y$ read as $2b$")
    #expect(throws: VanbanError.self) { try UserFile(text: "a:plaintext") }
    #expect(throws: VanbanError.self) { try UserFile(text: "# nobody\n") }
    // A cost past htpasswd's 17 would keep a core busy for each attempt (31: days).
    let costly = "$2b$31$" + hash.dropFirst(7)
    #expect(throws: VanbanError.self) { try UserFile(text: "a:\(hash)\nb:\(costly)") }
    #expect(throws: VanbanError.self) { try UserFile(text: "a:$2b$03$" + hash.dropFirst(7)) }
  }

  /// A name that is not in the file takes as long to refuse as a wrong password: answering at
  /// once told which names exist. Not a race of two timings: a request that checks a password
  /// spends at least the CPU time one bcrypt check takes, however busy the machine, and one that
  /// checks nothing answers in a few milliseconds.
  @Test func anUnknownNameTakesAsLongAsAWrongPassword() async throws {
    let seeds = try SeedServer()
    let hash = Bcrypt.hash("s3cret", cost: 8)
    let users = try UserFile(text: "lan:" + hash + "\n")
    let check = Self.threadCPUSeconds { _ = Bcrypt.verify("wrong", hash: hash) }
    try await seeds.application(users: users).test(.router) { client in
      for user in ["lan", "nobody"] {
        let start = Date()
        try await client.execute(uri: "/api/stats", method: .get, headers: Self.basic(user, "wrong")) { r in
          #expect(r.status == .unauthorized)
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds >= check / 2, "\(user): refused in \(seconds) s; one bcrypt check takes \(check) s of CPU")
      }
    }
  }

  /// The CPU time `body` takes on this thread (unlike wall time, a busy machine does not add to it).
  static func threadCPUSeconds(_ body: () -> Void) -> Double {
    func now() -> Double {
      var t = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
      return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
  }

  @Test func loopbackOnlyUnlessLoginsOrNoAuth() {
    for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
      #expect(ListenPolicy.refusal(host: host, hasUsers: false, noAuth: false) == nil, "\(host)")
    }
    for host in ["0.0.0.0", "192.168.1.10", "::", "example.org", "127.0.0.1.example.org"] {
      #expect(ListenPolicy.refusal(host: host, hasUsers: false, noAuth: false) != nil, "\(host)")
      #expect(ListenPolicy.refusal(host: host, hasUsers: true, noAuth: false) == nil, "\(host)")
      #expect(ListenPolicy.refusal(host: host, hasUsers: false, noAuth: true) == nil, "\(host)")
    }
    #expect(ListenPolicy.refusal(host: "0.0.0.0", hasUsers: true, noAuth: true) != nil)
  }
}
