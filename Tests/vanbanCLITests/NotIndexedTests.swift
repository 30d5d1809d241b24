// The files that were not indexed: recorded in the index with their reason and signature, tried
// again only when they change, listed by `vanban skipped`, counted by `stats`, and never seen by
// a search, a count or a listing.

import Foundation
import Testing

@Suite(.serialized) struct NotIndexedTests {
  func skippedList(_ ws: Workspace, _ extra: String...) throws -> [[String: Any]] {
    let r = try CLI.run(["skipped", "--index", ws.index.path, "--format", "json"] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    return r.json["files"] as? [[String: Any]] ?? []
  }

  func notIndexedCounts(_ ws: Workspace) throws -> [String: Int] {
    let r = try ws.run("stats", "--format", "json")
    #expect(r.status == 0, "\(r.stderr)")
    let counts = r.json["not_indexed"] as? [String: Any] ?? [:]
    return counts.compactMapValues { ($0 as? NSNumber)?.intValue }
  }

  @Test func skippedFilesAreRecordedAndTriedAgainOnlyWhenTheyChange() throws {
    let ws = try Workspace()
    try ws.write("broken.docx", "not a zip archive")
    try EncryptedPDF.write(
      text: "Cong ty Viet A", password: "secret", to: ws.corpus.appendingPathComponent("locked.pdf"))
    let first = try ws.index()
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("added 5"), "\(first.stdout)")
    // A plain reason for the password, not poppler's words.
    #expect(first.stderr.contains("locked.pdf: encrypted PDF (password required)"), "\(first.stderr)")
    #expect(!first.stderr.contains("Incorrect password"), "\(first.stderr)")

    var files = try skippedList(ws)
    #expect(
      files.map { ($0["path"] as? String ?? "").split(separator: "/").last ?? "" } == ["broken.docx", "locked.pdf"])
    #expect(files.map { $0["reason"] as? String ?? "" } == ["damaged", "encrypted"])
    #expect(files.first?["detail"] as? String == "damaged: not a readable zip archive (truncated or corrupt)")
    #expect(try notIndexedCounts(ws) == ["damaged": 1, "encrypted": 1])
    // Not documents: the count, the listing of every document and the facets are the seeds'.
    let stats = try ws.run("stats", "--format", "json")
    #expect(stats.json["documents"] as? Int == 5)

    // Unchanged, they are not read again (no line on stderr), and the summary says they are there.
    let second = try ws.index()
    #expect(second.stderr.isEmpty, "\(second.stderr)")
    #expect(second.stdout.contains("unchanged 5, skipped 0"), "\(second.stdout)")
    #expect(second.stdout.contains("not indexed and unchanged since: 2"), "\(second.stdout)")

    // Fixed, the file is indexed and its record goes.
    try ws.write(
      "broken.docx",
      bytes: try OfficeDocuments.docx(lines: ["CÔNG VĂN", "V/v sửa tệp hỏng", "Nội dung về Bình Liêu."]))
    let third = try ws.index()
    #expect(third.stdout.contains("added 1"), "\(third.stdout)")
    files = try skippedList(ws)
    #expect(files.map { $0["reason"] as? String ?? "" } == ["encrypted"])
    #expect(try ws.search("sửa tệp hỏng").hits.compactMap { $0["id"] as? String } == ["broken"])

    // Removed, its record goes too.
    try FileManager.default.removeItem(at: ws.corpus.appendingPathComponent("locked.pdf"))
    #expect(try ws.index().status == 0)
    #expect(try skippedList(ws).isEmpty)
    #expect(try notIndexedCounts(ws).isEmpty)
    let text = try ws.run("skipped")
    #expect(text.stdout == "0 files not indexed\n")
  }

  /// The outcome depends on the limits too: raised, a file skipped as too large is read again.
  @Test func changedLimitsTryAgain() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("lon.txt", "CÔNG VĂN\n" + String(repeating: "Nội dung dài về Bình Liêu. ", count: 60_000))
    #expect(try ws.index(["--max-file-size", "1"]).stderr.contains("lon.txt: too large"))
    #expect(try skippedList(ws).map { $0["reason"] as? String ?? "" } == ["too-large"])
    let same = try ws.index(["--max-file-size", "1"])
    #expect(same.stderr.isEmpty && same.stdout.contains("not indexed and unchanged since: 1"), "\(same.stdout)")
    #expect(try ws.index().stdout.contains("added 1"))
    #expect(try skippedList(ws).isEmpty)
  }

  @Test func aRebuildStartsWithoutRecords() throws {
    let ws = try Workspace()
    try ws.write("broken.docx", "not a zip archive")
    #expect(try ws.index().status == 0)
    #expect(try skippedList(ws).count == 1)
    // The rebuild reads only .txt: the .docx is not tried, and no old record is left.
    let r = try ws.index(["--rebuild", "--types", "txt"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try skippedList(ws).isEmpty)
  }

  /// With shards, each record lives in the shard its path hashes to; all are listed, and they
  /// survive a compaction into one shard.
  @Test func recordsAcrossShards() throws {
    let ws = try Workspace()
    for k in 0..<12 { try ws.write("hong-\(k).docx", "not a zip \(k)") }
    #expect(try ws.index(["--shards", "3"]).status == 0)
    #expect(try skippedList(ws).count == 12)
    #expect(try notIndexedCounts(ws) == ["damaged": 12])
    #expect(try ws.index(["--shards", "3"]).stdout.contains("not indexed and unchanged since: 12"))
    let compact = try ws.run("compact")
    #expect(compact.status == 0, "\(compact.stderr)")
    #expect(try skippedList(ws).count == 12)
    #expect(try ws.run("stats", "--format", "json").json["documents"] as? Int == 5)
  }

  /// A missing helper is said once per run with its package; its files are listed for that
  /// reason and tried on every run, since installing the helper does not change them.
  @Test func rtfIsReadThroughUnrtfAndAMissingOneIsNamedOnce() throws {
    let unrtf = try #require(ProcessRunner.which("unrtf"), "unrtf is needed (Debian unrtf): make deps")
    let ws = try Workspace(seeds: false)
    // \uN with a literal `?` fallback, as many generators write it.
    try ws.write(
      "cong-van.rtf",
      #"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}\f0 C\u244?ng ty Vi\u7879?t \u193? t\u7841?i H\u224? N\u7897?i\par}"#
    )
    // Word on a Vietnamese Windows: code page 1258, letters as \'xx bytes with combining tone marks.
    try ws.write(
      "thong-bao.rtf",
      #"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0 Times New Roman;}}\f0 Th\'f4ng b\'e1o v\'ea\'cc ti\'ea\'ccn ly\'ec\par C\'f4ng ty Vi\'ea\'f2t \'c1 x\par}"#
    )
    // Without unrtf on the PATH.
    let bin = ws.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let without = try CLI.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet"], environment: ["PATH": bin.path])
    #expect(without.status == 0, "\(without.stderr)")
    #expect(without.stderr == "vanban: unrtf is not installed: skipping .rtf files (apt-get install unrtf)\n")
    #expect(try skippedList(ws).map { $0["reason"] as? String ?? "" } == ["helper-missing", "helper-missing"])

    // With it, the same unchanged files are read.
    _ = unrtf
    let with = try ws.index()
    #expect(with.status == 0, "\(with.stderr)")
    #expect(with.stdout.contains("added 2"), "\(with.stdout)")
    #expect(try skippedList(ws).isEmpty)
    let hits = try ws.search("Việt Á").hits.compactMap { $0["id"] as? String }.sorted()
    #expect(hits == ["cong-van", "thong-bao"])
    let show = try ws.run("show", "cong-van")
    #expect(show.stdout.contains("Công ty Việt Á tại Hà Nội"), "\(show.stdout)")
    let show2 = try ws.run("show", "thong-bao")
    #expect(show2.stdout.contains("Thông báo về tiền lý"), "\(show2.stdout)")
    #expect(show2.stdout.contains("Công ty Việt Á x"), "\(show2.stdout)")
  }

  @Test func listFormatsEscapeAndQuote() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("a,\u{1B}[31mđỏ.docx", "not a zip")
    #expect(try ws.index().status == 0)
    let text = try ws.run("skipped")
    #expect(text.stdout.contains("a,\\x1b[31mđỏ.docx: damaged: not a readable zip archive"), "\(text.stdout)")
    #expect(!text.stdout.contains("\u{1B}"))
    let csv = try ws.run("skipped", "--format", "csv")
    let lines = csv.stdout.components(separatedBy: "\r\n")
    #expect(lines.first == "\u{FEFF}path,reason,label,detail")
    #expect(lines.dropFirst().first?.hasPrefix("\"") == true, "a path with a comma is quoted: \(lines)")
    #expect(lines.dropFirst().first?.contains(",damaged,damaged,") == true)
    #expect(try ws.run("skipped", "--format", "csv", "--no-bom").stdout.hasPrefix("path,"))
    let stats = try ws.run("stats")
    #expect(
      stats.stdout.contains("not indexed (1 file; `vanban skipped` lists them):\n       1  damaged\n"),
      "\(stats.stdout)")
  }
}
