// The server's time limit on a search (`vanban serve --time-limit`): past it the API answers 200
// with the best hits found, marked `timedOut`, and the page says so in Vietnamese.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer

@Suite struct ServerTimeLimitTests {
  @Test func aSearchPastTheLimitIsAnsweredAndMarked() async throws {
    let seeds = try SeedServer()
    // Passed before any match begins, so every search stops at its first document.
    try await seeds.application(searchTimeLimit: 1e-9).test(.router) { client in
      try await client.execute(uri: "/api/search?q=viet+a", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.json["timedOut"] as? Bool == true)
        #expect((r.json["hits"] as? [Any])?.isEmpty == true)
        #expect(r.json["totalExact"] as? Bool == false, "the total is sampled apart from the page")
      }
      // A download cannot say it is partial: 503, with a JSON error that says why.
      for format in ["csv", "jsonl"] {
        try await client.execute(uri: "/api/search?q=viet+a&format=\(format)", method: .get) { r in
          #expect(r.status == .serviceUnavailable)
          #expect((r.json["error"] as? String)?.contains("time limit") == true, "\(r.text)")
        }
      }
      try await client.execute(uri: "/api/refs/16%2FCT-TTg?format=csv", method: .get) { r in
        #expect(r.status == .serviceUnavailable)
      }
      for page in ["/?q=viet+a", "/refs/16%2FCT-TTg"] {
        try await client.execute(uri: page, method: .get) { r in
          #expect(r.status == .ok)
          #expect(r.text.contains("quá thời gian cho phép"), "\(page)")
          #expect(!r.text.contains(Searcher.timedOutNote), "\(page): said in Vietnamese, not twice")
        }
      }
    }
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/api/search?q=viet+a", method: .get) { r in
        #expect(r.json["timedOut"] as? Bool == false)
        #expect((r.json["hits"] as? [Any])?.isEmpty == false)
      }
      try await client.execute(uri: "/?q=viet+a", method: .get) { r in
        #expect(!r.text.contains("quá thời gian cho phép"))
      }
    }
  }
}
