// What the server answers besides GET: HEAD as GET without the body, 405 for a method that would
// write, and CORS only for the one origin `--cors` names.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer
import VanbanTestSupport

@Suite struct MethodTests {
  @Test func headIsGetWithoutTheBody() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for uri in ["/", "/?q=viet+a", "/api/search?q=viet+a", "/api/stats", "/static/vanban.css"] {
        var length: String?
        var type: String?
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .ok, "\(uri)")
          length = r.headers[.contentLength]
          type = r.headers[.contentType]
        }
        try await client.execute(uri: uri, method: .head) { r in
          #expect(r.status == .ok, "\(uri)")
          #expect(r.body.readableBytes == 0, "\(uri)")
          #expect(r.headers[.contentType] == type, "\(uri)")
          #expect(r.headers[.contentLength] == length, "\(uri)")
        }
      }
      try await client.execute(uri: "/api/documents/nope", method: .head) { r in #expect(r.status == .notFound) }
    }
  }

  /// A HEAD of an original opens it to check it, and closes it though no body is sent: 200 of
  /// them leave no descriptor open (they once did, and a few hundred stopped every search).
  @Test func headOfAnOriginalLeavesNoFileOpen() async throws {
    let seeds = try SeedServer()
    @Sendable func openFiles() throws -> Int {
      try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }
    try await seeds.application().test(.router) { client in
      let uri = "/documents/\(PageTests.vietA)/file"
      try await client.execute(uri: uri, method: .get) { r in #expect(r.status == .ok) }
      let before = try openFiles()
      for _ in 0..<200 {
        try await client.execute(uri: uri, method: .head) { r in
          #expect(r.status == .ok)
          #expect(r.headers[.contentDisposition]?.hasPrefix("attachment") == true)
        }
      }
      // Other tests run beside this one and open files of their own: a leak would be 200.
      #expect(try openFiles() - before < 100)
    }
  }

  @Test func aMethodThatWouldWriteIs405() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for (uri, method) in [
        ("/api/search?q=viet+a", HTTPRequest.Method.post), ("/api/stats", .delete), ("/", .put),
        ("/api/stats", .options),
        ("/nope", .patch),
      ] {
        try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "x")) { r in
          #expect(r.status == .methodNotAllowed, "\(method) \(uri)")
          #expect(r.headers[.allow] == "GET, HEAD", "\(method) \(uri)")
          if uri.hasPrefix("/api/") {
            #expect((r.json["error"] as? String)?.contains("only reads") == true, "\(method) \(uri): \(r.text)")
          } else {
            #expect(r.text.contains("<h1>Chỉ đọc</h1>"), "\(method) \(uri): \(r.text)")
          }
        }
      }
    }
  }

  /// No route reads a body: a GET sending one is refused at once.
  @Test func aRequestBodyIs413() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/stats", method: .get, body: ByteBuffer(repeating: 0x61, count: 100_000)) {
        r in
        #expect(r.status == .contentTooLarge)
        #expect(r.json["error"] as? String == "a request here has no body")
      }
      try await client.execute(uri: "/api/stats", method: .get) { r in #expect(r.status == .ok) }
    }
  }

  /// No CORS header by default, even for a request that names its origin; with `--cors`, that
  /// origin alone, its preflight answered before the login (a browser sends none with it).
  @Test func corsOnlyForTheOriginNamed() async throws {
    let seeds = try SeedServer()
    let origin = HTTPField.Name("Origin")!
    let allow = HTTPField.Name("Access-Control-Allow-Origin")!
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/stats", method: .get, headers: [origin: "https://portal.example.vn"]) { r in
        #expect(r.status == .ok)
        #expect(r.headers[allow] == nil)
      }
      try await client.execute(uri: "/api/stats", method: .options, headers: [origin: "https://portal.example.vn"]) {
        r in
        #expect(r.status == .methodNotAllowed)
        #expect(r.headers[allow] == nil)
      }
    }
    let users = try UserFile(text: "clerk:" + Bcrypt.hash("mật khẩu", cost: 4))
    try await seeds.application(users: users, corsOrigin: "https://portal.example.vn").test(.router) { client in
      try await client.execute(uri: "/api/stats", method: .options, headers: [origin: "https://portal.example.vn"]) {
        r in
        #expect(r.status == .noContent, "the preflight needs no login")
        #expect(r.headers[allow] == "https://portal.example.vn")
        #expect(r.headers[HTTPField.Name("Access-Control-Allow-Methods")!] == "GET, HEAD")
        #expect(r.headers[HTTPField.Name("Access-Control-Allow-Credentials")!] == "true")
      }
      let login = "Basic " + Data("clerk:mật khẩu".utf8).base64EncodedString()
      try await client.execute(
        uri: "/api/stats", method: .get, headers: [origin: "https://portal.example.vn", .authorization: login]
      ) { r in
        #expect(r.status == .ok)
        #expect(r.headers[allow] == "https://portal.example.vn")
        #expect(r.headers[.vary] == "Origin")
      }
      // An error carries it too, so the page calling can read the message.
      try await client.execute(uri: "/api/stats", method: .get, headers: [origin: "https://portal.example.vn"]) { r in
        #expect(r.status == .unauthorized)
        #expect(r.headers[allow] == "https://portal.example.vn")
      }
      try await client.execute(
        uri: "/api/stats", method: .get, headers: [origin: "https://evil.example", .authorization: login]
      ) { r in
        #expect(r.status == .ok)
        #expect(r.headers[allow] == nil, "another origin")
      }
    }
  }

  /// `--cors` is read as a browser writes an origin, and anything else is refused at start.
  @Test func theCorsOptionTakesOneOrigin() throws {
    let seeds = try SeedServer()
    let server = try LiveServer(["--index", seeds.index, "--cors", "HTTPS://Portal.Example.vn:443/"])
    let script = """
      import sys, urllib.request
      req = urllib.request.Request(sys.argv[1] + "/api/stats", headers={"Origin": "https://portal.example.vn"})
      print(urllib.request.urlopen(req).headers.get("Access-Control-Allow-Origin"))
      """
    let r = try ProcessRunner.run("/usr/bin/python3", ["-c", script, server.base], timeout: 60)
    #expect(r.stdout == "https://portal.example.vn\n", "\(r.stderr)")
    for bad in ["*", "https://portal.example.vn/search", "portal.example.vn", "ftp://x.vn"] {
      let refused = try ProcessRunner.run(
        VanbanBinary.url.path, ["serve", "--index", seeds.index, "--port", "0", "--cors", bad], timeout: 60)
      #expect(refused.status == 2, "\(bad)")
      #expect(refused.stderr.contains("--cors takes one origin"), "\(bad): \(refused.stderr)")
    }
  }
}
