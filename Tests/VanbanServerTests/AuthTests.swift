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
  /// once told which names exist. Coarse (half the time), so a busy machine cannot fail it.
  @Test func anUnknownNameTakesAsLongAsAWrongPassword() async throws {
    let seeds = try SeedServer()
    let users = try UserFile(text: "lan:" + Bcrypt.hash("s3cret", cost: 10) + "\n")
    try await seeds.application(users: users).test(.router) { client in
      func seconds(_ user: String, _ password: String) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<3 {
          let start = Date()
          try await client.execute(uri: "/api/stats", method: .get, headers: Self.basic(user, password)) { r in
            #expect(r.status == .unauthorized)
          }
          times.append(Date().timeIntervalSince(start))
        }
        return times.sorted()[1]
      }
      let known = try await seconds("lan", "wrong")
      let unknown = try await seconds("nobody", "wrong")
      #expect(unknown >= known / 2, "unknown name \(unknown) s, wrong password \(known) s")
    }
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
