// `vanban index --watch`: files copied, changed, renamed, moved and deleted in a watched folder (and
// in folders made, renamed or moved in while watched) are what search sees; a burst of 2,000 copies
// ends with each file once; kill -9 and a restart lose and double nothing; SIGTERM and SIGINT
// commit and exit 0; a second writer is refused; the kernel's watch limit falls back to rescans.

import Foundation
import Testing
import VanbanKit

@Suite(.serialized) struct WatchTests {
  let fm = FileManager.default

  @Test func filesCopiedChangedRenamedAndDeletedAreWhatSearchSees() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("co-san.txt", "Công văn có sẵn về Bình Liêu binhlieuq")
    let watch = try WatchedFolder(ws)
    #expect(try watch.sees("binhlieuq", ["co-san.txt"]))

    // Copied in from elsewhere.
    let outside = ws.root.appendingPathComponent("ngoai")
    try fm.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("Quyết định về Tiên Yên tienyenq".utf8).write(to: outside.appendingPathComponent("qd.txt"))
    try fm.copyItem(at: outside.appendingPathComponent("qd.txt"), to: ws.corpus.appendingPathComponent("qd.txt"))
    #expect(try watch.sees("tienyenq", ["qd.txt"]))

    // Changed: the new words are found, the old ones no longer.
    try ws.write("qd.txt", "Quyết định sửa đổi về Đầm Hà damhaq")
    #expect(try watch.sees("damhaq", ["qd.txt"]))
    #expect(try watch.sees("tienyenq", []))

    // Renamed.
    try fm.moveItem(at: ws.corpus.appendingPathComponent("qd.txt"), to: ws.corpus.appendingPathComponent("qd-moi.txt"))
    #expect(try watch.sees("damhaq", ["qd-moi.txt"]))

    // A new folder, a file in it, and the folder renamed: its old paths go, the new ones come.
    try fm.createDirectory(at: ws.corpus.appendingPathComponent("2024/thang-3"), withIntermediateDirectories: true)
    try ws.write("2024/thang-3/tb.txt", "Thông báo về Cô Tô cotoq")
    #expect(try watch.sees("cotoq", ["2024/thang-3/tb.txt"]))
    try fm.moveItem(at: ws.corpus.appendingPathComponent("2024"), to: ws.corpus.appendingPathComponent("nam-2024"))
    #expect(try watch.sees("cotoq", ["nam-2024/thang-3/tb.txt"]))
    // The renamed folder is watched under its new name.
    try ws.write("nam-2024/thang-3/tb2.txt", "Thông báo thứ hai về Cô Tô cotoq")
    #expect(try watch.sees("cotoq", ["nam-2024/thang-3/tb.txt", "nam-2024/thang-3/tb2.txt"]))

    // A folder moved in with files already inside, then moved out again.
    let folder = outside.appendingPathComponent("ho-so")
    try fm.createDirectory(at: folder.appendingPathComponent("con"), withIntermediateDirectories: true)
    try Data("Hồ sơ về Vân Đồn vandonq".utf8).write(to: folder.appendingPathComponent("con/hs.txt"))
    try fm.moveItem(at: folder, to: ws.corpus.appendingPathComponent("ho-so"))
    #expect(try watch.sees("vandonq", ["ho-so/con/hs.txt"]))
    try fm.moveItem(at: ws.corpus.appendingPathComponent("ho-so"), to: outside.appendingPathComponent("ho-so-cu"))
    #expect(try watch.sees("vandonq", []))

    // Deleted: a file, then a whole folder.
    try fm.removeItem(at: ws.corpus.appendingPathComponent("qd-moi.txt"))
    #expect(try watch.sees("damhaq", []))
    try fm.removeItem(at: ws.corpus.appendingPathComponent("nam-2024"))
    #expect(try watch.sees("cotoq", []))
    #expect(try watch.sees("binhlieuq", ["co-san.txt"]))

    #expect(watch.stop(SIGTERM) == 0, "\(watch.stderr)")
    #expect(watch.stdout.contains("added 1, updated 0"), "\(watch.stdout)")
    #expect(watch.stderr.contains("watch: +1 ~0 -0 ("), "\(watch.stderr)")
    #expect(!watch.stderr.contains("warning") && !watch.stderr.contains("error"), "\(watch.stderr)")
    // Each batch left the facet table of its commit (FacetTableFile.swift).
    #expect(try Searcher(indexes: [ws.index.path]).readFacetTableFile() != nil)
  }

  @Test func filesThatVanishBeforeBeingReadLeaveNothing() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("giu.txt", "Văn bản giữ lại về Hải Hà haihaq")
    let watch = try WatchedFolder(ws)
    // Written and removed at once, many times: each event names a file that is gone when read.
    for i in 0..<200 {
      let url = ws.corpus.appendingPathComponent("tam-\(i).txt")
      try Data("Tạm thời về Hải Hà haihaq".utf8).write(to: url)
      try fm.removeItem(at: url)
    }
    try ws.write("sau.txt", "Văn bản sau về Hải Hà haihaq")
    #expect(try watch.sees("haihaq", ["giu.txt", "sau.txt"]))
    #expect(try ws.run("skipped", "--format", "json").json["total"] as? Int == 0)
    #expect(watch.process.isRunning)
    #expect(watch.stop(SIGINT) == 0, "\(watch.stderr)")
  }

  @Test func aBurstOf2000CopiesEndsWithEachFileOnce() throws {
    let ws = try Workspace(seeds: false)
    let staging = ws.root.appendingPathComponent("staging")
    try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    for i in 0..<2000 {
      try Data("Công văn số \(i) về Quảng Hà quanghaq, mã riêng mavb\(i)x".utf8).write(
        to: staging.appendingPathComponent("cv-\(i).txt"))
    }
    let watch = try WatchedFolder(ws)
    let cp = try ProcessRunner.run("/bin/sh", ["-c", "cp \"$0\"/*.txt \"$1\"/", staging.path, ws.corpus.path])
    #expect(cp.status == 0, "\(cp.stderr)")
    let done = try WatchedFolder.eventually(60) {
      try ws.run("stats", "--format", "json").json["documents"] as? Int == 2000
    }
    #expect(done, "\(watch.stderr.suffix(500))")
    let paths = try watch.paths("quanghaq")
    #expect(paths.count == 2000)
    #expect(Set(paths).count == 2000)
    #expect(try watch.paths("mavb1999x").count == 1)
    #expect(watch.stop() == 0)
    #expect(try ws.run("stats", "--format", "json").json["documents"] as? Int == 2000)
  }

  @Test func killedWithKill9AndRestartedLosesAndDoublesNothing() throws {
    let ws = try Workspace(seeds: false)
    let watch = try WatchedFolder(ws, environment: ["VANBAN_COMMIT_BYTES": "2000"])
    for i in 0..<300 {
      try ws.write("a-\(i).txt", "Tờ trình \(i) về Ba Chẽ bacheq")
    }
    // Killed as soon as the first of the copies' commits is seen, most likely mid-batch.
    // As soon as some are committed (a batch commits every 2000 bytes of text here).
    let started = try WatchedFolder.eventually(10) {
      (try ws.run("stats", "--format", "json").json["documents"] as? Int ?? 0) > 0
    }
    #expect(started)
    #expect(watch.stop(SIGKILL) == SIGKILL)
    for i in 300..<400 {
      try ws.write("a-\(i).txt", "Tờ trình \(i) về Ba Chẽ bacheq")
    }
    try ws.write("a-0.txt", "Tờ trình đã sửa về Ba Chẽ bacheq và Bình Liêu binhlieuq")
    try fm.removeItem(at: ws.corpus.appendingPathComponent("a-1.txt"))
    let restarted = try WatchedFolder(ws)
    // The restart's first run caught up with what happened while nothing watched.
    let paths = try watch.paths("bacheq")
    #expect(paths.count == 399)
    #expect(Set(paths).count == 399)
    #expect(try restarted.sees("binhlieuq", ["a-0.txt"]))
    #expect(try ws.run("stats", "--format", "json").json["documents"] as? Int == 399)
    #expect(restarted.stop() == 0)
  }

  @Test func aSecondWriterIsRefusedWhileWatching() throws {
    let ws = try Workspace()
    let watch = try WatchedFolder(ws)
    let second = try ws.index()
    #expect(second.status == 2)
    #expect(second.stderr.contains("is being updated by another process"), "\(second.stderr)")
    // Still watching, and still the only writer after a batch.
    try ws.write("moi.txt", "Văn bản mới về Đình Lập dinhlapq")
    #expect(try watch.sees("dinhlapq", ["moi.txt"]), "\(watch.stderr)")
    #expect(try ws.index().status == 2)
    #expect(watch.stop() == 0)
    #expect(try ws.index().status == 0)
  }

  @Test func theKernelsWatchLimitFallsBackToRescans() throws {
    let ws = try Workspace(seeds: false)
    try fm.createDirectory(at: ws.corpus.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try ws.write("a/b/cu.txt", "Văn bản cũ về Lộc Bình locbinhq")
    // One watch allowed: the root is watched, its folders are not.
    let watch = try WatchedFolder(
      ws, extra: ["--rescan-interval", "1"], environment: ["VANBAN_WATCH_LIMIT": "1"])
    #expect(try watch.sees("locbinhq", ["a/b/cu.txt"]))
    // In a folder with no watch: only a rescan finds it.
    try ws.write("a/b/moi.txt", "Văn bản mới về Lộc Bình locbinhq")
    #expect(try watch.sees("locbinhq", ["a/b/cu.txt", "a/b/moi.txt"]))
    try fm.removeItem(at: ws.corpus.appendingPathComponent("a/b/cu.txt"))
    #expect(try watch.sees("locbinhq", ["a/b/moi.txt"]))
    #expect(watch.process.isRunning)
    #expect(watch.stop() == 0)
    let notes = watch.stderr.components(separatedBy: "fs.inotify.max_user_watches").count - 1
    #expect(notes == 1, "\(watch.stderr)")
    #expect(watch.stderr.contains("rescan every 1 s"), "\(watch.stderr)")
  }

  @Test func sigtermCommitsWhatIsPendingAndExits0() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("dau.txt", "Văn bản đầu về Lục Nam lucnamq")
    let watch = try WatchedFolder(ws)
    // Stopped before the batch's quiet time is over: the change is committed on the way out.
    try ws.write("cuoi.txt", "Văn bản cuối về Lục Nam lucnamq")
    #expect(watch.stop(SIGTERM) == 0, "\(watch.stderr)")
    let paths = try ws.search("lucnamq").hits.compactMap { $0["path"] as? String }
    #expect(paths.sorted() == ["cuoi.txt", "dau.txt"].map { ws.corpus.appendingPathComponent($0).path })
  }

  @Test func aFileGivenAsTheRootIsWatched() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("mot.txt", "Văn bản về Sơn Động sondongq")
    try ws.write("khac.txt", "Văn bản khác về Sơn Động sondongq")
    let file = ws.corpus.appendingPathComponent("mot.txt")
    let watch = try WatchedFolder(ws, roots: [file.path])
    #expect(try watch.sees("sondongq", ["mot.txt"]))
    try ws.write("mot.txt", "Văn bản sửa về Yên Dũng yendungq")
    try ws.write("khac.txt", "Văn bản khác sửa về Yên Dũng yendungq")
    #expect(try watch.sees("yendungq", ["mot.txt"]))
    #expect(watch.stop() == 0)
  }

  /// A pipe or a link made in a watched folder is said on stderr, as `vanban index` says it:
  /// `path: reason`, and the batch counts it as skipped.
  @Test func pipesAndLinksMadeWhileWatchedAreReported() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("mot.txt", "Văn bản về Lục Nam lucnamq")
    let outside = ws.root.appendingPathComponent("outside.txt")
    try Data("Ngoài thư mục lucnamq".utf8).write(to: outside)
    let watch = try WatchedFolder(ws)
    let fifo = ws.corpus.appendingPathComponent("ong.txt").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let link = ws.corpus.appendingPathComponent("lienket.txt").path
    try fm.createSymbolicLink(atPath: link, withDestinationPath: outside.path)
    let said = WatchedFolder.eventually {
      watch.stderr.contains("\(fifo): not a regular file") && watch.stderr.contains("\(link): a symbolic link")
    }
    #expect(said, "\(watch.stderr)")
    // The batch's line, once committed, counts them.
    #expect(WatchedFolder.eventually { watch.stderr.contains(" skipped ") }, "\(watch.stderr)")
    #expect(try watch.paths("lucnamq").map { ($0 as NSString).lastPathComponent } == ["mot.txt"])
    #expect(watch.stop() == 0)
  }

  /// Two folders whose names differ only in normalisation (NFC and NFD, as a copy from a Mac
  /// leaves) are two watches: deleting one kept the other's watch only once they were keyed by
  /// their bytes.
  @Test func foldersNamedAlikeInTwoNormalisationsAreWatchedApart() throws {
    let ws = try Workspace(seeds: false)
    let nfc = ws.corpus.path + "/C\u{00F4}ng v\u{0103}n"
    let nfd = ws.corpus.path + "/Co\u{0302}ng va\u{0306}n"
    try fm.createDirectory(atPath: nfc, withIntermediateDirectories: true)
    try fm.createDirectory(atPath: nfd, withIntermediateDirectories: true)
    try Data("Văn bản về Lục Ngạn lucnganq".utf8).write(to: URL(fileURLWithPath: nfc + "/a.txt"))
    // Texts of their own: copies of one text would be one hit.
    try Data("Văn bản khác về Lục Ngạn lucnganq".utf8).write(to: URL(fileURLWithPath: nfd + "/b.txt"))
    let watch = try WatchedFolder(ws)
    #expect(try watch.paths("lucnganq").count == 2)
    // The walk sorts names by bytes, so it watches the NFD name (`o` + U+0302) first; keyed by
    // String, the NFC folder's watch took its place, and forgetting the NFD folder dropped the
    // NFC one. (The old walk kept readdir's order for the two, and failed here on ext4 as tried.)
    try fm.removeItem(atPath: nfd)
    #expect(WatchedFolder.eventually { (try? watch.paths("lucnganq").count) == 1 }, "\(watch.stderr)")
    try Data("Văn bản về Yên Thế yentheq".utf8).write(to: URL(fileURLWithPath: nfc + "/c.txt"))
    #expect(
      WatchedFolder.eventually { (try? watch.paths("yentheq").count) == 1 },
      "a file written in the NFC folder was not seen: \(watch.stderr)")
    #expect(watch.stop() == 0)
  }

  @Test func badRescanIntervalIsAClearError() throws {
    let ws = try Workspace(seeds: false)
    let r = try ws.index(["--watch", "--rescan-interval", "0"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("--rescan-interval takes 1 to 86400"), "\(r.stderr)")
  }
}
