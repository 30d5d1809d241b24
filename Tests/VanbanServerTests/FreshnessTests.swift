// The server reads the index for as long as it runs: another process's commit must be searched
// without a restart.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer

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
}
