// Incremental indexing and bad input files, through the binary.

import Foundation
import Testing

@Suite(.serialized) struct IndexCommandTests {
  @Test func incrementalRunsAddUpdateRemoveAndSkipUnchanged() throws {
    let ws = try Workspace()
    let first = try ws.index()
    #expect(first.status == 0)
    #expect(first.stdout.contains("added 5"))
    let again = try ws.index()
    #expect(again.stdout.contains("unchanged 5"))
    try ws.write("004_9e3af47c62ac1c38.txt", "THÔNG BÁO\nNội dung mới về Việt Á.\n")
    try FileManager.default.removeItem(at: ws.corpus.appendingPathComponent("000_7dcd8441d4f25c6a.txt"))
    let changed = try ws.index()
    #expect(changed.stdout.contains("updated 1"), "\(changed.stdout)")
    #expect(changed.stdout.contains("removed 1"), "\(changed.stdout)")
    #expect(try ws.search("Việt Á").seedIDs == ["004"])
  }

  /// A first build and a rebuild are written by parallel writers and end compacted into one shard;
  /// `--shards N` keeps N. Compaction changes no answer: the same searches give the same hits with
  /// the same scores as the index left as written (`--no-compact`); only equal scores may swap.
  @Test func fullBuildsAreCompactedWithoutChangingAnswers() throws {
    let ws = try Workspace()
    for k in 0..<40 {
      try ws.write(
        "cv-\(k).txt",
        "CÔNG VĂN\nSố: \(k)/UBND-VX\nV/v tiêm chủng đợt \(k)\nTriển khai tiêm vắc xin phòng COVID-19 đợt \(k % 7), "
          + "Công ty Việt Á, kế hoạch \(k % 3) theo Chỉ thị 16/CT-TTg.\n")
    }
    func shards(_ index: URL) throws -> [String] {
      let data = try Data(contentsOf: index.appendingPathComponent("vanban-index.json"))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])["shards"] as? [String] ?? []
    }
    func generations(_ index: URL) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.hasPrefix("gen-") }.sorted()
    }
    func answers(_ index: URL) throws -> [String] {
      try [["tiêm", "vắc", "xin"], ["viet", "a"], ["đợt", "3"], ["kế", "hoạch", "--any"]].map { q in
        let r = try CLI.run(["search", "--index", index.path, "--format", "json", "--limit", "50"] + q)
        return r.hits.map { "\($0["id"] ?? "") \($0["score"] ?? "")" }.sorted().joined(separator: ",")
          + " scores: " + r.hits.map { "\($0["score"] ?? "")" }.joined(separator: ",")
      }
    }
    #expect(try ws.index().status == 0)
    #expect(try shards(ws.index) == ["gen-2/shard-00"])
    #expect(try generations(ws.index) == ["gen-2"])
    let plain = ws.root.appendingPathComponent("plain")
    let r = try CLI.run(["index", ws.corpus.path, "--index", plain.path, "--quiet", "--no-compact"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try shards(plain).count == min(2, ProcessInfo.processInfo.activeProcessorCount))
    let expected = try answers(plain)
    #expect(expected.allSatisfy { !$0.isEmpty })
    #expect(try answers(ws.index) == expected)
    // Later runs write into the compacted shard.
    try ws.write("cv-new.txt", "CÔNG VĂN\nSố: 99/UBND-VX\nV/v tiêm chủng tại xã Kơbang\n")
    #expect(try ws.index().stdout.contains("added 1"))
    #expect(try shards(ws.index) == ["gen-2/shard-00"])
    #expect(try ws.search("tiêm", "kơbang").hits.compactMap { $0["id"] as? String } == ["cv-new"])
    // A rebuild with three shards keeps three, compacted.
    #expect(try ws.index(["--rebuild", "--shards", "3"]).status == 0)
    #expect(try shards(ws.index) == ["gen-4/shard-00", "gen-4/shard-01", "gen-4/shard-02"])
    #expect(try generations(ws.index) == ["gen-4"])
    #expect(try Faults.documents(ws.index) == 5 + 41)
  }

  /// A build or compaction killed while Xapian creates a shard leaves a generation whose shards
  /// lack their `iamglass` (Xapian writes it after the tables). Its marker says it is vanban's: the
  /// next run deletes it and goes on, where table files without the marker are someone else's and
  /// the folder is refused.
  @Test func aGenerationKilledWhileBeingMadeIsCleanedUpByTheNextRun() throws {
    let ws = try Workspace()
    // A first build killed there: no manifest yet, only the marked generation.
    let first = ws.index.appendingPathComponent("gen-1")
    try FileManager.default.createDirectory(
      at: first.appendingPathComponent("shard-00"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: first.appendingPathComponent("shard-00/docdata.glass"))
    try Data().write(to: first.appendingPathComponent("vanban-incomplete"))
    let built = try ws.index()
    #expect(built.status == 0, "\(built.stderr)")
    #expect(try Faults.documents(ws.index) == 5)
    func plant(marker: Bool) throws -> URL {
      let gen = ws.index.appendingPathComponent("gen-7")
      try FileManager.default.createDirectory(
        at: gen.appendingPathComponent("shard-00"), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: gen.appendingPathComponent("shard-00/postlist.glass"))
      try Data().write(to: gen.appendingPathComponent("shard-00/flintlock"))
      if marker { try Data().write(to: gen.appendingPathComponent("vanban-incomplete")) }
      return gen
    }
    let gen = try plant(marker: true)
    try ws.write("cv-k.txt", "CÔNG VĂN\nSố: 8/UBND-VX\nV/v tiêm chủng tại xã Kơbang\n")
    let r = try ws.index()
    #expect(r.status == 0 && r.stdout.contains("added 1"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: gen.path))
    #expect(try ws.search("kơbang").hits.count == 1)
    // Without the marker the same files are not vanban's: refused, and left where they are.
    _ = try plant(marker: false)
    let refused = try ws.index()
    #expect(refused.status == 2 && refused.stderr.contains("gen-7/shard-00/"), "\(refused.stderr)")
    #expect(FileManager.default.fileExists(atPath: gen.appendingPathComponent("shard-00/postlist.glass").path))
  }

  /// `vanban compact` rewrites an index that incremental runs have grown: merged into one shard by
  /// default, or keeping its own count; the documents and answers stay. It never makes an index.
  @Test func compactMergesShardsAndKeepsEveryDocument() throws {
    let ws = try Workspace()
    #expect(try ws.index(["--shards", "2"]).status == 0)
    try ws.write("cv-a.txt", "CÔNG VĂN\nSố: 7/UBND-VX\nV/v tiêm chủng tại xã Kơbang\n")
    #expect(try ws.index().stdout.contains("added 1"))
    let before = try ws.search("Việt", "Á").hits.compactMap { $0["id"] as? String }.sorted()
    #expect(!before.isEmpty)
    let bad = try ws.run("compact", "--shards", "3")
    #expect(bad.status == 2 && bad.stderr.contains("--shards"), "\(bad.stderr)")
    let r = try ws.run("compact", "--json")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.json["documents"] as? Int == 6 && r.json["shards"] as? Int == 1, "\(r.stdout)")
    let manifest = try String(contentsOf: ws.index.appendingPathComponent("vanban-index.json"), encoding: .utf8)
    #expect(manifest.contains("shard-00") && !manifest.contains("shard-01"), "\(manifest)")
    #expect(try ws.search("Việt", "Á").hits.compactMap { $0["id"] as? String }.sorted() == before)
    #expect(try ws.search("kơbang").hits.count == 1)
    let none = try CLI.run(["compact", "--index", ws.root.appendingPathComponent("nothing").path])
    #expect(none.status == 2 && !FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("nothing").path))
  }

  /// With several shards, documents are written on each shard's own thread; a file that turned
  /// unreadable (here emptied) is deleted on that thread too, in order with the writes. Deleting
  /// it from the main thread raced the writers (Xapian is not thread-safe): the run failed with
  /// "No termlist for document …", a broken inflate, or a segfault.
  @Test func changesWithSeveralShardsAreWrittenInOrder() throws {
    let ws = try Workspace()
    // Texts long enough, with words enough, to keep the shard threads busy while the main thread
    // meets the emptied files.
    func text(_ k: Int, _ round: Int) -> String {
      let words = (0..<6000).map { j in "từ\((k &* 7919 &+ j &* 104_729 &+ round) % 50_000)" }
      return "CÔNG VĂN\nSố: \(k)/UBND-VX\nV/v tiêm chủng đợt \(k)\n" + words.joined(separator: " ") + "\n"
    }
    for k in 0..<90 { try ws.write("cv-\(k).txt", text(k, 0)) }
    #expect(try ws.index(["--shards", "3"]).status == 0)
    for k in 0..<90 {
      let name = "cv-\(k).txt"
      switch k % 6 {
      case 0: try ws.write(name, "")  // unreadable now: leaves the index
      case 1: try FileManager.default.removeItem(at: ws.corpus.appendingPathComponent(name))
      case 2, 3: try ws.write(name, text(k, 1))
      default: break
      }
    }
    let r = try ws.index(["--shards", "3"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("updated 30"), "\(r.stdout)")
    #expect(r.stdout.contains("removed 30"), "\(r.stdout)")
    #expect(try Faults.documents(ws.index) == 5 + 60)
  }

  /// `Did you mean` offers only words some indexed document still has: a document that is
  /// rewritten or deleted takes its words back out of the spelling data.
  @Test func wordsOfReplacedOrDeletedDocumentsLeaveTheSuggestions() throws {
    let ws = try Workspace()
    try ws.write("pk1.txt", "THÔNG BÁO\nĐoàn công tác làm việc tại huyện Pleikrông.\n")
    try ws.write("pk2.txt", "THÔNG BÁO\nĐoàn công tác trở lại Pleikrông và Kơbang.\n")
    #expect(try ws.index().status == 0)
    func suggestion(_ q: String) throws -> String? { try ws.search(q).json["suggestion"] as? String }
    #expect(try suggestion("pleikrog") == "pleikrông")
    #expect(try suggestion("kobang") == "kơbang")
    // One of the two documents rewritten without the word: the other still has it.
    try ws.write("pk1.txt", "THÔNG BÁO\nĐoàn công tác làm việc tại huyện khác.\n")
    #expect(try ws.index().stdout.contains("updated 1"))
    #expect(try suggestion("pleikrog") == "pleikrông")
    // The other deleted: no document has either word now.
    try FileManager.default.removeItem(at: ws.corpus.appendingPathComponent("pk2.txt"))
    #expect(try ws.index().stdout.contains("removed 1"))
    #expect(try suggestion("pleikrog") == nil)
    #expect(try suggestion("kobang") == nil)
    // Words the remaining documents share stay.
    #expect(try suggestion("tiem chung") == "tiêm chủng")
  }

  @Test func badFilesAreSkippedWithAReasonAndTheRestIndexed() throws {
    let ws = try Workspace()
    try ws.write("junk.txt", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ ($0 >> 3)) })
    try ws.write("empty.txt", "")
    try FileManager.default.createDirectory(
      at: ws.corpus.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
    let r = try ws.index()
    #expect(r.status == 0)
    #expect(r.stderr.contains("junk.txt: "))
    #expect(r.stderr.contains("empty.txt: "))
    #expect(r.stdout.contains("added 5"))
  }
  // Two writers at once: FaultTests.secondWriterGetsOneClearLine… (waits for the first writer's
  // lock before starting the second, so the order is not left to chance).
}
