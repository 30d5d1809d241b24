// The server answers with the bytes the `vanban` binary prints for the same request: a client can
// move between the CLI and the API without changing its parser.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer
import VanbanTestSupport

@Suite struct CLIParityTests {
  /// Each route beside the command line that prints the same thing.
  static let pairs: [(uri: String, arguments: [String])] = [
    ("/api/search?q=viet%20a", ["search", "viet", "a", "--format", "json"]),
    (
      "/api/search?q=tiem+chung&province=bac+giang&since=2021&facets=1",
      [
        "search", "tiem chung", "--province", "bac giang", "--since", "2021", "--facets", "--format", "json",
      ]
    ),
    (
      "/api/search?type=c%C3%B4ng%20v%C4%83n&sort=oldest&limit=2&offset=1",
      [
        "search", "--type", "công văn", "--sort", "oldest", "--limit", "2", "--offset", "1", "--format", "json",
      ]
    ),
    ("/api/search?q=viet%20a&format=csv", ["search", "viet", "a", "--format", "csv"]),
    (
      "/api/search?q=viet%20a&format=jsonl&fields=id,number",
      [
        "search", "viet", "a", "--format", "jsonl", "--fields", "id,number",
      ]
    ),
    ("/api/refs/16%2FCT-TTg", ["refs", "16/CT-TTg", "--format", "json"]),
    ("/api/refs/16%2FCT-TTg?year=2022&format=csv", ["refs", "16/CT-TTg", "--year", "2022", "--format", "csv"]),
    ("/api/documents/003_32c798e237f9dc40", ["show", "003_32c798e237f9dc40", "--format", "json"]),
    ("/api/cites/003_32c798e237f9dc40", ["cites", "003_32c798e237f9dc40", "--format", "json"]),
    ("/api/stats", ["stats", "--format", "json"]),
    ("/api/graph?number=16%2FCT-TTg&depth=2", ["graph", "16/CT-TTg", "--depth", "2", "--format", "json"]),
  ]

  @Test func theSameBytesAsTheCLI() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      for (uri, arguments) in Self.pairs {
        let cli = try ProcessRunner.run(
          VanbanBinary.path, arguments + ["--index", seeds.index], environment: ["NO_COLOR": "1"], timeout: 60)
        #expect(cli.status == 0, "\(arguments): \(cli.stderr)")
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .ok, "\(uri)")
          #expect(r.text == cli.stdout, "\(uri) differs from vanban \(arguments.joined(separator: " "))")
        }
      }
    }
  }

  @Test func aSharedAddressWithoutLoginsIsRefused() throws {
    let seeds = try SeedServer()
    let r = try ProcessRunner.run(
      VanbanBinary.path, ["serve", "--index", seeds.index, "--host", "0.0.0.0", "--port", "0"], timeout: 30)
    #expect(r.finished)
    #expect(r.status == 2)
    #expect(r.stderr.contains("--users FILE") && r.stderr.contains("--no-auth"), "\(r.stderr)")
  }
}
