// Issue F, bad input files: each gets `path: reason` on stderr while every other file is indexed,
// and nothing hangs or traps.

import Foundation
import Testing
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct BadInputTests {
  /// The `path: reason` line for `name` on stderr, if any.
  func reason(_ r: CLIResult, _ path: String) -> String? {
    r.stderr.split(separator: "\n").first { $0.hasPrefix(path + ": ") }.map { String($0.dropFirst(path.count + 2)) }
  }

  func summary(_ r: CLIResult) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
  }

  /// Runs `vanban index` with a time limit, so a hang (a FIFO read) fails instead of blocking CI.
  func indexWithin(
    _ seconds: Double, _ ws: Workspace, _ extra: [String] = [], roots: [String]? = nil
  ) throws -> CLIResult {
    let args = ["index"] + (roots ?? [ws.corpus.path]) + ["--index", ws.index.path, "--quiet", "--json"] + extra
    let (r, finished) = try Faults.run(args, within: seconds)
    #expect(finished, "vanban index did not finish within \(seconds) s (killed)")
    return r
  }

  @Test func everyBadFileGetsAReasonAndTheRestIsIndexed() throws {
    let ws = try Workspace()
    let dir = ws.corpus.path
    // Binary junk named .txt.
    var rng = SplitMix(seed: 7)
    try ws.write("junk.txt", bytes: (0..<8192).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
    // Invalid UTF-8 in the middle of a Vietnamese text: indexed with U+FFFD, not skipped.
    let seed = try [UInt8](Data(contentsOf: ws.corpus.appendingPathComponent("003_32c798e237f9dc40.txt")))
    let middle = seed.count / 2
    let cut = (middle..<seed.count).first { seed[$0] == 0x0A }!  // at a line break, so no character is split
    try ws.write(
      "broken-utf8.txt",
      bytes: Array(seed[...cut]) + Array("phương án xylophonequựt ".utf8) + [0xFF, 0xC3, 0x28, 0xE2, 0x82]
        + Array(" sau byte hỏng\n".utf8) + Array(seed[(cut + 1)...]))
    try ws.write("empty.txt", "")
    try FileManager.default.createDirectory(atPath: dir + "/folder.txt", withIntermediateDirectories: true)
    try ws.write("folder.txt/inside.txt", "THÔNG BÁO\nVăn bản trong thư mục tên folder.txt, từ khoá zebraquynh.\n")
    // A symlink loop between two names, and a directory loop.
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop-a.txt", withDestinationPath: dir + "/loop-b.txt")
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop-b.txt", withDestinationPath: dir + "/loop-a.txt")
    try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: "..")
    // What a file deleted between listing and reading looks like: a dangling symlink.
    try FileManager.default.createSymbolicLink(atPath: dir + "/gone.txt", withDestinationPath: dir + "/missing.txt")
    // A FIFO and a socket named .txt must not hang the indexer.
    #expect(mkfifo(dir + "/fifo.txt", 0o644) == 0)
    let sock = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    let sockPath = dir + "/socket.txt"
    withUnsafeMutableBytes(of: &addr.sun_path) { buf in
      for (i, b) in sockPath.utf8.prefix(buf.count - 1).enumerated() { buf[i] = b }
    }
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    defer { close(sock) }
    // A name that is not UTF-8 (byte 0xFF), made with raw bytes.
    let badName: [CChar] =
      Array((dir + "/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".txt".utf8CString)
    let fd = open(badName, O_CREAT | O_WRONLY, 0o644)
    #expect(fd >= 0)
    _ = "CÔNG VĂN\nTên tệp hỏng.\n".withCString { write(fd, $0, strlen($0)) }
    close(fd)
    // An unreadable file: root reads it anyway, so only checked as another user.
    try ws.write("secret.txt", "CÔNG VĂN\nKhông đọc được.\n")
    chmod(dir + "/secret.txt", 0)
    let asRoot = geteuid() == 0

    let r = try indexWithin(30, ws)
    #expect(r.status == 0, "\(r.stderr)")
    let s = summary(r)
    #expect(reason(r, dir + "/junk.txt") == "binary data, not text")
    #expect(reason(r, dir + "/empty.txt") == "empty")
    #expect(reason(r, dir + "/folder.txt") == "is a directory")
    #expect(reason(r, dir + "/loop-a.txt")?.isEmpty == false, "\(r.stderr)")
    #expect(reason(r, dir + "/loop-b.txt")?.isEmpty == false)
    // Links are not followed without --follow (IndexFolderSafetyTests checks loops with it).
    #expect(reason(r, dir + "/sub/up") == nil, "\(r.stderr)")
    #expect(reason(r, dir + "/gone.txt")?.isEmpty == false, "\(r.stderr)")
    #expect(reason(r, dir + "/fifo.txt")?.contains("not a regular file") == true, "\(r.stderr)")
    if bound == 0 { #expect(reason(r, sockPath)?.contains("not a regular file") == true, "\(r.stderr)") }
    #expect(reason(r, dir + "/bad-\u{FFFD}.txt")?.contains("not valid UTF-8") == true, "\(r.stderr)")
    #expect(reason(r, dir + "/broken-utf8.txt") == nil, "invalid UTF-8 inside a file is not a reason to skip it")
    if asRoot {
      print("note: running as root, so chmod 000 does not make secret.txt unreadable; that case is not checked")
    } else {
      #expect(reason(r, dir + "/secret.txt")?.contains("permission denied") == true)
    }
    // The seeds, broken-utf8.txt, folder.txt/inside.txt (and secret.txt as root) are in.
    #expect(s["added"] as? Int == 7 + (asRoot ? 1 : 0), "\(r.stdout)")
    #expect(try Faults.documents(ws.index) == 7 + (asRoot ? 1 : 0))
    #expect(try ws.search("zebraquynh").seedIDs == ["ins"])
    let broken = try ws.search("xylophonequựt")
    #expect(broken.hits.first?["id"] as? String == "broken-utf8")
    let shown = try ws.run("show", "broken-utf8")
    #expect(
      shown.stdout.contains("xylophonequựt \u{FFFD}") && shown.stdout.contains("sau byte hỏng"),
      "\(shown.stdout.suffix(300))")
    // The summary counts them under stable keys, whatever the wording of each line.
    let reasons = s["skipReasons"] as? [String: Int] ?? [:]
    #expect(reasons["unsupported"] == 1 && reasons["empty-text"] == 1, "\(reasons)")
    #expect(reasons["not-a-file"] == (bound == 0 ? 2 : 1) && reasons["bad-name"] == 1, "\(reasons)")
    #expect(reasons["directory"] == 1 && reasons["link-not-followed"] == 3, "\(reasons)")
    #expect(Set(reasons.keys).isSubset(of: SkipReason.allCases.map(\.rawValue) + WalkSkip.allCases.map(\.rawValue)))
    // Every stderr line is `path: reason`.
    for line in r.stderr.split(separator: "\n") {
      #expect(line.hasPrefix(dir + "/") && line.contains(": "), "not `path: reason`: \(line)")
    }
  }

  @Test func fifoGivenAsARootDoesNotHang() throws {
    let ws = try Workspace()
    #expect(mkfifo(ws.corpus.path + "/named.txt", 0o644) == 0)
    let r = try indexWithin(
      15, ws, roots: [ws.corpus.path + "/named.txt", ws.corpus.path + "/003_32c798e237f9dc40.txt"])
    #expect(r.status == 0)
    #expect(reason(r, ws.corpus.path + "/named.txt")?.contains("not a regular file") == true, "\(r.stderr)")
    #expect(summary(r)["added"] as? Int == 1)
  }

  @Test func largeFilesAreIndexedOrSkippedOverMaxFileSize() throws {
    let ws = try Workspace()
    let line = Array("Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai kế hoạch tiêm chủng vắc xin.\n".utf8)
    // 50 MB: over --max-file-size 1, skipped with a reason before it is read.
    let huge = ws.corpus.appendingPathComponent("huge.txt").path
    let fd = open(huge, O_CREAT | O_WRONLY, 0o644)
    #expect(ftruncate(fd, 50 << 20) == 0)  // sparse: cheap to make
    close(fd)
    // 1.5 MB: also over 1 MB; 0.9 MB: indexed.
    try ws.write("big.txt", bytes: Array(repeating: line, count: (3 << 19) / line.count).flatMap { $0 })
    try ws.write(
      "fits.txt",
      bytes: Array("CÔNG VĂN\nvừa đủ quasarnhỏ\n".utf8)
        + Array(repeating: line, count: 900_000 / line.count).flatMap { $0 })
    let r = try indexWithin(60, ws, ["--max-file-size", "1"])
    #expect(r.status == 0)
    #expect(reason(r, huge) == "too large (52428800 bytes, limit 1048576)", "\(r.stderr)")
    #expect(reason(r, ws.corpus.path + "/big.txt")?.hasPrefix("too large") == true)
    #expect(reason(r, ws.corpus.path + "/fits.txt") == nil)
    #expect(summary(r)["added"] as? Int == 6)
    #expect(try ws.search("quasarnhỏ").hits.first?["id"] as? String == "fits")
    // Under the default limit (64 MB) the 1.5 MB file is indexed on the next run.
    let again = try indexWithin(60, ws)
    #expect(again.status == 0)
    #expect(reason(again, ws.corpus.path + "/big.txt") == nil)
    // big.txt; huge.txt is binary zeros
    #expect(summary(again)["added"] as? Int == 1, "\(again.stdout) \(again.stderr)")
    #expect(reason(again, huge) == "binary data, not text", "\(again.stderr)")
  }
}
