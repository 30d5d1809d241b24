// Each route against the seed index: the CLI's JSON byte for byte, the error statuses, downloads.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer

@Suite struct APIRouteTests {
  @Test func searchAnswersWhatHitPrinterPrints() async throws {
    let seeds = try SeedServer()
    var request = SearchRequest(text: "viet a")
    request.facets = false
    var options = PrintOptions()
    options.format = .json
    let expected = try HitPrinter.render(try Searcher(indexes: [seeds.index]).search(request), options)
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/search?q=viet%20a", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "application/json; charset=utf-8")
        #expect(r.text == expected)
        // The CLI's keys, sorted (WireFormat: one order on every run), `version` among them.
        #expect(r.json["version"] as? Int == WireFormat.version)
        let hits = r.json["hits"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty)
      }
      // `+` is a space, as forms send it; the same answer.
      try await client.execute(uri: "/api/search?q=viet+a", method: .get) { r in #expect(r.text == expected) }
    }
  }

  @Test func searchFiltersAndFacets() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/search?ref=16%2FCT-TTg&year=2021&year=2022&facets=1&limit=2", method: .get) {
        r in
        #expect(r.status == .ok)
        #expect(r.json["facets"] is [String: Any], "facets=1 counts them")
        #expect(r.json["limit"] as? Int == 2)
      }
    }
  }

  @Test func refsOfAPercentEncodedNumberFindSeed003() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for uri in ["/api/refs/16%2FCT-TTg", "/api/refs/16/CT-TTg"] {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .ok, "\(uri)")
          #expect(r.json["query"] as? String == "16/CT-TTg")
          let ids = (r.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
          #expect(ids.contains { $0.hasPrefix("003_") }, "\(uri): \(ids)")
        }
      }
    }
  }

  @Test func documentsShowMetadataAndTextAndUnknownIsJSON404() async throws {
    let seeds = try SeedServer()
    let shown = try Searcher(indexes: [seeds.index]).document("003_32c798e237f9dc40")
    let expected = try WireFormat.json(ShownAnswer(document: shown.stored, text: shown.text)) + "\n"
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/documents/003_32c798e237f9dc40", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text == expected)
      }
      for uri in ["/api/documents/no_such_document", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/nothing-here"] {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .notFound, "\(uri)")
          #expect(r.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
          #expect(r.json["error"] is String, "\(uri): \(r.text)")
        }
      }
    }
  }

  @Test func citesStatsAndGraph() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/cites/003_32c798e237f9dc40", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.json["cites"] is [Any])
      }
      try await client.execute(uri: "/api/stats", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.json["documents"] as? Int == 5)
      }
      try await client.execute(uri: "/api/graph?number=16%2FCT-TTg&depth=1", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.json["nodes"] is [Any], "\(r.text)")
      }
      try await client.execute(uri: "/api/graph", method: .get) { r in #expect(r.status == .badRequest) }
    }
  }

  @Test(arguments: [
    "/api/search?q=viet&limit=abc", "/api/search?q=viet&since=2022-13-45", "/api/search?q=viet&limit=-1",
    "/api/search?q=viet&sort=sideways", "/api/search?q=viet&colour=red", "/api/search?q=%FF%FE",
    "/api/search?q=%zz", "/api/search", "/api/refs/16%2FCT-TTg?date=yesterday", "/api/search?q=viet&format=xml",
    "/api/search?q=viet&year=abc", "/api/search?q=viet&year=22", "/api/search?q=viet&year=2022..2020",
    "/api/search?q=viet&since=2023&until=2020-06",
    "/api/refs/16%2FCT-TTg?year=20x2", "/api/search?q=viet&fields=bogus",
    "/api/search?q=viet&format=csv&fields=snippet,x", "/api/search?q=viet&format=csv&bom=abc",
    "/api/search?q=viet&agency=", "/api/search?q=viet&type=%20", "/api/search?q=viet&to=&agency=UBND",
  ])
  func badParametersAreJSON400(uri: String) async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: uri, method: .get) { r in
        #expect(r.status == .badRequest, "\(uri): \(r.text)")
        #expect(r.json["error"] is String, "\(uri): \(r.text)")
      }
    }
  }

  @Test func csvIsADownloadWithItsBOM() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/search?q=viet%20a&format=csv", method: .get) { r in
        #expect(r.status == .ok)
        #expect(Array(r.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        #expect(r.headers[.contentType] == "text/csv; charset=utf-8")
      }
      try await client.execute(uri: "/api/refs/16%2FCT-TTg?format=jsonl", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        #expect(r.text.split(separator: "\n").allSatisfy { $0.hasPrefix("{") })
      }
    }
  }

  @Test func securityHeadersOnEveryAnswer() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for uri in ["/api/stats", "/api/nothing-here"] {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
          #expect(r.headers[.xContentTypeOptions] == "nosniff")
          #expect(r.headers[.accessControlAllowOrigin] == nil)
        }
      }
    }
  }
}
