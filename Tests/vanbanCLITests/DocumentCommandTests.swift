// show, cites, stats and help through the binary.

import Foundation
import Testing

@Suite(.serialized) struct DocumentCommandTests {
  let ws: Workspace

  init() throws {
    ws = try Workspace()
    try ws.index()
  }

  @Test func showPrintsMetadataAndText() throws {
    let r = try ws.run("show", "002_ead38499c3c2102a", "--format", "json")
    #expect(r.status == 0)
    let doc = r.json["document"] as? [String: Any]
    let meta = doc?["metadata"] as? [String: Any]
    #expect(meta?["issuer"] as? String == "UBND tỉnh Lai Châu")
    #expect((r.json["text"] as? String ?? "").contains("Phiên họp thứ 18"))
  }

  @Test func showRefusesWhatIsNotIndexed() throws {
    let r = try ws.run("show", "/etc/passwd")
    #expect(r.status == 2)
    #expect(r.stderr.contains("no document"))
  }

  @Test func citesListsTheNumbers() throws {
    let r = try ws.run("cites", "003_32c798e237f9dc40", "--format", "json")
    let numbers = (r.json["cites"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
    #expect(numbers.contains("16/CT-TTg") && numbers.contains("778/CĐ-TTg"))
  }

  @Test func statsHasDocumentsAndMostCited() throws {
    let r = try ws.run("stats", "--format", "json")
    #expect(r.json["documents"] as? Int == 5)
    #expect(!(r.json["most_cited"] as? [Any] ?? []).isEmpty)
  }

  /// What a filter can never find: seed 003 is unsigned, every seed has an issuer, type and date.
  @Test func statsSaysWhatIsUnknown() throws {
    let unknown = try ws.run("stats", "--format", "json").json["unknown"] as? [String: Int]
    #expect(unknown == ["issuer": 0, "type": 0, "date": 0, "signer": 1])
    #expect(try ws.run("stats").stdout.contains("unknown: 0 no issuer, 0 no type, 0 no date, 1 no signer"))
  }

  /// Each command takes only the formats it can print: CSV for one object is refused (exit 2,
  /// naming the formats), not answered with text and exit 0; jsonl is the object on one line.
  @Test func objectCommandsRefuseCSVAndPrintEveryFormatTheyTake() throws {
    let commands: [[String]] = [["show", "002_ead38499c3c2102a"], ["cites", "003_32c798e237f9dc40"], ["stats"]]
    for c in commands {
      let csv = try CLI.run(c + ["--index", ws.index.path, "--format", "csv"])
      #expect(csv.status == 2 && csv.stderr.contains("jsonl") && csv.stdout.isEmpty, "\(c): \(csv.stderr)")
      for f in ["text", "json", "jsonl"] {
        let r = try CLI.run(c + ["--index", ws.index.path, "--format", f])
        #expect(r.status == 0 && !r.stdout.isEmpty, "\(c) \(f): \(r.stderr)")
        if f == "jsonl" {
          #expect(r.stdout.split(separator: "\n").count == 1)
          #expect(!r.json.isEmpty)
        }
      }
    }
  }

  /// `refs` JSON says which number was asked for.
  @Test func refsJSONCarriesTheNumberAsked() throws {
    let r = try ws.run("refs", "16/ct-ttg", "--format", "json")
    #expect(r.status == 0 && r.json["query"] as? String == "16/ct-ttg", "\(r.stdout.prefix(300))")
  }

  /// `refs` shows every line that cites the number, with a count; `--lines N` caps the text
  /// output only, and JSON and CSV (`citation_lines`, `citation_dates`) carry every line.
  @Test func refsListsEveryCitingLine() throws {
    let w = try Workspace(seeds: false)
    var text = "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG\nSố: 12/UBND-VX\nV/v thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022\n"
    for i in 1...12 { text += "\(i). Nội dung \(i) theo Chỉ thị số 16/CT-TTg được triển khai.\n" }
    try w.write("many.txt", text)
    try w.write("one.txt", "Số: 3/SYT\nThực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng.\n")
    #expect(try w.index().status == 0)

    let json = try w.run("refs", "16/CT-TTg", "--format", "json").json
    let hits = json["hits"] as? [[String: Any]] ?? []
    let byID = Dictionary(uniqueKeysWithValues: hits.map { ($0["id"] as? String ?? "", $0) })
    let many = byID["many"]?["citations"] as? [[String: Any]] ?? []
    #expect(many.compactMap { $0["line"] as? Int } == Array(3...15))
    #expect(many.allSatisfy { $0["date"] as? String == "2022-09-20" })
    #expect((byID["one"]?["citations"] as? [Any])?.count == 1)

    let capped = try w.run("refs", "16/CT-TTg", "--lines", "2", "--color", "never")
    #expect(capped.stdout.contains("cited on 13 lines") && capped.stdout.contains("… 11 more citing lines"))
    #expect(capped.stdout.contains("   3: ") && capped.stdout.contains("   4: ") && !capped.stdout.contains("   5: "))
    let all = try w.run("refs", "16/CT-TTg", "--color", "never")
    #expect(all.stdout.contains("   15: ") && !all.stdout.contains("more citing"))
    #expect(try w.run("refs", "16/CT-TTg", "--lines", "-1").status == 2)

    let csv = try w.run(
      "refs", "16/CT-TTg", "--format", "csv", "--no-bom", "--fields", "id,citation_lines,citation_dates")
    let rows = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(rows.first == "id,citation_lines,citation_dates")
    let row = rows.first { $0.hasPrefix("many,") } ?? ""
    #expect(row.hasPrefix("many,3; 4; 5; 6;") && row.contains("2022-09-20; 2022-09-20"), "\(row)")
    let searchCSV = try w.search("chỉ thị", "--format", "csv", "--no-bom")
    #expect(!searchCSV.stdout.contains("citation_lines"))
  }

  /// Same-named files get ids no other document shares (the shortest end of their path), the
  /// bare name is ambiguous (`show` lists the choices, exit 2), a unique name still finds its
  /// document, and a file name in NFD is found by its name in NFC.
  @Test func idsAreUniqueAndAnAmbiguousNameListsTheChoices() throws {
    let w = try Workspace(seeds: false)
    let fm = FileManager.default
    for d in ["a", "b"] {
      try fm.createDirectory(at: w.corpus.appendingPathComponent(d), withIntermediateDirectories: true)
    }
    try w.write("a/x.txt", "Số: 1/UBND\nCông văn về phòng chống dịch tại xã Một.\n")
    try w.write("b/x.txt", "Số: 2/UBND\nCông văn về phòng chống dịch tại xã Hai.\n")
    try w.write("a/x.html", "<p>Công văn về phòng chống dịch tại xã Ba.</p>")
    try w.write("Hà Nội".decomposedStringWithCanonicalMapping + ".txt", "Công văn về phòng chống dịch tại Hà Nội.\n")
    try w.write("only.txt", "Công văn về phòng chống dịch tại xã Bốn.\n")
    #expect(try w.index().status == 0)

    let hits = try w.search("phòng chống dịch", "--all-copies").json["hits"] as? [[String: Any]] ?? []
    let ids = hits.compactMap { $0["id"] as? String }
    #expect(ids.count == 5 && Set(ids).count == 5, "\(ids)")
    #expect(Set(ids).isSuperset(of: ["a/x.txt", "b/x.txt", "x.html", "only"]), "\(ids)")
    for hit in hits {
      let id = hit["id"] as? String ?? "", path = hit["path"] as? String ?? ""
      let shown = try w.run("show", id, "--format", "json", "--metadata-only")
      #expect(shown.status == 0, "show \(id): \(shown.stderr)")
      #expect((shown.json["document"] as? [String: Any])?["path"] as? String == path)
      #expect((shown.json["document"] as? [String: Any])?["id"] as? String == id)
    }
    let ambiguous = try w.run("show", "x")
    #expect(ambiguous.status == 2 && ambiguous.stdout.isEmpty)
    #expect(
      ambiguous.stderr.contains("names 3 documents") && ambiguous.stderr.contains("b/x.txt"), "\(ambiguous.stderr)")
    #expect(try w.run("cites", "x").status == 2)
    let nfc = try w.run("show", "Hà Nội".precomposedStringWithCanonicalMapping, "--format", "json")
    #expect(nfc.status == 0 && (nfc.json["text"] as? String ?? "").contains("phòng chống"), "\(nfc.stderr)")
  }

  @Test func helpExitsZero() throws {
    #expect(try CLI.run(["--help"]).status == 0)
    #expect(try CLI.run(["help", "query"]).stdout.contains("agency:"))
  }
}

@Suite struct CompletionCommandTests {
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let r = try CLI.run(["completion", shell])
    #expect(r.status == 0)
    #expect(r.stdout.contains("vanban") && r.stdout.contains("search"))
  }

  @Test func unknownShellIsAnError() throws {
    #expect(try CLI.run(["completion", "tcsh"]).status == 2)
  }
}
