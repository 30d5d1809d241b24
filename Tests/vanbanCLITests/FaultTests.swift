// Issue F, "Nothing lost, nothing crashes": kill -9 while indexing, two writers, readers during a
// write, broken index directories, a full disk and a read-only index, and where `index` writes.
// scripts/kill-test repeats the kill -9 case 20 times over 2000 documents; here it is 3 times.

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct FaultTests {
  // MARK: kill -9

  /// 3 kills over 400 documents in `make test`; `scripts/kill-test K N` sets VANBAN_KILLS=K and
  /// VANBAN_KILL_DOCS=N for a longer run.
  @Test func killNineDuringIndexingLosesAtMostTheCurrentBatch() throws {
    let environment = ProcessInfo.processInfo.environment
    let wanted = environment["VANBAN_KILLS"].flatMap(Int.init) ?? 3
    let corpus = try Faults.generatedCorpus(docs: environment["VANBAN_KILL_DOCS"].flatMap(Int.init) ?? 400)
    let files = Faults.textFiles(under: corpus)
    let ws = try Workspace(seeds: false)
    let env = ["VANBAN_COMMIT_BYTES": "16384"]  // a commit every ~10 documents
    let args = ["index", corpus.path, "--index", ws.index.path, "--quiet"]

    // A full run's duration, to aim the kills inside one.
    let t0 = Date()
    #expect(try CLI.run(args + ["--rebuild"], environment: env).status == 0)
    let full = Date().timeIntervalSince(t0)
    #expect(try Faults.documents(ws.index) == files)

    // Kill times are seeded fractions of a full run (VANBAN_TEST_SEED=N tries another seed).
    var rng = SeededRandom(environmentOr: 9)
    var kills = 0, runs = 0, last = 0, rebuild = true
    while kills < wanted && runs < 4 * wanted {
      runs += 1
      if rebuild { last = 0 }
      let p = try Faults.start(args + (rebuild ? ["--rebuild"] : []), environment: env)
      let delay = Double.random(in: 0.1...max(0.15, full * 0.8), using: &rng)
      if Faults.wait(p, seconds: delay) {
        #expect(p.terminationStatus == 0)
        rebuild = true  // it finished first: start over so there is work to interrupt
        continue
      }
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      #expect(p.terminationReason == .uncaughtSignal)
      kills += 1
      rebuild = false
      // The index reopens at the last commit (or, killed before the first one, says there is none).
      let stats = try CLI.run(["stats", "--index", ws.index.path, "--format", "json"])
      if stats.status == 2 && last == 0 {
        #expect(stats.stderr.contains("no index at") || stats.stderr.contains("still being built"), "\(stats.stderr)")
        continue
      }
      #expect(stats.status == 0, "after kill \(kills) at \(delay)s (seed \(rng.seed)): \(stats.stderr)")
      let docs = stats.json["documents"] as? Int ?? -1
      #expect(docs >= last, "documents went back from \(last) to \(docs) (seed \(rng.seed))")
      let search = try ws.search("ủy", "ban", "--no-facets")
      #expect(search.status == 0 || search.status == 1, "\(search.stderr)")
      #expect((search.json["total"] as? Int ?? 0) <= docs)
      last = docs
    }
    print("kill test: \(kills) kills in \(runs) runs over \(files) documents (seed \(rng.seed))")
    #expect(kills == wanted, "only \(kills) kills landed in \(runs) runs (seed \(rng.seed))")
    let rerun = try CLI.run(args, environment: env)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try Faults.documents(ws.index) == files)
  }

  // MARK: two writers, readers during a write

  @Test func secondWriterGetsOneClearLineAndTheFirstFinishesIntact() throws {
    let corpus = try Faults.generatedCorpus(docs: 400)
    let files = Faults.textFiles(under: corpus)
    let ws = try Workspace()
    let first = try Faults.start(
      ["index", corpus.path, "--index", ws.index.path, "--quiet"], environment: ["VANBAN_COMMIT_BYTES": "65536"])
    // The first writer holds the lock from the moment it has listed the database in the manifest.
    let created = ws.index.appendingPathComponent("vanban-index.json").path
    while first.isRunning && !FileManager.default.fileExists(atPath: created) { usleep(2_000) }
    try #require(first.isRunning, "the first writer ended before the second could start; make the corpus bigger")
    let second = try ws.index()
    Faults.expectOneClearLine(second, "the index at \(ws.index.path) is being updated by another process")
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(try Faults.documents(ws.index) == files, "the first writer's documents are all there")
    // Once the first is done the second can run, and both sets are in.
    #expect(try ws.index().status == 0)
    #expect(try Faults.documents(ws.index) == files + 5)
  }

  @Test func searchesDuringABigIndexRunAlwaysAnswer() throws {
    let corpus = try Faults.generatedCorpus(docs: 400)
    let ws = try Workspace()
    try ws.index()
    // Many small commits, so readers see the database change under them (DatabaseModifiedError).
    let writer = try Faults.start(
      ["index", corpus.path, "--index", ws.index.path, "--quiet"], environment: ["VANBAN_COMMIT_BYTES": "8192"])
    var searches = 0
    var last = 5
    while writer.isRunning || searches < 3 {
      let r = try ws.search("ủy", "ban", "nhân", "dân", "--limit", "50")
      #expect(r.status == 0 || r.status == 1, "search exit \(r.status): \(r.stderr)")
      let refs = try CLI.run(["refs", "16/CT-TTg", "--index", ws.index.path, "--format", "jsonl", "--limit", "20"])
      #expect(refs.status == 0 || refs.status == 1, "refs exit \(refs.status): \(refs.stderr)")
      if let docs = try Faults.documents(ws.index) {
        #expect(docs >= last)
        last = docs
      } else {
        Issue.record("stats failed during indexing")
      }
      searches += 1
    }
    #expect(writer.terminationStatus == 0)
    #expect(searches >= 3)
    #expect(try Faults.documents(ws.index) == 5 + Faults.textFiles(under: corpus))
  }

  // MARK: broken index directories

  @Test func missingEmptyOrFileIndexIsOneClearLine() throws {
    let ws = try Workspace()
    let missing = ws.root.appendingPathComponent("nowhere").path
    for command in [
      ["search", "viet"], ["stats"], ["show", "003_32c798e237f9dc40"], ["refs", "16/CT-TTg"], ["cites", "x"],
    ] {
      Faults.expectOneClearLine(try CLI.run(command + ["--index", missing]), "no index at \(missing)")
    }
    let empty = ws.root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    Faults.expectOneClearLine(try CLI.run(["search", "viet", "--index", empty.path]), "no index at")
    Faults.expectOneClearLine(try CLI.run(["stats", "--index", empty.path]), "no index at")

    let file = ws.root.appendingPathComponent("afile")
    try Data("not an index\n".utf8).write(to: file)
    Faults.expectOneClearLine(try CLI.run(["search", "viet", "--index", file.path]), file.path)
    Faults.expectOneClearLine(try CLI.run(["stats", "--index", file.path]), file.path)
    // Indexing into a file must not replace it.
    Faults.expectOneClearLine(try CLI.run(["index", ws.corpus.path, "--index", file.path, "--quiet"]), file.path)
    #expect(try String(contentsOf: file, encoding: .utf8) == "not an index\n")
  }

  @Test(arguments: ["postlist.glass", "iamglass", "termlist.glass", "docdata.glass"])
  func truncatedDatabaseFileIsOneClearLine(file: String) throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let path = try IndexLayout.firstShard(ws.index).appendingPathComponent(file).path
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    for length in [size / 2, 0] {
      try #require(truncate(path, off_t(length)) == 0)
      for command in [["search", "viet", "a"], ["stats"], ["show", "003_32c798e237f9dc40"], ["refs", "16/CT-TTg"]] {
        let r = try CLI.run(command + ["--index", ws.index.path])
        // Some truncations only show in the tables a command reads; those may still answer.
        if r.status != 0 && r.status != 1 {
          Faults.expectOneClearLine(r, ws.index.path)
        }
      }
      // Indexing over it is refused with one line too, or repairs by rewriting what it needs.
      let again = try ws.index()
      if again.status != 0 { Faults.expectOneClearLine(again) }
    }
    // --rebuild always gets a working index back.
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(try Faults.documents(ws.index) == 5)
  }

  @Test func garbageInDatabaseFilesIsOneClearLine() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let path = try IndexLayout.firstShard(ws.index).appendingPathComponent("postlist.glass").path
    let fh = try #require(FileHandle(forUpdatingAtPath: path))
    var rng = SeededRandom(seed: 42)
    let size = Int(try fh.seekToEnd())
    for _ in 0..<64 {
      try fh.seek(toOffset: UInt64(Int(rng.next() % UInt64(size))))
      fh.write(Data((0..<64).map { _ in UInt8(truncatingIfNeeded: rng.next()) }))
    }
    try fh.close()
    for command in [["search", "viet", "a"], ["stats"], ["search", "tiem*"]] {
      let r = try CLI.run(command + ["--index", ws.index.path])
      if r.status != 0 && r.status != 1 { Faults.expectOneClearLine(r) }
    }
  }

  /// A document whose stored data is not the JSON vanban wrote (damage Xapian's checks let
  /// through) is a damaged index, said in one line, not Swift's DecodingError.
  @Test func damagedStoredDataIsOneClearLine() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let py = """
      import sys, xapian
      db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
      for p in db.postlist(''):
          d = db.get_document(p.docid); d.set_data(b'{"id": 12\\x00text'); db.replace_document(p.docid, d)
      db.commit()
      """
    let r = try Faults.shell("/usr/bin/python3", "-c", py, try IndexLayout.firstShard(ws.index).path)
    try #require(r.status == 0, "python3-xapian is needed: \(r.stderr)")
    for command in [["search", "viet"], ["show", "003_32c798e237f9dc40"], ["refs", "16/CT-TTg"]] {
      let r = try CLI.run(command + ["--index", ws.index.path])
      Faults.expectOneClearLine(r, "stored data is damaged")
      #expect(r.stderr.contains("vanban index --rebuild") && !r.stderr.contains("DecodingError"), "\(r.stderr)")
    }
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(try ws.search("viet", "a").status == 0)
  }

  @Test func otherSchemaVersionIsOneClearLine() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let py =
      "import sys, xapian; db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN); db.set_metadata('vanban.schema', '0-old'); db.commit()"
    let r = try Faults.shell("/usr/bin/python3", "-c", py, try IndexLayout.firstShard(ws.index).path)
    try #require(r.status == 0, "python3-xapian is needed: \(r.stderr)")
    for command in [["search", "viet"], ["stats"], ["show", "003_32c798e237f9dc40"]] {
      Faults.expectOneClearLine(try CLI.run(command + ["--index", ws.index.path]), "was built with schema 0-old")
    }
    Faults.expectOneClearLine(try ws.index(), "was built with schema 0-old")
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(try ws.search("viet", "a").status == 0)
  }

  // MARK: disk full, read-only

  @Test(.enabled(if: Faults.canMountTmpfs, "mount -t tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)"))
  func fullDiskIsOneClearLineAndThePreviousCommitStays() throws {
    let ws = try Workspace()
    let mountPoint = ws.root.appendingPathComponent("small")
    if let why = Faults.mountTmpfs(mountPoint, size: "2m") { Issue.record("\(why)"); return }
    defer { Faults.unmount(mountPoint) }
    let index = mountPoint.appendingPathComponent("index")
    #expect(try CLI.run(["index", ws.corpus.path, "--index", index.path, "--quiet"]).status == 0)
    let big = try Faults.generatedCorpus(docs: 400)
    let r = try CLI.run(["index", big.path, "--index", index.path, "--quiet"])
    Faults.expectOneClearLine(r)
    #expect(r.stderr.lowercased().contains("space"), "the reason names the full disk: \(r.stderr)")
    #expect(try Faults.documents(index) == 5, "the previous commit is intact")
    let search = try CLI.run(["search", "Việt", "Á", "--index", index.path, "--format", "json"])
    #expect(search.status == 0)
    #expect(!search.seedIDs.isEmpty)
  }

  @Test(.enabled(if: Faults.canRemountReadOnly, "mounting a tmpfs and remounting it read-only is not permitted here"))
  func readOnlyIndexIsOneClearLineAndStillSearchable() throws {
    let ws = try Workspace()
    let mountPoint = ws.root.appendingPathComponent("ro")
    if let why = Faults.mountTmpfs(mountPoint, size: "16m") { Issue.record("\(why)"); return }
    defer { Faults.unmount(mountPoint) }
    let index = mountPoint.appendingPathComponent("index")
    #expect(try CLI.run(["index", ws.corpus.path, "--index", index.path, "--quiet"]).status == 0)
    let remount = try Faults.shell("mount", "-o", "remount,ro", mountPoint.path)
    try #require(remount.status == 0, "remount read-only: \(remount.stderr)")
    try ws.write("new.txt", "CÔNG VĂN\nVề việc tiêm chủng bổ sung.\n")
    let r = try CLI.run(["index", ws.corpus.path, "--index", index.path, "--quiet"])
    Faults.expectOneClearLine(r, index.path)
    #expect(!r.stderr.contains("another process"), "a read-only index is not a busy one: \(r.stderr)")
    #expect(r.stderr.contains("Read-only file system"), "\(r.stderr)")
    #expect(try Faults.documents(index) == 5)
    let search = try CLI.run(["search", "Việt", "Á", "--index", index.path, "--format", "json"])
    #expect(search.status == 0, "\(search.stderr)")
    // A new index under a read-only directory: one line too.
    Faults.expectOneClearLine(
      try CLI.run(["index", ws.corpus.path, "--index", mountPoint.appendingPathComponent("other").path, "--quiet"]))
  }

  // MARK: security

  @Test func indexWritesOnlyUnderItsIndexDirectory() throws {
    let ws = try Workspace()
    let home = ws.root.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    func snapshot() throws -> [String: Date] {
      var out: [String: Date] = [:]
      let e = FileManager.default.enumerator(atPath: ws.root.path)
      while let p = e?.nextObject() as? String {
        let attrs = try FileManager.default.attributesOfItem(atPath: ws.root.appendingPathComponent(p).path)
        out[p] = attrs[.modificationDate] as? Date
      }
      return out
    }
    let before = try snapshot()
    let target = "new/deep/index"
    for extra in [[], ["--rebuild"], ["--types", "txt", "--max-file-size", "1", "--json"]] {
      let r = try CLI.run(
        ["index", "corpus", "--index", target, "--quiet"] + extra,
        environment: ["HOME": home.path, "TMPDIR": home.path], cwd: ws.root)
      #expect(r.status == 0, "\(r.stderr)")
    }
    let after = try snapshot()
    for (path, date) in after where !path.hasPrefix(target + "/") && !target.hasPrefix(path) {
      #expect(before[path] == date, "\(path) was written by `vanban index`")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    #expect(FileManager.default.fileExists(atPath: ws.root.appendingPathComponent(target + "/vanban-index.json").path))
    // The paths it reports are the indexed paths, not anything read from the files.
    let hits = try CLI.run(["search", "Việt", "Á", "--index", target, "--format", "json"], cwd: ws.root).hits
    #expect(!hits.isEmpty)
    for h in hits { #expect((h["path"] as? String ?? "").hasPrefix(ws.corpus.path + "/")) }
  }

  @Test func showRefusesPathsAndIdsThatAreNotIndexed() throws {
    let ws = try Workspace()
    try ws.index()
    try ws.write("later.txt", "CÔNG VĂN\nChưa được lập chỉ mục.\n")
    for what in [
      "/etc/passwd", ws.corpus.appendingPathComponent("later.txt").path, "later", "../../etc/passwd", "*", "",
    ] {
      let r = try ws.run("show", what)
      Faults.expectOneClearLine(r)
      #expect(!r.stdout.contains("root:") && !r.stdout.contains("Chưa được"))
    }
  }
}
