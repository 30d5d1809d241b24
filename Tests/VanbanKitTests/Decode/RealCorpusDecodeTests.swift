import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

/// Decodes every file of the real corpus `shared/corpora/vn-legal.tar.xz` (835 legal texts, 100 MB):
/// no crash, every file accounted for, counts by encoding printed.
@Suite("Decode: real corpus")
struct RealCorpusDecodeTests {
  static let tarball: URL? = TestPaths.vnLegalTarball
  static var available: Bool { tarball.map { FileManager.default.fileExists(atPath: $0.path) } ?? false }

  /// `/tmp/vn-legal` if already unpacked there, else the tarball unpacked into a fresh temporary directory.
  static func corpusRoot() throws -> (root: URL, cleanup: URL?) {
    let unpacked = URL(fileURLWithPath: "/tmp/vn-legal")
    if FileManager.default.fileExists(atPath: unpacked.appendingPathComponent("laws").path) { return (unpacked, nil) }
    let dir = try DecodeFixtures.temporaryDirectory()
    let tar = try #require(ProcessRunner.which("tar"), "tar is needed to unpack the corpus")
    let status = try DecodeFixtures.run(tar, ["-xJf", tarball!.path, "-C", dir.path])
    try #require(status == 0, "tar -xJf \(tarball!.path) failed")
    return (dir.appendingPathComponent("vn-legal"), dir)
  }

  /// A combining diacritic (U+0300-U+036F is UTF-8 0xCC 0x80... 0xCD 0xAF), found with memchr so that the
  /// debug build stays fast on 100 MB.
  static func hasCombiningMark(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { buf in
      guard var p = buf.baseAddress else { return false }
      let end = p + buf.count
      while p < end, let hit = memchr(p, 0xCC, end - p) {
        let q = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
        if q + 1 < end, (0x80...0xBF).contains(q[1]) { return true }
        p = q + 1
      }
      return false
    }
  }

  @Test(.enabled(if: available, "shared/corpora/vn-legal.tar.xz is missing"), .timeLimit(.minutes(2)))
  func decodesTheWholeCorpus() throws {
    let (root, cleanup) = try Self.corpusRoot()
    defer { if let cleanup { try? FileManager.default.removeItem(at: cleanup) } }
    var files: [String] = []
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let rel = walker?.nextObject() as? String {
      var isDir: ObjCBool = false
      let path = root.appendingPathComponent(rel).path
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { files.append(path) }
    }
    files.sort()
    let paths = files
    try #require(files.count > 0, "no files under \(root.path)")

    let decoder = DocumentDecoder()
    let results = LockedBox<[Int: Result<DecodedDocument, DecodeError>]>([:])
    let start = Date()
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let r: Result<DecodedDocument, DecodeError>
      do throws(DecodeError) { r = .success(try decoder.decode(fileAt: paths[i])) } catch { r = .failure(error) }
      results.withLock { $0[i] = r }
    }
    let seconds = Date().timeIntervalSince(start)
    let all = results.withLock { $0 }
    #expect(all.count == files.count)

    var byEncoding: [String: Int] = [:]
    var failures: [String] = []
    var bytes = 0
    var combiningFiles = 0
    for i in files.indices {
      switch all[i]! {
      case .success(let d):
        byEncoding[d.encoding.rawValue, default: 0] += 1
        bytes += d.text.utf8.count
        if Self.hasCombiningMark(d.text) { combiningFiles += 1 }
        #expect(!PlainTextDecoder.containsByte(d.text, 0x0D), "CR left in \(files[i])")
      case .failure(let e):
        failures.append("\(files[i].dropFirst(root.path.count + 1)): \(e)")
      }
    }
    let counts = byEncoding.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    print(
      "vn-legal: \(files.count) files, \(bytes >> 20) MB of text in \(String(format: "%.1f", seconds)) s; by encoding: \(counts); with combining marks: \(combiningFiles); failures: \(failures.count)"
    )
    for f in failures.prefix(20) { print("  \(f)") }
    // The corpus is real Unicode text: all of it should decode.
    #expect(failures.isEmpty)
  }
}
