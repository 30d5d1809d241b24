// Helper programs do not outlive the work they were started for: a file given up at its time
// limit has its helper killed, and `vanban index` stopped by SIGTERM kills its helpers and removes
// OCR's temporary folders before it dies. Fake helpers record their pids, so the test can look
// for them afterwards.

import Foundation
import Testing

@Suite(.serialized) struct HelperLeftoverTests {
  /// A fake helper in `bin` that appends its pid to `pids` and then sleeps for a minute; the
  /// other arguments of tesseract's probe are answered, so OCR takes it for the real one.
  static func sleepingHelper(_ name: String, in bin: URL, pids: URL) throws {
    let url = bin.appendingPathComponent(name)
    try """
    #!/bin/sh
    case "$1" in
      --list-langs) echo 'List of available languages in "/x/" (1):'; echo vie; exit 0 ;;
      --version) echo '\(name) 0.0-test'; exit 0 ;;
    esac
    echo $$ >> '\(pids.path)'
    exec /bin/sleep 60

    """.write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
  }

  static func pids(_ file: URL) -> [pid_t] {
    ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
  }

  /// Whether `pid` is a process that still runs (a zombie waiting for its parent does not).
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
  }

  /// Whether every pid in `file` has stopped running within `seconds`.
  static func allStop(_ file: URL, within seconds: Double = 5) -> Bool {
    WatchedFolder.eventually(seconds) { pids(file).allSatisfy { !isRunning($0) } }
  }

  @Test func aFileGivenUpHasItsHelperKilled() throws {
    let ws = try Workspace(seeds: false)
    try ws.write("a.txt", "Công văn về tiêm chủng vắc xin.\n")
    try ws.write("slow.pdf", "%PDF-1.4\n")
    let bin = ws.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let pidFile = ws.root.appendingPathComponent("pids")
    for tool in ["pdftotext", "pdfinfo"] { try Self.sleepingHelper(tool, in: bin, pids: pidFile) }
    let start = Date()
    let r = try CLI.run(
      [
        "index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json", "--file-timeout", "1", "--ocr", "never",
      ],
      environment: ["PATH": bin.path])
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.json["added"] as? Int == 1 && r.json["skipped"] as? Int == 1, "\(r.stdout) \(r.stderr)")
    #expect(r.stderr.contains("slow.pdf: reading the file timed out after 1 s"), "\(r.stderr)")
    #expect(!Self.pids(pidFile).isEmpty, "the fake helper never ran")
    #expect(Self.allStop(pidFile), "a helper of the file given up still runs: \(Self.pids(pidFile))")
  }

  @Test func sigtermKillsHelpersAndRemovesOCRFolders() throws {
    try OCRTests.requireTools()
    let ws = try Workspace(seeds: false)
    try ScannedDocuments.write([
      ScannedDocuments.Job(text: "Trang quét về phòng chống dịch", out: ws.corpus.appendingPathComponent("scan.pdf"))
    ])
    let bin = ws.root.appendingPathComponent("bin")
    let tmp = ws.root.appendingPathComponent("tmp")
    for dir in [bin, tmp] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
    for tool in ["pdftotext", "pdfinfo", "pdftoppm"] {
      try FileManager.default.createSymbolicLink(
        atPath: bin.appendingPathComponent(tool).path, withDestinationPath: try #require(ProcessRunner.which(tool)))
    }
    let pidFile = ws.root.appendingPathComponent("pids")
    try Self.sleepingHelper("tesseract", in: bin, pids: pidFile)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = [
      "index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--ocr-cache",
      ws.root.appendingPathComponent("cache").path,
    ]
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = bin.path
    env["TMPDIR"] = tmp.path
    env.removeValue(forKey: "VANBAN_INDEX")
    process.environment = env
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    #expect(WatchedFolder.eventually(30) { !Self.pids(pidFile).isEmpty }, "tesseract was never started")
    let folders = { (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] }
    #expect(folders().contains { $0.hasPrefix("vanban-ocr-") }, "no OCR folder while a page is read: \(folders())")

    kill(process.processIdentifier, SIGTERM)
    #expect(ProcessRunner.wait(process, seconds: 10), "vanban index did not stop on SIGTERM")
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    #expect(Self.allStop(pidFile), "tesseract outlived vanban: \(Self.pids(pidFile))")
    #expect(!folders().contains { $0.hasPrefix("vanban-ocr-") }, "OCR folders left behind: \(folders())")
  }
}
