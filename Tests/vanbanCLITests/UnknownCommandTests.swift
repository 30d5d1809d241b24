// A mistyped command is named, with the command it is nearest to, on one stderr line and exit 2
// (a usage error, like every error of vanban); a word nowhere near a command gets the list.

import Testing

@Suite struct UnknownCommandTests {
  @Test func aTypoGetsDidYouMean() throws {
    for (typed, meant) in [("serach", "search"), ("shwo", "show"), ("Refs", "refs"), ("qeury", "query")] {
      let r = try CLI.run([typed, "viet", "a"])
      #expect(r.status == 2, "\(typed): exit \(r.status)")
      #expect(r.stdout.isEmpty)
      #expect(r.stderr == "vanban: unknown command `\(typed)`; did you mean `\(meant)`?\n")
    }
  }

  @Test func aWordFarFromEveryCommandGetsTheList() throws {
    let r = try CLI.run(["viet", "a"])
    #expect(r.status == 2)
    #expect(!r.stderr.contains("did you mean"), "\(r.stderr)")
    #expect(r.stderr.hasPrefix("vanban: unknown command `viet` (commands: index, search, "), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
  }

  @Test func errorsInsideAKnownCommandKeepTheirMessage() throws {
    let r = try CLI.run(["search", "--bogus"])
    #expect(r.status == 2)
    #expect(r.stderr == "vanban: Unknown option '--bogus'\n")
    #expect(try CLI.run(["--bogus"]).stderr == "vanban: Unknown option '--bogus'\n")
  }
}
