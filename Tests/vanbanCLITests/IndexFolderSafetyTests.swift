// Issue M, "Safe to point at any folder": what an index folder may make vanban do. A planted
// Xapian stub must not run a program, --rebuild must delete only what vanban made and only under
// its lock, readers see the old index until a rebuild is done, symbolic links stay inside the
// roots, and a file that turned bad leaves the index.

import Foundation
import Testing
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

/// The on-disk layout of an index, as the tests need it.
enum IndexLayout {
  /// Shard folders listed by the index's manifest.
  static func shards(_ index: URL) throws -> [URL] {
    let data = try Data(contentsOf: index.appendingPathComponent("vanban-index.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let shards = try #require(json["shards"] as? [String])
    return shards.map { index.appendingPathComponent($0) }
  }

  /// The (first) shard's folder, where Xapian's files are.
  static func firstShard(_ index: URL) throws -> URL { try #require(try shards(index).first) }

  static func writeManifest(
    _ index: URL, shards: [String], schema: String = IndexSchema.version, generation: Int = 1
  ) throws {
    let json: [String: Any] = ["format": "vanban-index", "schema": schema, "generation": generation, "shards": shards]
    try JSONSerialization.data(withJSONObject: json).write(to: index.appendingPathComponent("vanban-index.json"))
  }
}

@Suite(.serialized) struct IndexFolderSafetyTests {
  static func marker() -> String { "/tmp/PWNED-vanban-\(UUID().uuidString)" }

  // MARK: 1. stubs and manifests

  @Test func plantedStubDoesNotRunAndIsNotAnIndex() throws {
    let ws = try Workspace()
    let pwned = Self.marker()
    defer { unlink(pwned) }
    try FileManager.default.createDirectory(at: ws.index, withIntermediateDirectories: true)
    try Data("remote :/bin/sh -c \"touch \(pwned)\"\n".utf8).write(to: ws.index.appendingPathComponent("XAPIANDB"))
    for command in [["stats"], ["search", "viet"], ["refs", "16/CT-TTg"], ["show", "x"]] {
      Faults.expectOneClearLine(try CLI.run(command + ["--index", ws.index.path]), "not a vanban index")
    }
    // Indexing into it without --rebuild is refused too, and never opens the stub.
    Faults.expectOneClearLine(try ws.index(), "not a vanban index")
    #expect(!FileManager.default.fileExists(atPath: pwned), "the stub ran a program")
    // --rebuild replaces it with a real index.
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("XAPIANDB").path))
    #expect(try Faults.documents(ws.index) == 5)
    #expect(!FileManager.default.fileExists(atPath: pwned))
  }

  @Test func stubInsideAShardFolderIsNotFollowed() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let pwned = Self.marker()
    defer { unlink(pwned) }
    // A manifest pointing at a folder that holds only a stub.
    let evil = ws.index.appendingPathComponent("gen-9/shard-00")
    try FileManager.default.createDirectory(at: evil, withIntermediateDirectories: true)
    try Data("remote :/bin/sh -c \"touch \(pwned)\"\n".utf8).write(to: evil.appendingPathComponent("XAPIANDB"))
    try IndexLayout.writeManifest(ws.index, shards: ["gen-9/shard-00"])
    let r = try ws.run("stats")
    #expect(r.status == 2, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pwned), "the stub ran a program")
  }

  @Test(arguments: ["../elsewhere", "/tmp", "gen-1/../../elsewhere", "", "link/shard-00"])
  func manifestShardsMustStayInsideTheFolder(shard: String) throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    // A real database outside the index folder, and a link to it inside.
    let elsewhere = ws.root.appendingPathComponent("elsewhere")
    #expect(try CLI.run(["index", ws.corpus.path, "--index", elsewhere.path, "--quiet"]).status == 0)
    try FileManager.default.createSymbolicLink(
      at: ws.index.appendingPathComponent("link"),
      withDestinationURL: try IndexLayout.firstShard(elsewhere).deletingLastPathComponent())
    try IndexLayout.writeManifest(ws.index, shards: [shard])
    Faults.expectOneClearLine(try ws.run("stats"), "not a vanban index")
  }

  /// A manifest listing a shard twice (which counted every document twice), one too large to be
  /// vanban's (read whole before), or a generation whose next one overflows (SIGILL) is refused
  /// with one clear line; a planted `gen-<huge>` folder is not taken for a generation.
  @Test func aTamperedManifestIsRefused() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let shard = try IndexLayout.shards(ws.index)[0].path.dropFirst(ws.index.path.count + 1)
    try IndexLayout.writeManifest(ws.index, shards: [String(shard), String(shard)])
    Faults.expectOneClearLine(try ws.run("stats"), "twice")
    try IndexLayout.writeManifest(ws.index, shards: [String(shard)], generation: Int.max)
    for command in [["stats"], ["compact"]] {
      Faults.expectOneClearLine(try CLI.run(command + ["--index", ws.index.path]), "damaged")
    }
    let manifest = ws.index.appendingPathComponent("vanban-index.json")
    let big = try FileHandle(forWritingTo: manifest)
    try big.truncate(atOffset: 300 << 20)  // sparse: no disk used
    try big.close()
    Faults.expectOneClearLine(try ws.run("stats"), "damaged")
    // A folder named like a generation past any vanban makes: it is
    // a folder vanban did not make, and the next build is refused with that, not overflowed.
    try FileManager.default.removeItem(at: manifest)
    try FileManager.default.createDirectory(
      at: ws.index.appendingPathComponent("gen-\(Int.max)"), withIntermediateDirectories: true)
    Faults.expectOneClearLine(try ws.index(["--rebuild"]), "which vanban did not make")
  }

  @Test func aPipeOrLinkInAShardIsRefusedWithoutHanging() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let shard = try IndexLayout.firstShard(ws.index)
    let version = shard.appendingPathComponent("iamglass").path
    try FileManager.default.removeItem(atPath: version)
    #expect(mkfifo(version, 0o644) == 0)
    let (r, finished) = try Faults.run(["stats", "--index", ws.index.path], within: 20)
    #expect(finished, "opening a pipe named iamglass hung")
    Faults.expectOneClearLine(r, "not a vanban index")
    try FileManager.default.removeItem(atPath: version)
    try FileManager.default.createSymbolicLink(atPath: version, withDestinationPath: "/etc/passwd")
    Faults.expectOneClearLine(try ws.run("stats"), "not a plain file")
  }

  @Test func indexFromBeforeTheManifestIsRefusedWithTheFix() throws {
    let ws = try Workspace()
    // Today's layout as vanban 0.1 wrote it: one glass database at the top of the folder.
    let py =
      "import sys, xapian; db = xapian.WritableDatabase(sys.argv[1], xapian.DB_CREATE_OR_OPEN); db.set_metadata('vanban.schema', '2'); db.commit()"
    let made = try Faults.shell("/usr/bin/python3", "-c", py, ws.index.path)
    try #require(made.status == 0, "python3-xapian is needed: \(made.stderr)")
    let r = try ws.run("stats")
    Faults.expectOneClearLine(r, "not a vanban index")
    #expect(r.stderr.contains("vanban index --rebuild"), "\(r.stderr)")
    Faults.expectOneClearLine(try ws.index(), "vanban index --rebuild")
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("iamglass").path))
    #expect(try Faults.documents(ws.index) == 5)
  }

  @Test func interruptedFirstRunSaysRunAgain() throws {
    let ws = try Workspace()
    // What a first run killed before its first commit leaves: a manifest and a shard with no schema.
    let shard = ws.index.appendingPathComponent("gen-1/shard-00")
    try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
    let py =
      "import sys, xapian; db = xapian.WritableDatabase(sys.argv[1], xapian.DB_CREATE_OR_OPEN); db.add_document(xapian.Document()); db.commit()"
    let made = try Faults.shell("/usr/bin/python3", "-c", py, shard.path)
    try #require(made.status == 0, "python3-xapian is needed: \(made.stderr)")
    try IndexLayout.writeManifest(ws.index, shards: ["gen-1/shard-00"])
    let r = try ws.run("stats")
    Faults.expectOneClearLine(r, "still being built, or an earlier run was interrupted before its first commit")
    #expect(!r.stderr.contains("unknown"), "\(r.stderr)")
    #expect(try ws.index().status == 0)
    #expect(try Faults.documents(ws.index) == 6)
  }

  // MARK: 2. what --rebuild may delete

  @Test func rebuildRefusesAFolderWithFilesVanbanDidNotMake() throws {
    let ws = try Workspace()
    let mine = ws.root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("hợp đồng".utf8).write(to: mine.appendingPathComponent("hop-dong.docx"))
    for extra in [["--rebuild"], []] {
      let r = try CLI.run(["index", ws.corpus.path, "--index", mine.path, "--quiet"] + extra)
      Faults.expectOneClearLine(r, "hop-dong.docx")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["hop-dong.docx"])
    // An index folder with a README kept in it is fine, and the README stays.
    #expect(try ws.index().status == 0)
    try Data("# index\n".utf8).write(to: ws.index.appendingPathComponent("README.md"))
    #expect(try ws.index(["--rebuild"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("README.md").path))
    // Names Xapian also uses are a user's files unless a database's `iamglass` is beside them.
    let lookalikes = ws.root.appendingPathComponent("lookalikes")
    try FileManager.default.createDirectory(at: lookalikes, withIntermediateDirectories: true)
    let names = ["CUSTOMERS.DB", "changes2024", "notes.tmp", "photo.glass", "report.baseA"]
    for name in names { try Data("mine".utf8).write(to: lookalikes.appendingPathComponent(name)) }
    for extra in [["--rebuild"], []] {
      let r = try CLI.run(["index", ws.corpus.path, "--index", lookalikes.path, "--quiet"] + extra)
      Faults.expectOneClearLine(r, "CUSTOMERS.DB")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: lookalikes.path).sorted() == names)
    // Anything else dropped in later is refused, and kept.
    try Data("x".utf8).write(to: ws.index.appendingPathComponent("gen-1-notes.txt"))
    Faults.expectOneClearLine(try ws.index(["--rebuild"]), "gen-1-notes.txt")
    #expect(FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("gen-1-notes.txt").path))
  }

  /// An omega or notmuch index, or any Xapian database of the user's, has no vanban schema in its
  /// metadata: `--index` pointed at it is refused, with or without --rebuild, and it is left whole
  /// (no lock file either).
  @Test(arguments: ["", "shard-00"])
  func someoneElsesXapianDatabaseIsRefusedAndKept(at place: String) throws {
    let ws = try Workspace()
    let mine = ws.root.appendingPathComponent("omega")
    let db = place.isEmpty ? mine : mine.appendingPathComponent(place)
    try FileManager.default.createDirectory(at: db, withIntermediateDirectories: true)
    let py =
      "import sys, xapian; db = xapian.WritableDatabase(sys.argv[1], xapian.DB_CREATE_OR_OPEN); d = xapian.Document(); d.add_term('mine'); db.add_document(d); db.commit()"
    let made = try Faults.shell("/usr/bin/python3", "-c", py, db.path)
    try #require(made.status == 0, "python3-xapian is needed: \(made.stderr)")
    let before = try FileManager.default.contentsOfDirectory(atPath: db.path).sorted()
    for extra in [["--rebuild"], []] {
      let r = try CLI.run(["index", ws.corpus.path, "--index", mine.path, "--quiet"] + extra)
      Faults.expectOneClearLine(r, "vanban did not write")
      #expect(r.stderr.contains((place.isEmpty ? "" : place + "/") + "iamglass"), "\(r.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: db.path).sorted() == before)
    #expect(!FileManager.default.fileExists(atPath: mine.appendingPathComponent("vanban-index.lock").path))
    let count = try Faults.shell(
      "/usr/bin/python3", "-c", "import sys, xapian; print(xapian.Database(sys.argv[1]).get_doccount())", db.path)
    #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
  }

  @Test func indexFolderThatIsOrHoldsARootIsRefused() throws {
    let ws = try Workspace()
    for index in [ws.corpus.path, ws.root.path, ws.corpus.path + "/."] {
      for extra in [["--rebuild"], []] {
        let r = try CLI.run(["index", ws.corpus.path, "--index", index, "--quiet"] + extra)
        Faults.expectOneClearLine(r, "folder being indexed")
      }
    }
    #expect(Faults.textFiles(under: ws.corpus) == 5, "no document was deleted")
  }

  @Test func indexFolderInsideARootIsSkipped() throws {
    let ws = try Workspace()
    // `vanban index .` with the default ./index, run twice: the index is not indexed.
    for extra in [[], ["--rebuild"], []] {
      let r = try CLI.run(["index", ".", "--quiet"] + extra, cwd: ws.corpus)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
    #expect(try Faults.documents(ws.corpus.appendingPathComponent("index")) == 5)
  }

  // MARK: 3. the lock, and readers during a rebuild

  @Test func rebuildWaitsForTheLockAndDeletesNothing() throws {
    let corpus = try Faults.generatedCorpus(docs: 400)
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let writer = try Faults.start(
      ["index", corpus.path, "--index", ws.index.path, "--quiet"], environment: ["VANBAN_COMMIT_BYTES": "65536"])
    defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL); writer.waitUntilExit() } }
    usleep(300_000)
    try #require(writer.isRunning, "the writer ended too early; make the corpus bigger")
    let r = try ws.index(["--rebuild"])
    Faults.expectOneClearLine(r, "is being updated by another process")
    writer.waitUntilExit()
    #expect(writer.terminationStatus == 0)
    #expect(try Faults.documents(ws.index) == 5 + Faults.textFiles(under: corpus))
  }

  @Test func searchesDuringARebuildAnswerFromTheLastCommittedIndex() throws {
    let corpus = try Faults.generatedCorpus(docs: 400)
    let total = Faults.textFiles(under: corpus)
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let rebuild = try Faults.start(
      ["index", corpus.path, "--index", ws.index.path, "--quiet", "--rebuild"],
      environment: ["VANBAN_COMMIT_BYTES": "8192"])
    var seen: [Int] = []
    while rebuild.isRunning {
      let docs = try #require(try Faults.documents(ws.index), "stats failed during the rebuild")
      seen.append(docs)
      let r = try ws.search("ủy", "ban", "--no-facets")
      #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
    }
    #expect(rebuild.terminationStatus == 0)
    // Only the old index (the 5 seeds) or the finished new one, never a part of the new one.
    #expect(seen.allSatisfy { $0 == 5 || $0 == total }, "\(seen)")
    #expect(seen.contains(5), "no search ran during the rebuild")
    #expect(try Faults.documents(ws.index) == total)
    // Only the generation the manifest names is left: the old one, and the rebuild's uncompacted
    // copy, are gone.
    let generations = try FileManager.default.contentsOfDirectory(atPath: ws.index.path).filter { $0.hasPrefix("gen-") }
    let manifest = try String(contentsOf: ws.index.appendingPathComponent("vanban-index.json"), encoding: .utf8)
    #expect(generations.count == 1 && manifest.contains("\"\(generations[0])/shard-00\""), "\(generations) \(manifest)")
  }

  // MARK: 6. symbolic links

  @Test func linksAreNotFollowedUnlessAskedAndNeverOutOfTheRoots() throws {
    let ws = try Workspace()
    let outside = ws.root.appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("CÔNG VĂN\nBí mật bên ngoài, từ khoá quokkasecret.\n".utf8).write(
      to: outside.appendingPathComponent("secret.txt"))
    let fm = FileManager.default
    let dir = ws.corpus.path
    try fm.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    try ws.write("sub/inner.txt", "CÔNG VĂN\nTrong thư mục, từ khoá wombatinner.\n")
    try fm.createSymbolicLink(atPath: dir + "/out-file.txt", withDestinationPath: outside.path + "/secret.txt")
    try fm.createSymbolicLink(atPath: dir + "/out-dir", withDestinationPath: outside.path)
    try fm.createSymbolicLink(atPath: dir + "/etc", withDestinationPath: "/etc")
    try fm.createSymbolicLink(atPath: dir + "/again", withDestinationPath: dir + "/sub")
    try fm.createSymbolicLink(atPath: dir + "/also-inner.txt", withDestinationPath: "sub/inner.txt")
    try fm.createSymbolicLink(atPath: dir + "/sub/loop", withDestinationPath: "..")

    let plain = try ws.index()
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(try Faults.documents(ws.index) == 6)
    #expect(try ws.search("quokkasecret").hits.isEmpty)
    #expect(plain.stderr.contains(dir + "/out-file.txt: a symbolic link"), "\(plain.stderr)")

    let followed = try Faults.run(
      ["index", dir, "--index", ws.index.path, "--quiet", "--follow", "--rebuild"], within: 60)
    #expect(followed.finished, "a link loop made --follow hang")
    #expect(followed.0.status == 0, "\(followed.0.stderr)")
    #expect(followed.0.stderr.contains(dir + "/out-file.txt: symbolic link to"), "\(followed.0.stderr)")
    #expect(followed.0.stderr.contains("outside the folders being indexed"))
    // The outside file is not in, and the inner one is in once, though three paths reach it.
    #expect(try Faults.documents(ws.index) == 6)
    #expect(try ws.search("quokkasecret").hits.isEmpty)
    #expect(try ws.search("wombatinner").hits.count == 1)
    #expect(try ws.search("root").hits.isEmpty, "/etc was indexed")
  }

  /// Swift's `String` compares by canonical equivalence, so a folder beside the root whose name is
  /// the root's in NFD (a copy from a Mac) looked like the root itself to `hasPrefix`: a link into
  /// it was followed out of the folders given.
  @Test func aFolderNamedLikeTheRootInAnotherNormalisationIsOutsideIt() throws {
    let ws = try Workspace(seeds: false)
    let root = ws.root.path + "/C\u{00F4}ng v\u{0103}n"
    let twin = ws.root.path + "/Co\u{0302}ng va\u{0306}n"
    #expect(root == twin && !root.utf8.elementsEqual(twin.utf8))
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    try fm.createDirectory(atPath: twin, withIntermediateDirectories: true)
    try Data("CÔNG VĂN\nTừ khoá dugonginside.\n".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
    try Data("CÔNG VĂN\nBí mật, từ khoá dugongsecret.\n".utf8).write(to: URL(fileURLWithPath: twin + "/secret.txt"))
    try fm.createSymbolicLink(atPath: root + "/file-link.txt", withDestinationPath: twin + "/secret.txt")
    try fm.createSymbolicLink(atPath: root + "/folder-link", withDestinationPath: twin)
    let r = try CLI.run(["index", root, "--index", ws.index.path, "--quiet", "--follow", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try ws.search("dugongsecret").hits.isEmpty, "a link out of the folder was followed")
    #expect(try ws.search("dugonginside").hits.count == 1)
    #expect(r.stderr.contains(root + "/file-link.txt: symbolic link to"), "\(r.stderr)")
    #expect(r.stderr.contains(root + "/folder-link: symbolic link to"), "\(r.stderr)")
    #expect(r.stdout.contains("\"link-outside\" : 2"), "\(r.stdout)")
  }

  @Test func aDocumentReachedThroughALinkLeavesWhenLinksAreNoLongerFollowed() throws {
    let ws = try Workspace()
    let dir = ws.corpus.path
    try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
    try ws.write("real/a.txt", "CÔNG VĂN\nTừ khoá numbatlinked.\n")
    try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: "real")
    #expect(try ws.index(["--follow"]).status == 0)
    #expect(try ws.search("numbatlinked").hits.first?["path"] as? String == dir + "/alias/a.txt")
    let r = try ws.index()
    #expect(r.status == 0, "\(r.stderr)")
    let hits = try ws.search("numbatlinked").hits
    #expect(hits.map { $0["path"] as? String } == [dir + "/real/a.txt"])
    #expect(try Faults.documents(ws.index) == 6)
  }

  // MARK: 9. stale content

  @Test func aFileThatTurnedBadLeavesTheIndex() throws {
    let ws = try Workspace()
    try ws.write("junk.txt", "CÔNG VĂN\nTừ khoá cũ alpacajunk.\n")
    try ws.write("emptied.txt", "CÔNG VĂN\nTừ khoá cũ alpacaempty.\n")
    try ws.write("grown.txt", "CÔNG VĂN\nTừ khoá cũ alpacagrown.\n")
    try ws.write("folder.txt", "CÔNG VĂN\nTừ khoá cũ alpacafolder.\n")
    #expect(try ws.index(["--max-file-size", "1"]).status == 0)
    for w in ["alpacajunk", "alpacaempty", "alpacagrown", "alpacafolder"] {
      #expect(try ws.search(w).hits.count == 1, "\(w)")
    }
    usleep(20_000)  // a new mtime even on coarse file systems
    var rng = SplitMix(seed: 11)
    try ws.write("junk.txt", bytes: (0..<8192).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
    try ws.write("emptied.txt", "")
    try ws.write(
      "grown.txt", "CÔNG VĂN\nTừ khoá cũ alpacagrown.\n" + String(repeating: "thêm nội dung ", count: 100_000))
    let folder = ws.corpus.appendingPathComponent("folder.txt")
    try FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

    let r = try ws.index(["--max-file-size", "1"])
    #expect(r.status == 0, "\(r.stderr)")
    for w in ["alpacajunk", "alpacaempty", "alpacagrown", "alpacafolder"] {
      #expect(try ws.search(w).hits.isEmpty, "\(w) still answers from the old text")
    }
    for name in ["junk.txt", "emptied.txt", "grown.txt", "folder.txt"] {
      #expect(r.stderr.contains(ws.corpus.path + "/" + name + ": "), "\(name) not reported: \(r.stderr)")
    }
    #expect(try Faults.documents(ws.index) == 5)
  }
}
