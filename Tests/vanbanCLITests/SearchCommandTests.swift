// The user's three needs, end to end through the binary on the seed dispatches.

import Foundation
import Testing

@Suite(.serialized) struct SearchCommandTests {
  let ws: Workspace

  init() throws {
    ws = try Workspace()
    let r = try ws.index()
    #expect(r.status == 0, "index failed: \(r.stderr)")
  }

  @Test func accentedQueryFindsVietAFirst() throws {
    let r = try ws.search("Việt Á")
    #expect(r.status == 0)
    #expect(r.seedIDs.first == "000")
  }

  @Test func foldedQueryFindsVietA() throws {
    let r = try ws.search("viet", "a")
    #expect(r.status == 0)
    #expect(r.seedIDs.first == "000")
    let snippet = r.hits.first?["snippet"] as? String ?? ""
    #expect(snippet.contains("«Việt» «Á»"), "folded matches are marked: \(snippet)")
  }

  @Test func everyHitHasTheDocumentedKeys() throws {
    let r = try ws.search("Omicron")
    let keys: Set<String> = [
      "rank", "id", "path", "score", "type", "number", "issuer", "province", "date", "subject", "signer",
      "recipients", "references", "snippet",
    ]
    #expect(!r.hits.isEmpty)
    for h in r.hits { #expect(keys.isSubset(of: Set(h.keys)), "missing \(keys.subtracting(h.keys))") }
    #expect(r.json["total"] != nil && r.json["version"] as? Int == 1)
  }

  @Test(arguments: ["16/CT-TTg", "16/ct-ttg", "16 / CT-TTg", "16/CT–TTg"])
  func refsFindExactlyTheCitingDispatch(spelling: String) throws {
    let r = try CLI.run(["refs", spelling, "--index", ws.index.path, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.seedIDs == ["003"])
    let cites = r.hits.first?["citations"] as? [[String: Any]] ?? []
    #expect(cites.contains { ($0["sentence"] as? String ?? "").contains("16/CT-TTg") }, "the citing line is given")
  }

  @Test(arguments: ["UBND tỉnh Lai Châu", "lai chau", "Ủy ban nhân dân tỉnh Lai Châu"])
  func agencyFilterInAnySpelling(agency: String) throws {
    let r = try ws.search("--agency", agency)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.seedIDs == ["002"])
  }

  /// `--issuer` and `issuer:` take the whole name, in any spelling; a part of it finds nothing,
  /// where `--agency` finds its words inside the name.
  @Test func issuerFilterTakesTheWholeName() throws {
    for v in ["UBND tỉnh Lai Châu", "uy ban nhan dan tinh lai chau"] {
      #expect(try ws.search("--issuer", v).seedIDs == ["002"], "\(v)")
      #expect(try ws.search("issuer:\"\(v)\"").seedIDs == ["002"], "\(v)")
    }
    let part = try ws.search("--issuer", "lai chau")
    #expect(part.status == 1, "\(part.stdout)")
    #expect(part.seedIDs.isEmpty)
    #expect(try ws.search("--agency", "lai chau").seedIDs == ["002"])
  }

  @Test func refOptionAndPrefixFilter() throws {
    #expect(try ws.search("--ref", "585-TB/TU").seedIDs == ["001"])
    #expect(try ws.search("ref:585-TB/TU").seedIDs == ["001"])
  }

  @Test func phraseInsideDecomposedText() throws {
    let r = try ws.search("\"các Phó Chủ tịch\"")
    #expect(r.seedIDs.contains("003"))
  }

  @Test func placeTypedWithoutDiacriticsIsFound() throws {
    #expect(try ws.search("Sơn La").seedIDs.contains("000"))
  }

  @Test func noHitsExitsOne() throws {
    let r = try ws.search("zzqqxxnothing")
    #expect(r.status == 1)
  }

  @Test(arguments: ["x AND", "\"unbalanced", "AND", "a OR", "(((", "NOT", ")", "a:b:c", "ref:", "-", "*"])
  func oddQueriesNeverCrash(query: String) throws {
    let r = try ws.search(query)
    #expect([0, 1, 2].contains(r.status), "status \(r.status): \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
  }

  /// A page with no hits on it (a limit of 0, an offset past the end) says how many match and
  /// exits 0; only a search that matches nothing says "no documents match" and exits 1.
  @Test(arguments: [["--limit", "0"], ["--offset", "100000"]])
  func anEmptyPageStillCountsTheMatches(extra: [String]) throws {
    let r = try CLI.run(["search", "--index", ws.index.path, "Omicron"] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("documents match; none on this page"), "\(r.stdout)")
    #expect(!r.stdout.contains("no documents match"))
  }

  @Test func unparsableQueryIsReadAsPlainWordsWithANote() throws {
    let r = try ws.search("Omicron AND")
    #expect(r.status == 0)
    #expect((r.json["notes"] as? [String] ?? []).contains { $0.contains("plain words") })
  }

  @Test func jsonLinesIsOneHitPerLine() throws {
    let r = try CLI.run(["search", "--index", ws.index.path, "--format", "jsonl", "Omicron"])
    let lines = r.stdout.split(separator: "\n")
    #expect(r.status == 0 && lines.count >= 1)
    for l in lines {
      let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]
      #expect(o?["path"] != nil)
    }
  }

  @Test func csvHasBOMAndSameColumns() throws {
    let r = try CLI.run(["search", "--index", ws.index.path, "--format", "csv", "Omicron"])
    #expect(r.stdout.hasPrefix("\u{FEFF}rank,id,path"))
    let noBom = try CLI.run(["search", "--index", ws.index.path, "--format", "csv", "--no-bom", "Omicron"])
    #expect(noBom.stdout.hasPrefix("rank,id,path"))
  }

  @Test func fieldsLimitTheColumns() throws {
    let r = try ws.search("Omicron", "--fields", "id,date")
    #expect(Set(r.hits.first?.keys.map { $0 } ?? []) == ["id", "date"])
  }

  @Test func relaxedWhenNotAllWordsMatch() throws {
    let r = try ws.search("Omicron", "zzqqxxnothing")
    #expect(r.status == 0)
    #expect(r.json["relaxed"] as? Bool == true)
  }

  @Test func facetsCountAllMatches() throws {
    let r = try ws.search("dịch", "--limit", "1", "--facets")
    let facets = r.json["facets"] as? [String: Any]
    let years = facets?["year"] as? [[String: Any]] ?? []
    let total = years.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
    #expect(r.hits.count == 1 && total >= 4, "facets over all matches, not the page: \(years)")
    // Not asked for, not computed.
    #expect(try ws.search("dịch", "--limit", "1").json["facets"] is NSNull)
  }

  @Test func filterOnlyListsDocuments() throws {
    let r = try ws.search("--province", "bac giang")
    #expect(r.seedIDs == ["003"])
  }

  @Test func suggestionGivesTheAccentedForm() throws {
    let r = try ws.search("tiem", "chung")
    #expect(r.json["suggestion"] as? String == "tiêm chủng")
  }

  @Test func missingIndexIsAnErrorWithAMessage() throws {
    let r = try CLI.run(["search", "--index", ws.root.appendingPathComponent("nope").path, "anything"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no index"))
  }

  @Test func badOptionValuesExitTwo() throws {
    #expect(try ws.search("x", "--since", "yesterday").status == 2)
    #expect(try ws.search("x", "--limit", "-5").status == 2)
  }
}
