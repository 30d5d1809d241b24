// What `vanban index` walks and what it refuses: files nobody wants indexed, --exclude, the count
// of ignored extensions, paths that do not exist, roots that vanished or emptied (an unmounted
// share), and searches during a rebuild.

import Foundation
import Testing

@Suite(.serialized) struct IndexRootsTests {
  @Test func junkIsLeftOutQuietlyAndUnknownExtensionsAreCounted() throws {
    let ws = try Workspace()
    for name in ["b.xlsx", "c.XLSX", "d.zip", "README"] { try ws.write(name, "x") }
    // Office's lock files, Windows' folder files, hidden files and folders: never read, never reported.
    for name in ["~$003.docx", ".~lock.003.odt#", "Thumbs.db", "desktop.ini", ".an.txt"] {
      try ws.write(name, "\u{0}\u{1}junk")
    }
    try FileManager.default.createDirectory(
      at: ws.corpus.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try ws.write(".git/ghi-chu.txt", "Công ty Việt Á trong thư mục ẩn")
    let r = try ws.index()
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.contains("added 5, updated 0, removed 0, unchanged 0, skipped 0"), "\(r.stdout)")
    #expect(r.stdout.contains("ignored: 2 .xlsx, 1 .zip, 1 without extension\n"), "\(r.stdout)")
    let json = try CLI.run(["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"])
    #expect((json.json["ignored"] as? [String: Any])?.count == 3, "\(json.stdout)")
    let paths = try ws.search("thư mục ẩn").hits.compactMap { $0["path"] as? String }
    #expect(!paths.contains { $0.contains("/.git/") }, "\(paths)")
  }

  /// The summary names what the files are named (an extension, a link's target): escaped, so a
  /// file name cannot drive the terminal, and every link out of the folders counts as one kind.
  @Test func namesInTheSummaryAreEscaped() throws {
    let ws = try Workspace()
    try ws.write("y.\u{1b}[31mred", "x")
    try ws.write("w.x\u{9b}y", "x")
    let outside = try TemporaryDirectory(prefix: "vanban-out\u{1b}[31m")
    try Data("Công văn ở ngoài".utf8).write(to: outside.url.appendingPathComponent("o.txt"))
    for name in ["l1.txt", "l2.txt"] {
      try FileManager.default.createSymbolicLink(
        atPath: ws.corpus.appendingPathComponent(name).path, withDestinationPath: outside.path + "/o.txt")
    }
    let r = try ws.index(["--follow"])
    #expect(r.status == 0, "\(r.stderr)")
    for out in [r.stdout, r.stderr] {
      #expect(!out.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{9b}" }, "\(out)")
    }
    #expect(r.stdout.contains(".\\x1b[31mred"), "\(r.stdout)")
    #expect(r.stdout.contains(".x\\x9by"), "\(r.stdout)")
    #expect(r.stdout.contains("skipped: symbolic link outside the folders being indexed 2\n"), "\(r.stdout)")
  }

  /// A newline in a file name (or a subject) stays on its line in `search` and `show`: printed
  /// raw, a name could forge a hit line of its own.
  @Test func aNewlineInAFileNameCannotForgeALine() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("a\n2. forged.txt", "Công văn về Hồ Lắk holakq")
    #expect(try ws.index().status == 0)
    let r = try ws.run("search", "holakq", "--format", "text")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("a\\n2. forged"), "\(r.stdout)")
    #expect(!r.stdout.contains("\n2. forged"), "\(r.stdout)")
    let shown = try ws.run("show", "a\n2. forged", "--metadata-only")
    #expect(shown.stdout.contains("a\\n2. forged.txt") && !shown.stdout.contains("\n2. forged"), "\(shown.stdout)")
  }

  /// A folder that cannot be read on this run (permissions changed, a share half mounted) is not
  /// an emptied folder: what the index holds there stays, and the folder is reported.
  @Test func anUnreadableFolderKeepsItsDocuments() throws {
    let ws = try Workspace(seeds: false)
    let fm = FileManager.default
    let secret = ws.corpus.appendingPathComponent("mat")
    try fm.createDirectory(at: secret, withIntermediateDirectories: true)
    try ws.write("a.txt", "Công văn về Bình Liêu")
    try ws.write("mat/b.txt", "Công văn mật về Hoành Bồ")
    // Root reads every folder whatever its mode: as root, the runs are nobody's.
    let asRoot = getuid() == 0
    if asRoot { #expect(try ProcessRunner.run("/bin/chown", ["-R", "nobody", ws.root.path]).status == 0) }
    func index() throws -> CLIResult {
      let args = ["index", ws.corpus.path, "--index", ws.index.path, "--quiet"]
      return asRoot
        ? try ProcessRunner.run(
          "/usr/sbin/runuser", ["-u", "nobody", "--", CLI.binary] + args, removing: ["VANBAN_INDEX"])
        : try CLI.run(args)
    }
    #expect(try index().stdout.contains("added 2,"))
    try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: secret.path)
    let r = try index()
    try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: secret.path)
    #expect(r.stderr.contains(secret.path + ": Permission denied"), "\(r.stderr)")
    #expect(r.stdout.contains("removed 0,"), "\(r.stdout)")
    #expect(try ws.search("Hoành Bồ").hits.count == 1)
    // Readable again and then gone: removed as any deleted file is.
    try fm.removeItem(at: secret)
    #expect(try index().stdout.contains("removed 1,"))
  }

  @Test func excludeMatchesNamesAndPathsBelowTheRoot() throws {
    let ws = try Workspace(seeds: false)
    let fm = FileManager.default
    for dir in ["nhap", "2019/cu", "2019/moi"] {
      try fm.createDirectory(at: ws.corpus.appendingPathComponent(dir), withIntermediateDirectories: true)
    }
    try ws.write("nhap/du-thao.txt", "Dự thảo về Bình Liêu")
    try ws.write("2019/cu/a.txt", "Văn bản cũ về Bình Liêu")
    try ws.write("2019/moi/b.txt", "Văn bản mới về Bình Liêu")
    try ws.write("ban-sao.bak.txt", "Bản sao về Bình Liêu")
    let r = try ws.index(["--exclude", "nhap", "--exclude", "2019/cu", "--exclude", "*.bak.txt"])
    #expect(r.status == 0, "\(r.stderr)")
    let ids = try ws.search("Bình Liêu").hits.compactMap { $0["id"] as? String }
    #expect(ids == ["b"], "\(ids)")
    // Indexed without the pattern, then excluded: the document goes.
    #expect(try ws.index(["--exclude", "nhap", "--exclude", "2019/cu"]).stdout.contains("added 1"))
    let excluded = try ws.index(["--exclude", "nhap", "--exclude", "2019/cu", "--exclude", "*.bak.txt"])
    #expect(excluded.stdout.contains("removed 1"), "\(excluded.stdout)")
    #expect(try ws.search("Bình Liêu").hits.compactMap { $0["id"] as? String } == ["b"])
    // `*` does not cross a `/` in a relative path: 2019/* leaves out 2019's direct entries only.
    let other = ws.root.appendingPathComponent("other-index")
    _ = try CLI.run(["index", ws.corpus.path, "--index", other.path, "--quiet", "--exclude", "2019/*.txt"])
    let all = try CLI.run(["search", "--index", other.path, "--format", "json", "Bình", "Liêu"])
    #expect(all.hits.count == 4)
  }

  /// Two names that differ only in Unicode normalisation (NFC, and the NFD a Mac writes) are two
  /// files on Linux, and the index keeps them apart: a rename from one to the other, a change to
  /// one of them, and the removal of one are each seen.
  @Test func namesDifferingOnlyInNormalisationAreTwoFiles() throws {
    let ws = try Workspace(seeds: false)
    let nfc = ws.corpus.path + "/C\u{00F4}ng v\u{0103}n.txt"
    let nfd = ws.corpus.path + "/Co\u{0302}ng va\u{0306}n.txt"
    #expect(!nfc.utf8.elementsEqual(nfd.utf8) && nfc == nfd, "Swift's String equality is canonical equivalence")
    func write(_ path: String, _ text: String) {
      let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
      #expect(fd >= 0)
      _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
      close(fd)
    }
    func paths(_ word: String) throws -> [[UInt8]] {
      try ws.search(word, "--limit", "10").hits.compactMap { ($0["path"] as? String).map { Array($0.utf8) } }.sorted {
        $0.lexicographicallyPrecedes($1)
      }
    }
    func summary(_ r: CLIResult) -> [String: Any] {
      (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
    }
    write(nfc, "CÔNG VĂN\nVề Mường Tè muongteq.\n")
    #expect(try ws.index().status == 0)
    // Renamed to its NFD spelling (mtime and size kept): the old path is gone, the new one is in.
    #expect(rename(nfc, nfd) == 0)
    var r = try ws.index(["--json"])
    #expect(summary(r)["added"] as? Int == 1 && summary(r)["removed"] as? Int == 1, "\(r.stdout)")
    #expect(try paths("muongteq") == [Array(nfd.utf8)])
    // Both spellings at once: two documents; a change to one and its removal are each seen.
    write(nfc, "CÔNG VĂN\nVề Mường Tè muongteq.\n")
    r = try ws.index(["--json"])
    #expect(summary(r)["added"] as? Int == 1 && summary(r)["documents"] as? Int == 2, "\(r.stdout)")
    write(nfd, "CÔNG VĂN\nVề Sìn Hồ sinhoq.\n")
    r = try ws.index(["--json"])
    #expect(summary(r)["updated"] as? Int == 1 && summary(r)["unchanged"] as? Int == 1, "\(r.stdout)")
    #expect(try paths("sinhoq") == [Array(nfd.utf8)])
    #expect(unlink(nfd) == 0)
    r = try ws.index(["--json"])
    #expect(summary(r)["removed"] as? Int == 1 && summary(r)["documents"] as? Int == 1, "\(r.stdout)")
    #expect(try paths("muongteq") == [Array(nfc.utf8)])
  }

  @Test func aPathThatDoesNotExistIsAnError() throws {
    let ws = try Workspace()
    let missing = ws.root.appendingPathComponent("khong-co").path
    let r = try CLI.run(["index", missing, "--index", ws.index.path, "--quiet"])
    #expect(r.status == 2)
    #expect(r.stderr == "vanban: \(missing) does not exist\n", "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("vanban-index.json").path))
  }

  @Test func aVanishedOrEmptiedRootIsNotPrunedUnlessAsked() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let fm = FileManager.default
    let away = ws.root.appendingPathComponent("unmounted")
    try fm.moveItem(at: ws.corpus, to: away)
    let vanished = try ws.index()
    #expect(vanished.status == 2)
    #expect(
      vanished.stderr.contains("\(ws.corpus.path) has vanished, and the index holds 5 documents from it"),
      "\(vanished.stderr)")
    #expect(vanished.stderr.contains("--prune"))
    #expect(try ws.search("Việt Á").json["total"] as? Int ?? 0 > 0, "the documents are kept")

    // Mounted again but empty: the same.
    try fm.createDirectory(at: ws.corpus, withIntermediateDirectories: true)
    let empty = try ws.index()
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("\(ws.corpus.path) is empty, and the index holds 5 documents"), "\(empty.stderr)")
    #expect(try ws.run("stats", "--format", "json").json["documents"] as? Int == 5)
    // Narrowing the formats is not an empty folder: the documents left out are kept, as before.
    try fm.removeItem(at: ws.corpus)
    try fm.moveItem(at: away, to: ws.corpus)
    let narrowed = try ws.index(["--types", "pdf"])
    #expect(narrowed.status == 0, "\(narrowed.stderr)")
    #expect(narrowed.stdout.contains("removed 0"), "\(narrowed.stdout)")
    for f in try fm.contentsOfDirectory(atPath: ws.corpus.path) {
      try fm.removeItem(at: ws.corpus.appendingPathComponent(f))
    }

    // A rebuild would replace the index with an empty one: refused the same way.
    let rebuild = try ws.index(["--rebuild"])
    #expect(rebuild.status == 2)
    #expect(rebuild.stderr.contains("is empty, and the index holds 5 documents"), "\(rebuild.stderr)")
    #expect(try ws.run("stats", "--format", "json").json["documents"] as? Int == 5)

    let pruned = try ws.index(["--prune"])
    #expect(pruned.status == 0, "\(pruned.stderr)")
    #expect(pruned.stdout.contains("removed 5"), "\(pruned.stdout)")
    try fm.removeItem(at: ws.corpus)
    #expect(try ws.index(["--prune"]).status == 2, "a path that does not exist, with nothing to prune")
  }

  /// A rebuild writes a new generation beside the one in use and swaps the manifest when it is
  /// committed: a search in between answers from the last committed index. A `pdftotext` that
  /// takes its time holds the rebuild open.
  @Test func aSearchDuringARebuildAnswersFromTheCommittedIndex() throws {
    let ws = try Workspace()
    try ws.write("zz-cham.pdf", "%PDF-1.4 slow")
    #expect(try ws.index().status == 0)
    let before = try ws.search("Việt Á")
    #expect(before.status == 0)
    let bin = ws.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let slow = bin.appendingPathComponent("pdftotext")
    try "#!/bin/sh\nsleep 6\nexit 1\n".write(to: slow, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)

    let rebuild = Process()
    rebuild.executableURL = URL(fileURLWithPath: CLI.binary)
    rebuild.arguments = ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--rebuild"]
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = bin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    rebuild.environment = env
    rebuild.standardOutput = FileHandle.nullDevice
    rebuild.standardError = FileHandle.nullDevice
    try rebuild.run()
    defer { if rebuild.isRunning { kill(rebuild.processIdentifier, SIGKILL) } }
    // The rebuild has begun once its new generation exists (the old one is gen-2, compacted).
    let deadline = Date().addingTimeInterval(5)
    while !FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("gen-3").path) && Date() < deadline {
      usleep(20_000)
    }
    #expect(FileManager.default.fileExists(atPath: ws.index.appendingPathComponent("gen-3").path))
    #expect(rebuild.isRunning)
    let during = try ws.search("Việt Á")
    #expect(during.status == 0, "\(during.stderr)")
    #expect(!during.stderr.contains("rebuild"), "\(during.stderr)")
    #expect(during.seedIDs == before.seedIDs)
    #expect(rebuild.isRunning, "the search ran while the rebuild was still going")
    rebuild.waitUntilExit()
    #expect(rebuild.terminationStatus == 0)
    #expect(try ws.search("Việt Á").seedIDs == before.seedIDs)
  }
}
