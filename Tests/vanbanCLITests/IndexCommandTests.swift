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

  @Test func badFilesAreSkippedWithAReasonAndTheRestIndexed() throws {
    let ws = try Workspace()
    try ws.write("junk.txt", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ ($0 >> 3)) })
    try ws.write("empty.txt", "")
    try FileManager.default.createDirectory(at: ws.corpus.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
    let r = try ws.index()
    #expect(r.status == 0)
    #expect(r.stderr.contains("junk.txt: "))
    #expect(r.stderr.contains("empty.txt: "))
    #expect(r.stdout.contains("added 5"))
  }

  @Test func anotherWriterGetsAClearMessage() throws {
    let ws = try Workspace()
    try ws.index()
    // Hold the write lock with a second vanban process that is still indexing a big corpus.
    let big = try Workspace(seeds: false)
    let text = try String(contentsOf: ws.corpus.appendingPathComponent("003_32c798e237f9dc40.txt"), encoding: .utf8)
    for i in 0..<400 { try big.write("doc\(i).txt", text + "\n\(i)") }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = ["index", big.corpus.path, "--index", ws.index.path, "--quiet"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    var sawLock = false
    for _ in 0..<200 where p.isRunning {
      let r = try ws.index()
      if r.status == 2 && r.stderr.contains("being updated by another process") {
        sawLock = true
        break
      }
      usleep(20_000)
    }
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "the first writer finishes intact")
    #expect(sawLock, "a second writer is told the index is busy")
  }
}
