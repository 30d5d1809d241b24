// `vanban graph` through the binary, on the seeds and on small hand-written corpora.

import Foundation
import Testing

@Suite(.serialized) struct GraphCommandTests {
  let ws: Workspace

  init() throws {
    ws = try Workspace()
    try ws.index()
  }

  static var hasDot: Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
  }

  @Test func numberStartHasTheCitingDocumentAndAnEdgeToTheNumber() throws {
    let r = try ws.run("graph", "16/CT-TTg", "--format", "json")
    #expect(r.status == 0, "\(r.stderr)")
    let nodes = r.json["nodes"] as? [[String: Any]] ?? []
    let edges = r.json["edges"] as? [[String: Any]] ?? []
    let doc = try #require(nodes.first { ($0["id"] as? String) == "003_32c798e237f9dc40" })
    #expect(doc["kind"] as? String == "document")
    let cited = nodes.filter { $0["kind"] as? String == "cited" && $0["number"] as? String == "16/CT-TTg" }
    #expect(!cited.isEmpty)
    #expect(cited.allSatisfy { $0["start"] as? Bool == true })
    #expect(
      edges.contains {
        $0["from"] as? String == doc["key"] as? String && $0["number"] as? String == "16/CT-TTg"
          && cited.map { $0["key"] as? String }.contains($0["to"] as? String)
      })
  }

  @Test func documentStartIsValidLookingDot() throws {
    let r = try ws.run("graph", "003_32c798e237f9dc40", "--format", "dot")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("digraph"))
    #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("}"))
    for n in ["16/CT-TTg", "778/CĐ-TTg", "20-NQ/TW"] { #expect(r.stdout.contains(n), "\(n)") }
    #expect(r.stdout.contains("->"))
    #expect(r.stdout.contains("shape=box") && r.stdout.contains("style=dashed"))
    // Every quote inside a label is escaped: an even number of unescaped quotes per line.
    for line in r.stdout.split(separator: "\n") {
      let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
      #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
    }
  }

  @Test func svgWhenGraphvizIsInstalled() throws {
    try #require(Self.hasDot, "Graphviz `dot` is needed: make deps installs graphviz")
    let r = try ws.run("graph", "003_32c798e237f9dc40", "--format", "svg")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("<svg"))
  }

  @Test func svgWithoutGraphvizSaysHowToInstallIt() throws {
    let empty = ws.root.appendingPathComponent("empty-path")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let r = try CLI.run(
      ["graph", "--index", ws.index.path, "003_32c798e237f9dc40", "--format", "svg"],
      environment: ["PATH": empty.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("apt-get install graphviz"))
  }

  @Test func unknownIdIsAnErrorAndAnUncitedNumberHasNoNeighbours() throws {
    #expect(try ws.run("graph", "no_such_document").status == 2)
    #expect(try ws.run("graph", "4242/XYZ-ABC", "--format", "json").status == 1)
  }

  @Test func sameNumberDifferentDatesAreDifferentNodesAndIndexedDocumentsAreLinked() throws {
    let w = try Workspace(seeds: false)
    func doc(_ number: String, _ date: String, _ body: String) -> String {
      """
      ỦY BAN NHÂN DÂN
      TỈNH LAI CHÂU

      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc

      Số: \(number)
      V/v thực hiện chỉ đạo

      Lai Châu, ngày \(date)

      Kính gửi: Sở Y tế;

      \(body)

      KT. CHỦ TỊCH
      PHÓ CHỦ TỊCH


      Nguyễn Văn A

      """
    }
    try w.write(
      "a.txt",
      doc(
        "100/UBND-VX", "05 tháng 4 năm 2020", "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ."))
    try w.write(
      "b.txt",
      doc(
        "200/UBND-VX", "01 tháng 10 năm 2022", "Thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ.")
    )
    try w.write(
      "c.txt",
      doc("300/UBND-VX", "10 tháng 10 năm 2022", "Thực hiện Công văn số 200/UBND-VX ngày 01/10/2022 của UBND tỉnh."))
    try w.index()
    let r = try w.run("graph", "16/CT-TTg", "--format", "json")
    let nodes = r.json["nodes"] as? [[String: Any]] ?? []
    let cited = Set(nodes.filter { $0["kind"] as? String == "cited" }.compactMap { $0["key"] as? String })
    #expect(cited == ["ref:16/CT-TTg@2020-03-31", "ref:16/CT-TTg@2022-09-20"])
    // Depth 2 reaches c through b: c cites b's number, which is indexed, so the edge goes to b.
    let r2 = try w.run("graph", "16/CT-TTg", "--depth", "2", "--format", "json")
    let nodes2 = r2.json["nodes"] as? [[String: Any]] ?? []
    let edges2 = r2.json["edges"] as? [[String: Any]] ?? []
    let key = { (id: String) in nodes2.first { $0["id"] as? String == id }?["key"] as? String }
    #expect(key("c") != nil)
    #expect(edges2.contains { $0["from"] as? String == key("c") && $0["to"] as? String == key("b") })
    #expect(!nodes2.contains { $0["key"] as? String == "ref:200/UBND-VX@2022-10-01" })
    // The node cap is honoured and said.
    let capped = try w.run("graph", "16/CT-TTg", "--depth", "3", "--max-nodes", "2", "--format", "json")
    #expect((capped.json["nodes"] as? [Any] ?? []).count == 2)
    #expect(capped.json["truncated"] as? Bool == true)
    #expect(capped.stderr.contains("cut at 2 nodes"))
  }
}
