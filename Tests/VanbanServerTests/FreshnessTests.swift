// The server reads the index for as long as it runs: another process's commit must be searched
// without a restart.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import VanbanKit
@testable import VanbanServer

@Suite struct FreshnessTests {
  @Test func aCommitAfterTheServerStartedIsSearched() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      let uri = "/api/search?q=zoplaxit"
      try await client.execute(uri: uri, method: .get) { r in #expect(r.json["total"] as? Int == 0) }
      let text = """
        ỦY BAN NHÂN DÂN
        TỈNH LAI CHÂU
        Số: 77/UBND-VX
        V/v kiểm tra hóa chất zoplaxit

        Lai Châu, ngày 05 tháng 3 năm 2023

        Kính gửi: Sở Y tế

        Đề nghị kiểm tra việc dùng hóa chất zoplaxit trên địa bàn tỉnh.
        """
      try text.write(toFile: seeds.docs + "/010_zoplaxit.txt", atomically: true, encoding: .utf8)
      try seeds.reindex()
      try await client.execute(uri: uri, method: .get) { r in
        #expect(r.json["total"] as? Int == 1, "\(r.text)")
        let ids = (r.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids == ["010_zoplaxit"])
      }
    }
  }

  /// `/api/stats` is worked out once per commit and kept: a commit after it must show.
  @Test func statsFollowEachCommit() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for _ in 0..<2 {
        try await client.execute(uri: "/api/stats", method: .get) { r in #expect(r.json["documents"] as? Int == 5) }
      }
      try "Công văn số 12/UBND về phòng chống dịch.".write(
        toFile: seeds.docs + "/011_them.txt", atomically: true, encoding: .utf8)
      try seeds.reindex()
      try await client.execute(uri: "/api/stats", method: .get) { r in
        #expect(r.json["documents"] as? Int == 6, "\(r.text)")
      }
      try await client.execute(uri: "/api/stats?top=1", method: .get) { r in
        #expect(r.json["documents"] as? Int == 6, "\(r.text)")
      }
    }
  }

  /// Facets are counted from a table read in the background after a commit (FacetTable): the
  /// same counts as before it was read, and a commit after it is counted, not the old table.
  @Test func facetsFollowEachCommit() async throws {
    let seeds = try SeedServer()
    let service = try IndexService(locations: [seeds.index])
    let app = Application(router: VanbanServer.router(ServerSettings(index: service)))
    try await app.test(.router) { client in
      let uri = "/api/search?q=d%E1%BB%8Bch&facets=1"
      func types() async throws -> [String] {
        try await client.execute(uri: uri, method: .get) { r in
          let facets = r.json["facets"] as? [String: Any]
          return (facets?["type"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "") \($0["count"] ?? "")" }
        }
      }
      let counted = try await types()
      #expect(counted == ["Công văn 4", "Thông báo 1"])
      // The first request started the reading; the next ones count from the table once it is kept.
      var waited = 0
      while service.facetTables.kept == nil && waited < 400 {
        try await Task.sleep(nanoseconds: 25_000_000)
        waited += 1
      }
      let table = try #require(service.facetTables.kept, "a table is kept")
      #expect(try await types() == counted)
      // The same numbers with every type renamed: the next page's counts come from the table.
      let renamed = table.values.enumerated().map { i, names in i == 1 ? names.map { "*" + $0 } : names }
      service.facetTables.keep(FacetTable(state: table.state, values: renamed, codes: table.codes))
      #expect(try await types() == ["*Công văn 4", "*Thông báo 1"])

      // After a commit the table is of an earlier state: not used, and the new file is counted.
      try "CÔNG VĂN\nSố: 12/UBND-VX\nVề phòng chống dịch.".write(
        toFile: seeds.docs + "/011_them.txt", atomically: true, encoding: .utf8)
      try seeds.reindex()
      #expect(try await types() == ["Công văn 5", "Thông báo 1"])
    }
  }

  /// A rebuild writes a new generation of shards, swaps the manifest and deletes the old ones:
  /// the server must open the new generation, not fail on the deleted files.
  @Test func aRebuildThatSwapsTheManifestIsSearched() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/stats", method: .get) { r in #expect(r.json["documents"] as? Int == 5) }
      try FileManager.default.removeItem(atPath: seeds.docs + "/000_7dcd8441d4f25c6a.txt")
      var options = IndexOptions(roots: [seeds.docs])
      options.rebuild = true
      options.shards = 2
      _ = try Indexer(indexPath: seeds.index).run(options)
      try await client.execute(uri: "/api/stats", method: .get) { r in
        #expect(r.status == .ok, "\(r.text)")
        #expect(r.json["documents"] as? Int == 4, "\(r.text)")
      }
      try await client.execute(uri: "/api/documents/000_7dcd8441d4f25c6a", method: .get) { r in
        #expect(r.status == .notFound)
      }
    }
  }
}
