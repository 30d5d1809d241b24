// The real corpus (shared/corpora/vn-legal.tar.xz, 835 legal texts, 100 MB) through the binary:
// about 1 file in 6 mixes decomposed tone marks (U+0300, U+0301, U+0303, U+0309, U+0323 as separate
// scalars) into NFC text. A phrase copied raw (still NFD) from such a line, and the same phrase typed
// without diacritics, must both find the file.
//
// Time: a debug build indexes these texts at about 1 MB per 2 s and spends ~0.3 s per search, so by
// default a deterministic sample of 40 mixed files of at most 128 KiB (3 MB) is indexed and searched.
// VANBAN_FULL_CORPUS=1 runs all 127 mixed files, and also indexes all 835 files (no crash, exit 0).

import Foundation
import Testing

enum RealCorpus {
  static let tarball = CLI.shared.appendingPathComponent("corpora/vn-legal.tar.xz")
  static var available: Bool { FileManager.default.fileExists(atPath: tarball.path) }
  static let full = ProcessInfo.processInfo.environment["VANBAN_FULL_CORPUS"] == "1"

  /// The tarball unpacked into a fresh temporary directory (the caller removes `cleanup`).
  static func unpack() throws -> (root: URL, cleanup: URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-real-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let tar = try #require(FormatFixtures.which("tar"), "tar is needed to unpack the corpus")
    let r = try FormatFixtures.tool(tar, ["-xJf", tarball.path, "-C", dir.path])
    try #require(r.status == 0, "tar -xJf \(tarball.path): \(r.stderr)")
    return (dir.appendingPathComponent("vn-legal").resolvingSymlinksInPath(), dir)
  }

  /// Every regular file under root, sorted by path.
  static func files(under root: URL) -> [URL] {
    var out: [URL] = []
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = e?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { out.append(url) }
    }
    return out.sorted { $0.path < $1.path }
  }

  static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

  /// The five tone marks are UTF-8 CC 80, CC 81, CC 83, CC 89 and CC A3: a byte scan, fast in debug.
  static func mixesDecomposedMarks(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i + 1 < bytes.count {
      if bytes[i] == 0xCC, [0x80, 0x81, 0x83, 0x89, 0xA3].contains(bytes[i + 1]) { return true }
      i += 1
    }
    return false
  }

  /// Without diacritics, as a user types it: NFD, nonspacing marks dropped, đ → d.
  static func unaccented(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.decomposedStringWithCanonicalMapping.unicodeScalars where u.properties.generalCategory != .nonspacingMark
    {
      switch u {
      case "đ": out.append("d")
      case "Đ", "\u{D0}", "\u{189}": out.append("D")
      default: out.append(u)
      }
    }
    return String(out)
  }

  /// Phrases of 4 (or 3) consecutive words — letters and marks only, so nothing in them is query
  /// syntax — around a word holding a separate tone mark, copied raw from the file's lines. Longest
  /// first (longer phrases are rarer, so the file is more likely within the first page of hits).
  static func phrases(in text: String, max: Int = 3) -> [String] {
    var found: [String] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      let scalars = Array(line.unicodeScalars)
      guard scalars.contains(where: { toneMarks.contains($0.value) }) else { continue }
      // Split on white space scalar by scalar: a mark after a space (`hiê ̣n`) starts a token.
      var tokens: [[Unicode.Scalar]] = [[]]
      for u in scalars {
        if u.properties.isWhitespace {
          if !tokens[tokens.count - 1].isEmpty { tokens.append([]) }
        } else {
          tokens[tokens.count - 1].append(u)
        }
      }
      if tokens.last?.isEmpty == true { tokens.removeLast() }
      func isWord(_ t: [Unicode.Scalar]) -> Bool {
        t.contains { $0.properties.isAlphabetic && $0.properties.generalCategory != .nonspacingMark }
          && t.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
      }
      for (i, t) in tokens.enumerated() where t.contains(where: { toneMarks.contains($0.value) }) {
        windows: for length in [4, 3] {
          for start in Swift.max(0, i - length + 1)...i where start + length <= tokens.count {
            let window = tokens[start..<(start + length)]
            if window.allSatisfy(isWord) {
              let phrase = window.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
              if !found.contains(phrase) { found.append(phrase) }
              break windows
            }
          }
        }
      }
      if found.count >= 12 { break }
    }
    return Array(found.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.prefix(max))
  }

  /// Runs `body` over items on every core (the searches are separate processes).
  static func concurrently<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
    let results = Box([R?](repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
      let r = body(items[i])
      results.lock.withLock { results.value[i] = r }
    }
    return results.value.map { $0! }
  }

  final class Box<Value>: @unchecked Sendable {
    var value: Value
    let lock = NSLock()
    init(_ value: Value) { self.value = value }
  }
}

@Suite(.serialized) struct RealCorpusTests {
  struct Probe: Sendable {
    var path: String
    var phrases: [String]
  }

  /// What one phrase search found: whether the file was among the hits, and how many hits there were.
  struct Outcome: Sendable {
    var path: String
    var failures: [String]
  }

  /// Searches each phrase (raw NFD, then unaccented) until the file is found or a phrase's hits do
  /// not fill the page; a full page without the file moves on to the file's next phrase.
  static func probe(_ p: Probe, index: URL) -> Outcome {
    var failures: [String] = []
    let forms: [(String, (String) -> String)] = [("NFD", { $0 }), ("unaccented", { RealCorpus.unaccented($0) })]
    for (form, transform) in forms {
      var why: String? = "no phrase"
      for phrase in p.phrases {
        let query = "\"\(transform(phrase))\""
        guard
          let r = try? CLI.run([
            "search", "--index", index.path, "--format", "jsonl", "--limit", "50", "--no-facets", query,
          ])
        else {
          why = "could not run vanban"
          break
        }
        // A hit's copies (the same law from two sources) are found with it.
        let paths = r.stdout.split(separator: "\n").flatMap { line -> [String] in
          guard let hit = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return [] }
          let copies = (hit["copies"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
          return [hit["path"] as? String].compactMap { $0 } + copies
        }
        if paths.contains(p.path) {
          why = nil
          break
        }
        let scalars = phrase.unicodeScalars.filter { RealCorpus.toneMarks.contains($0.value) }.map {
          String(format: "U+%04X", $0.value)
        }
        why =
          "\(form) \(query) [\(scalars.joined(separator: " "))]: exit \(r.status), \(paths.count) hits without the file \(r.stderr)"
        if paths.count < 50 { break }  // not a crowded phrase: the file should have been there
      }
      if let why { failures.append(why) }
    }
    return Outcome(path: p.path, failures: failures)
  }

  @Test(.enabled(if: RealCorpus.available, "shared/corpora/vn-legal.tar.xz is missing"), .timeLimit(.minutes(10)))
  func phrasesCopiedFromDecomposedLinesFindTheirFiles() throws {
    let (root, cleanup) = try RealCorpus.unpack()
    defer { try? FileManager.default.removeItem(at: cleanup) }
    let all = RealCorpus.files(under: root)
    #expect(all.count == 835)
    var mixed: [(url: URL, text: String)] = []
    for url in all {
      let bytes = [UInt8](try Data(contentsOf: url))
      if RealCorpus.mixesDecomposedMarks(bytes) { mixed.append((url, String(decoding: bytes, as: UTF8.self))) }
    }
    #expect((120...135).contains(mixed.count), "about 1 file in 6 mixes in combining marks: \(mixed.count)")

    // The sample (see the top of the file): mixed files of at most 128 KiB, 40 of them spread evenly.
    var chosen = mixed
    if !RealCorpus.full {
      let small = mixed.filter { $0.text.utf8.count <= 128 << 10 }
      chosen = small.count <= 40 ? small : (0..<40).map { small[$0 * small.count / 40] }
    }
    let ws = try Workspace(seeds: false)
    let started = Date()
    let r = try CLI.run(["index", "--index", ws.index.path, "--quiet", "--json"] + chosen.map(\.url.path))
    let indexSeconds = Date().timeIntervalSince(started)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "no file skipped: \(r.stderr)")
    #expect(r.json["added"] as? Int == chosen.count, "\(r.stdout)")

    var probes: [Probe] = []
    for (url, text) in chosen {
      let phrases = RealCorpus.phrases(in: text)
      if phrases.isEmpty {
        // A file whose marks sit only in numbers, symbols or one-letter lines: nothing to type.
        Issue.record("no phrase of 3-4 words around a decomposed mark in \(url.path)")
      }
      probes.append(Probe(path: url.path, phrases: phrases))
    }
    let searchStarted = Date()
    let index = ws.index
    let outcomes = RealCorpus.concurrently(probes) { Self.probe($0, index: index) }
    let searchSeconds = Date().timeIntervalSince(searchStarted)
    for o in outcomes {
      for f in o.failures { Issue.record("\(o.path.dropFirst(root.path.count + 1)): \(f)") }
    }
    let found = outcomes.filter(\.failures.isEmpty).count
    print(
      "real corpus: \(chosen.count) of \(mixed.count) mixed files indexed in \(String(format: "%.1f", indexSeconds)) s; "
        + "\(found) found by their NFD and unaccented phrases; searches took \(String(format: "%.1f", searchSeconds)) s"
    )
  }

  /// All 835 files through the indexer: exit 0, nothing crashes, every file accounted for.
  @Test(
    .enabled(if: RealCorpus.available && RealCorpus.full, "VANBAN_FULL_CORPUS=1 indexes all 835 files"),
    .timeLimit(.minutes(30)))
  func theWholeCorpusIndexes() throws {
    let (root, cleanup) = try RealCorpus.unpack()
    defer { try? FileManager.default.removeItem(at: cleanup) }
    let ws = try Workspace(seeds: false)
    let r = try CLI.run(["index", root.path, "--index", ws.index.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    print("real corpus, all files:\n\(r.stdout)\(r.stderr)")
    let counts = r.stdout.split(separator: "\n").first ?? ""
    #expect(counts.hasPrefix("added "), "\(r.stdout)")
    // added + skipped account for every file.
    let numbers = counts.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    #expect(numbers.count == 5 && numbers[0] + numbers[4] == 835, "\(counts)")
  }
}
