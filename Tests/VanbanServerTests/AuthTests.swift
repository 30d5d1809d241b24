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
