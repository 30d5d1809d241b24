// Issue F, bad queries through the binary: each gets a clear message or a sensible answer, exit
// 0, 1 or 2, never a crash, in well under 5 s on the seeds. (NUL cannot pass through argv: see
// VanbanKitTests/BadQuerySearcherTests.)

import Foundation
import Testing

@Suite(.serialized) struct BadQueryTests {
  nonisolated(unsafe) static let ws: Workspace = {
    let ws = try! Workspace()
    try! ws.index()
    return ws
  }()

  /// Runs `search ARGS`; checks exit code, time, and that an error is one `vanban:` line.
  @discardableResult
  func check(
    _ args: [String], expect codes: Set<Int32> = [0, 1, 2], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CLIResult {
    let t0 = Date()
    let (r, finished) = try Faults.run(["search", "--index", Self.ws.index.path] + args, within: 10)
    let seconds = Date().timeIntervalSince(t0)
    let label = String(args.joined(separator: " ").prefix(80)).debugDescription
    #expect(finished, "\(label) did not finish", sourceLocation: sourceLocation)
    #expect(codes.contains(r.status), "\(label): exit \(r.status) \(r.stderr)", sourceLocation: sourceLocation)
    #expect(seconds < 5, "\(label) took \(seconds) s", sourceLocation: sourceLocation)
    if r.status == 2 {
      Faults.expectOneClearLine(r, sourceLocation: sourceLocation)
    } else if args.contains("json") && !args.contains("--") {
      #expect(r.json["hits"] != nil, "\(label): stdout is not the JSON answer", sourceLocation: sourceLocation)
    }
    return r
  }

  @Test(arguments: [
    "\"unbalanced", "viet \"a", "(viet a", "viet a)", "((((viet", "))))", "\"\"", "()", "( )",
    "AND", "OR", "NOT", "NEAR", "-", "+", "*", "viet AND", "OR viet", "NOT NOT NOT", "a AND OR NOT b",
    "viet NEAR", "NEAR NEAR", "--", "-+-+", "+-viet", "\"viet a", "agency:", "agency:\"", "ref:", "ref:/",
    "ref:*", "date:", "date:..", "date:2022-13", "date:2022-01..abc", "date:a..b..c", "year:abc", "unknown:field",
    ":", "::::", "viet:a:b", "tiem*", "t*", "a*", "**", "*viet", "\\", "'", "`rm -rf /`", "$(echo hi)",
    "%00", "\u{1}\u{2}\u{7f}", "\u{1b}[31mred\u{1b}[0m", "\t\r\n", "\u{202e}ỉộ", "\u{FFFD}\u{FEFF}", "🇻🇳 🙂",
    String(repeating: "đ", count: 300), String(repeating: "(", count: 500), String(repeating: "\"", count: 501),
  ])
  func oddQueriesAnswerOrSayWhy(query: String) throws {
    // Alternate the modes (by the query's length) to keep the number of processes down.
    if query.utf8.count % 2 == 0 {
      try check([query, "--format", "json"])
    } else {
      try check([query, "--any", "--exact", "--format", "text"])
    }
  }

  @Test func parenthesesAndQuotesAreReadAsPlainWordsWithANote() throws {
    let r = try check(["\"Việt", "Á", "--format", "json"])
    #expect(r.status == 0)
    #expect(
      r.stderr.contains("note: query read as plain words") || (r.json["notes"] as? [String])?.isEmpty == false,
      "\(r.stderr)")
  }

  @Test func tenKilobyteQueryAndAThousandTerms() throws {
    var rng = SplitMix(seed: 11)
    let vocabulary = [
      "ủy", "ban", "nhân", "dân", "tỉnh", "việt", "á", "tiêm", "chủng", "covid", "sở", "y", "tế", "xyzzy",
    ]
    let thousand = (0..<1000).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
    try check([thousand, "--format", "json"])
    try check(["--any", thousand, "--format", "json"])
    let ops = ["AND", "OR", "NOT", "NEAR", "(", ")", "\"", "-", "+", "tiem*", "ref:16/CT-TTg"]
    var tenK = ""
    while tenK.utf8.count < 10_240 {
      tenK +=
        (rng.next() % 3 == 0
          ? ops[Int(rng.next() % UInt64(ops.count))] : vocabulary[Int(rng.next() % UInt64(vocabulary.count))]) + " "
    }
    try check([tenK, "--format", "json"])
    try check([String(repeating: "a", count: 10_240)])
    try check([String(repeating: "tiêm*", count: 2_000)])
  }

  @Test func wildcardThatMatchesTooMuchIsBounded() throws {
    let ws = try Workspace(seeds: false)
    // 3,000 distinct words starting with `pre`, so `pre*` would expand past maxExpansion.
    func letters(_ i: Int) -> String {
      var n = i, s = ""
      repeat { s.append(Character(UnicodeScalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
      return s
    }
    let words = (0..<3_000).map { "pre" + letters($0) }
    for f in 0..<6 {
      try ws.write("w\(f).txt", "CÔNG VĂN\n" + words[(f * 500)..<((f + 1) * 500)].joined(separator: " ") + "\n")
    }
    #expect(try ws.index().status == 0)
    let t0 = Date()
    let r = try CLI.run(["search", "--index", ws.index.path, "pre*", "--format", "json"])
    #expect(Date().timeIntervalSince(t0) < 5)
    #expect(r.status == 0 || r.status == 2, "\(r.stderr)")
    if r.status == 2 { Faults.expectOneClearLine(r) }
    try check(["a*", "b*", "c*", "d*", "t*", "n*", "--any", "--format", "json"])
  }

  @Test func pagingOptionsOutOfRange() throws {
    for bad in [
      ["--limit", "-1"], ["--offset", "-5"], ["--limit", "99999999999999999999999"], ["--offset", "x"],
      ["--limit", ""], ["--context", "-1"], ["--time-limit", "-1"], ["--time-limit", "nan"],
      ["--time-limit", "inf"],
    ] {
      let r = try check(["viet", "a"] + bad, expect: [2])
      #expect(!r.stderr.contains("Usage"), "one line, not the usage text: \(r.stderr)")
    }
    #expect(try check(["viet", "a", "--limit", "0", "--format", "json"]).hits.isEmpty)
    // A time limit passed before the match: no hits, said so on stderr and in `timedOut`.
    let stopped = try check(["viet", "a", "--time-limit", "0.000000001", "--format", "json"], expect: [0, 1])
    #expect(stopped.json["timedOut"] as? Bool == true && stopped.hits.isEmpty, "\(stopped.stdout.prefix(300))")
    #expect(stopped.stderr.contains("time limit"), "\(stopped.stderr)")
    #expect(try check(["viet", "a", "--time-limit", "0", "--format", "json"]).json["timedOut"] as? Bool == false)
    let serve = try ProcessRunner.run(VanbanBinary.path, ["serve", "--time-limit", "-2"], timeout: 60)
    #expect(serve.status == 2 && serve.stderr.contains("--time-limit"), "\(serve.stderr)")
    #expect(try check(["viet", "a", "--limit", "9223372036854775807", "--format", "json"]).status == 0)
    #expect(try check(["viet", "a", "--offset", "9223372036854775807", "--format", "json"]).hits.isEmpty)
    #expect(try check(["viet", "a", "--offset", "1000000", "--limit", "1000000", "--format", "csv"]).status != 2)
    let refs = try Faults.run(
      ["refs", "16/CT-TTg", "--index", Self.ws.index.path, "--limit", "-3", "--offset", "-9"], within: 10
    ).0
    #expect(refs.status == 0 || refs.status == 2)
  }

  @Test func malformedDatesAreOneClearLine() throws {
    for bad in ["2022-13", "2022-02-30", "abc", "", "20222", "-1", "2022-1-1-1", "９９９９", "2022/01/01x"] {
      let r = try check(["viet", "--since", bad], expect: [0, 1, 2])
      if r.status == 2 { #expect(r.stderr.contains("since") || r.stderr.contains(bad), "\(r.stderr)") }
    }
    // A range that ends before it starts is a mistake said, not an empty answer.
    try check(["--since", "2023", "--until", "2020", "--format", "json"], expect: [2])
    try check(["--until", "2030-12-31", "--since", "1990", "--format", "json"], expect: [0])
    try check(["--until", "9999-12-31", "--format", "json"], expect: [0, 2])
  }

  /// An empty filter value (`--agency "$AGENCY"` with nothing in it) would match no document: it
  /// is an error that names the option, not a search that quietly finds nothing.
  @Test func emptyFilterValuesAreErrors() throws {
    let options = ["agency", "issuer", "to", "ref", "type", "province", "signer", "company", "year", "since", "until"]
    for option in options {
      for empty in ["", "  "] {
        let r = try check(["viet", "--" + option, empty, "--format", "json"], expect: [2])
        #expect(r.stderr.contains("--\(option) is empty"), "--\(option) '\(empty)': \(r.stderr)")
      }
    }
  }

  /// A year that names no year is an error, not a search that quietly finds nothing; a range of
  /// years (what the search page offers) finds what the years one by one find.
  @Test func yearsAreCheckedAndRangesRead() throws {
    for bad in ["abc", "22", "2022-01", "20222", "2022..2020", "2020..", "1.2", "９９９９"] {
      let r = try check(["--year", bad, "--format", "json"], expect: [2])
      #expect(r.stderr.contains("--year") && r.stderr.contains("not a year"), "\(bad): \(r.stderr)")
    }
    for extra in [[], ["--date", "2022-01-05"]] {
      let refs = try Faults.run(
        ["refs", "16/CT-TTg", "--index", Self.ws.index.path, "--year", "2O22"] + extra, within: 10
      ).0
      #expect(refs.status == 2 && refs.stderr.contains("--year"), "\(extra): \(refs.stderr)")
    }
    // In the query language a bad year is a note, and the words are searched as typed.
    let field = try check(["viet year:abc", "--format", "json"], expect: [0, 1])
    #expect(field.stderr.contains("is not a year"), "\(field.stderr)")
    // A date range that ends before it starts is the same mistake as `--year 2022..2020`.
    let dates = try check(["viet", "--since", "2023", "--until", "2020-06", "--format", "json"], expect: [2])
    #expect(dates.stderr.contains("ends (2020-06) before it starts (2023)"), "\(dates.stderr)")
    #expect(
      try check(["viet", "--since", "2020-06", "--until", "2020", "--format", "json"], expect: [0, 1]).status != 2)
    let range = try check(["viet date:2020..2019", "--format", "json"], expect: [0, 1])
    #expect(range.stderr.contains("ends before it starts"), "\(range.stderr)")

    func ids(_ years: [String]) throws -> Set<String> {
      let r = try check(years.flatMap { ["--year", $0] } + ["--limit", "100", "--all-copies", "--format", "json"])
      return Set(r.hits.compactMap { $0["id"] as? String })
    }
    let one = try (2018...2023).map { try ids([String($0)]) }
    #expect(one.contains { !$0.isEmpty }, "the seeds have dated documents")
    #expect(try ids(["2018..2023"]) == one.reduce(Set<String>()) { $0.union($1) })
    #expect(try ids(["2021..2021"]) == one[3])
  }

  /// `vanban search hải quan -thuế`: the unquoted `-thuế` was read as short flags, `h` among them,
  /// and printed the help with exit 0. It is an error that says how to write it.
  @Test func anUnquotedMinusWordIsNotTakenForHelp() throws {
    for word in ["-thuế", "-hải", "-th"] {
      let r = try check(["hải", "quan", word], expect: [2])
      #expect(r.stdout.isEmpty && !r.stderr.contains("USAGE"), "\(word): \(r.stdout.prefix(200))")
      #expect(r.stderr.contains("`\(word)` is not an option") && r.stderr.contains("quoted query"), "\(r.stderr)")
    }
    // The group named is the one read as help, not an earlier dash word.
    let named = try check(["--limit", "-100", "hải", "-thuế"], expect: [2])
    #expect(named.stderr.contains("`-thuế`"), "\(named.stderr)")
    // Asked for by name, the help is still the help; after `--`, the word is the query's.
    for asked in [
      ["search", "-h"], ["search", "-help"], ["search", "--help"], ["help", "search"], ["index", "-qh"],
    ] {
      let help = try CLI.run(asked)
      #expect(help.status == 0 && help.stdout.contains("USAGE"), "\(asked): \(help.stderr)")
    }
    try check(["--format", "json", "--", "hải", "quan", "-thuế"], expect: [0, 1])
    try check(["hải quan -thuế", "--format", "json"], expect: [0, 1])
  }
}
