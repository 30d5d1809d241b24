// The binary every CLI test runs: one clear failure when it is missing, instead of one per test.

import Foundation
import Testing

@Suite struct BinaryUnderTestTests {
  @Test func theBinaryUnderTestExists() throws {
    #expect(
      FileManager.default.isExecutableFile(atPath: CLI.binary),
      "no vanban at \(CLI.binary): set VANBAN_BIN, or build it (`make test` does both)")
    let r = try CLI.run(["--help"])
    #expect(r.status == 0, "\(CLI.binary) --help: exit \(r.status) \(r.stderr)")
  }
}
