// Filter accuracy through the binary on gen_corpus.py corpora (300 documents, seed 1, plain and
// with 20% NFD files), scored against truth.jsonl: `refs X`, `--agency`, `--province`, `--type`
// and `--since/--until` must return exactly the truth's documents. Values are sampled evenly to
// keep a debug run short (about 60 processes per corpus); `scripts/filter-accuracy` checks every value on 3000 documents
// (VANBAN_FILTER_DOCS, VANBAN_FILTER_ALL).
// Also: `vanban stats` counts agree with the truth and add up.

import Foundation
import Testing

/// A generated corpus, indexed once, and its truth.
final class GeneratedWorkspace: @unchecked Sendable {
  let root: URL
  var corpus: URL { root.appendingPathComponent("corpus") }
  var index: URL { root.appendingPathComponent("index") }
  let truth: [[String: Any]]

  init(docs: Int, seed: Int, nfd: Double) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-filter-\(UUID().uuidString)")
    try ProcessRunner.generateCorpus(out: root.appendingPathComponent("corpus"), docs: docs, seed: seed, nfd: nfd)
    let lines = try String(contentsOf: root.appendingPathComponent("corpus/truth.jsonl"), encoding: .utf8).split(
      separator: "\n")
    truth = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    let r = try CLI.run(["index", corpus.path, "--index", index.path, "--quiet"])
    try #require(r.status == 0, "index failed: \(r.stderr)")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// One per (docs, seed, nfd) for the whole test run, removed when the process exits.
  static func shared(docs: Int, seed: Int, nfd: Double) throws -> GeneratedWorkspace {
    lock.lock()
    defer { lock.unlock() }
    let key = "\(docs)-\(seed)-\(nfd)"
    if let w = cache[key] { return w }
    let w = try GeneratedWorkspace(docs: docs, seed: seed, nfd: nfd)
    if cache.isEmpty {
      atexit { GeneratedWorkspace.cache.values.forEach { try? FileManager.default.removeItem(at: $0.root) } }
    }
    cache[key] = w
    return w
  }
  nonisolated(unsafe) private static var cache: [String: GeneratedWorkspace] = [:]
  private static let lock = NSLock()

  /// gen_corpus.py is committed (Tests/VanbanTestSupport/Fixtures); it needs python3.
  static var available: Bool { ProcessRunner.hasPython3 }
}

struct FilterCheck: Sendable {
  var kind: String
  var value: String
  var args: [String]
  var want: Set<String>
}

@Suite(.serialized) struct FilterAccuracyTests {
  /// 300 keeps `make test` short; `scripts/filter-accuracy N` sets VANBAN_FILTER_DOCS=N and
  /// VANBAN_FILTER_ALL=1 (every value of every filter, not a sample).
  static let docs = ProcessInfo.processInfo.environment["VANBAN_FILTER_DOCS"].flatMap(Int.init) ?? 300
  static let everyValue = ProcessInfo.processInfo.environment["VANBAN_FILTER_ALL"] == "1"

  /// Every `n`-th of `values` so that about `count` remain (all when fewer).
  static func sample(_ values: [String], _ count: Int) -> [String] {
    guard values.count > count, !everyValue else { return values }
    let step = Double(values.count) / Double(count)
    return (0..<count).map { values[Int(Double($0) * step)] }
  }

  static func checks(_ w: GeneratedWorkspace) -> [FilterCheck] {
    let base = ["--index", w.index.path, "--format", "jsonl", "--fields", "id"]
    var out: [FilterCheck] = []
    func group(_ key: (([String: Any]) -> [String])) -> [String: Set<String>] {
      var g: [String: Set<String>] = [:]
      for t in w.truth {
        for v in key(t) { g[v, default: []].insert(t["id"] as? String ?? "") }
      }
      return g
    }
    let refs = group { $0["references"] as? [String] ?? [] }
    for v in sample(refs.keys.sorted(), 16) {
      out.append(.init(kind: "refs", value: v, args: ["refs", v, "--limit", "10000"] + base, want: refs[v]!))
    }
    for (kind, field, count) in [("agency", "issuer", 24), ("province", "province", 12), ("type", "type", 10)] {
      let g = group { [$0[field] as? String ?? ""] }
      for v in sample(g.keys.sorted(), count) {
        out.append(
          .init(
            kind: kind, value: v, args: ["search", "--\(kind)", v, "--no-facets", "--limit", "100000"] + base,
            want: g[v]!))
      }
    }
    for (lo, hi) in [("2020-01", "2020-03"), ("2021-06", "2021-06"), ("2022-03", "2022-08"), ("2023", "2023")] {
      let want = Set(
        w.truth.filter { t in
          let d = t["date"] as? String ?? ""
          return String(d.prefix(lo.count)) >= lo && String(d.prefix(hi.count)) <= hi
        }.compactMap { $0["id"] as? String })
      out.append(
        .init(
          kind: "since/until", value: "\(lo)..\(hi)",
          args: ["search", "--since", lo, "--until", hi, "--no-facets", "--limit", "100000"] + base, want: want))
    }
    return out
  }

  /// Runs the checks two at a time; per filter kind: (precision, recall, offenders).
  static func score(_ checks: [FilterCheck]) throws -> [String: (Double, Double, [String])] {
    nonisolated(unsafe) var got = [Set<String>?](repeating: nil, count: checks.count)  // written under `lock`
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: checks.count) { i in
      guard let r = try? CLI.run(checks[i].args), r.status == 0 || r.status == 1 else { return }
      let ids = Set(
        r.stdout.split(separator: "\n").compactMap {
          (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        })
      lock.lock()
      got[i] = ids
      lock.unlock()
    }
    var out: [String: (tp: Int, fp: Int, fn: Int, bad: [String])] = [:]
    for (c, g) in zip(checks, got) {
      let ids = try #require(g, "\(c.args.joined(separator: " ")) failed")
      var s = out[c.kind] ?? (0, 0, 0, [])
      s.tp += ids.intersection(c.want).count
      s.fp += ids.subtracting(c.want).count
      s.fn += c.want.subtracting(ids).count
      if ids != c.want {
        s.bad.append("\(c.value) (+\(ids.subtracting(c.want).count) -\(c.want.subtracting(ids).count))")
      }
      out[c.kind] = s
    }
    return out.mapValues { s in
      (
        s.tp + s.fp == 0 ? 1 : Double(s.tp) / Double(s.tp + s.fp),
        s.tp + s.fn == 0 ? 1 : Double(s.tp) / Double(s.tp + s.fn), s.bad
      )
    }
  }

  func check(nfd: Double) throws {
    let w = try GeneratedWorkspace.shared(docs: Self.docs, seed: 1, nfd: nfd)
    let checks = Self.checks(w)
    let scores = try Self.score(checks)
    for kind in ["refs", "agency", "province", "type", "since/until"] {
      let (p, r, bad) = try #require(scores[kind])
      let values = checks.filter { $0.kind == kind }.count
      print(
        "filter accuracy (\(Self.docs) docs, nfd \(nfd)) \(kind), \(values) values: precision \(p) recall \(r) \(bad.prefix(5))"
      )
      #expect(r == 1.0, "\(kind) recall: \(bad)")
      #expect(p == 1.0, "\(kind) precision: \(bad)")
    }
  }

  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func filtersMatchTheTruthOnPlainText() throws { try check(nfd: 0) }

  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func filtersMatchTheTruthWithDecomposedFiles() throws { try check(nfd: 0.2) }

  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func statsCountsAgreeWithTheTruthAndAddUp() throws {
    let w = try GeneratedWorkspace.shared(docs: FilterAccuracyTests.docs, seed: 1, nfd: 0)
    let r = try CLI.run(["stats", "--index", w.index.path, "--format", "json", "--top", "1000"])
    #expect(r.status == 0)
    #expect(r.json["documents"] as? Int == Self.docs)
    let facets = r.json["facets"] as? [String: [[String: Any]]] ?? [:]
    let totals = r.json["totals"] as? [String: [String: Int]] ?? [:]
    func counts(_ k: String) -> [String: Int] {
      Dictionary(
        uniqueKeysWithValues: (facets[k] ?? []).compactMap { c in
          (c["value"] as? String).map { ($0, c["count"] as? Int ?? 0) }
        })
    }
    func truth(_ f: ([String: Any]) -> String) -> [String: Int] {
      w.truth.reduce(into: [:]) { $0[f($1), default: 0] += 1 }
    }
    #expect(counts("type") == truth { $0["type"] as? String ?? "" })
    #expect(counts("province") == truth { $0["province"] as? String ?? "" })
    #expect(counts("year") == truth { String(($0["date"] as? String ?? "").prefix(4)) })
    // Issuer names agree except the steering boards, whose header says "Ban Chỉ đạo công tác …".
    let issuers = counts("issuer").mapKeys {
      $0.replacingOccurrences(of: "Ban Chỉ đạo công tác ", with: "Ban Chỉ đạo ")
    }
    #expect(issuers == truth { $0["issuer"] as? String ?? "" })
    // Sums add up to the documents that have a value, and the totals say how many values there are.
    for k in ["issuer", "type", "province", "year"] {
      #expect(counts(k).values.reduce(0, +) == totals[k]?["documents"], "\(k)")
      #expect(counts(k).count == totals[k]?["values"], "\(k)")
    }
    // Most cited: the truth's citing-document counts.
    let cited = w.truth.reduce(into: [String: Int]()) { acc, t in
      for n in Set(t["references"] as? [String] ?? []) { acc[n, default: 0] += 1 }
    }
    for m in (r.json["most_cited"] as? [[String: Any]] ?? []).prefix(10) {
      let n = m["number"] as? String ?? ""
      #expect(m["documents"] as? Int == cited[n], "\(n)")
    }
    // The text form says what a cut list leaves out.
    let text = try CLI.run(["stats", "--index", w.index.path, "--top", "3"])
    #expect(
      text.stdout.contains(
        "by province (top 3 of \(totals["province"]?["values"] ?? -1) values; \(Self.docs) of \(Self.docs) documents have one)"
      ))
  }
}

extension Dictionary where Value == Int {
  func mapKeys(_ f: (Key) -> Key) -> [Key: Int] { reduce(into: [:]) { $0[f($1.key), default: 0] += $1.value } }
}

/// `total` is exact for small counts (or a page that reaches past them), otherwise an estimate,
/// and said to be one; facets count every matching file exactly.
@Suite struct TotalCountTests {
  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func estimatesAreLabelledAndFacetsCountExactly() throws {
    let w = try GeneratedWorkspace.shared(docs: FilterAccuracyTests.docs, seed: 1, nfd: 0)
    let base = ["--index", w.index.path, "--limit", "1"]
    // Every generated dispatch has "ủy ban" (the issuer or the recipients): > 100 matches.
    let files = try CLI.run(
      ["search", "ủy", "ban", "--format", "json", "--all-copies", "--limit", "1000"] + base.prefix(2))
    #expect(files.json["totalExact"] as? Bool == true)
    let counted = try CLI.run(["search", "ủy", "ban", "--format", "json", "--facets"] + base)
    let types = (counted.json["facets"] as? [String: Any])?["type"] as? [[String: Any]] ?? []
    #expect(types.compactMap { $0["count"] as? Int }.reduce(0, +) == files.json["total"] as? Int)
    let all =
      try CLI.run(["search", "ủy", "ban", "--format", "json", "--limit", "1000"] + base.prefix(2)).json["total"]
      as? Int ?? 0
    #expect(all > 100)
    let estimated = try CLI.run(["search", "ủy", "ban", "--format", "json"] + base)
    let exact = estimated.json["totalExact"] as? Bool
    #expect(exact != nil)
    if exact == true { #expect(estimated.json["total"] as? Int == all) }
    let text = try CLI.run(["search", "ủy", "ban"] + base)
    #expect(text.stdout.contains("of about ") == (exact == false), "\(text.stdout.suffix(80))")
    // A small count is exact without --facets.
    let few = try CLI.run(["search", "ủy", "ban", "--format", "json", "--limit", "1000", "--index", w.index.path])
    #expect(few.json["totalExact"] as? Bool == true && few.json["total"] as? Int == all)
  }
}
