// vanban-bench: in-process query latency for scripts/bench, and metadata extraction speed.
//
//   vanban-bench --index DIR [--index DIR2 ...] --queries FILE.json [--repeat N] [--all-copies]
//   vanban-bench extract DIR [DIR ...] [--rounds N] [--out FILE.tsv]
//   vanban-bench letter-tables   (regenerates Sources/VanbanKit/Text/VietnameseLetterTables.swift)
//
// FILE.json is {"kinds": [{"kind": "topic", "queries": [QUERY, ...]}, ...]} where QUERY is
// {"text": "...", "any": false, "exact": false, "facets": false, "limit": 10, "sort": "relevance",
//  "agency": [...], "reference": [...], "province": [...], "type": [...], "year": [...],
//  "since": "2022-01", "until": "2022-06", "referenceDate": "2022"} (every key optional).
//
// The index is opened once. Each kind's list is run once to warm up, then `repeat` times timed,
// one sample per query per pass. Prints one JSON object: p50/p99/mean/max in milliseconds per
// kind, and how many queries found nothing (a list that finds nothing measures nothing).
// `--all-copies` turns copy collapsing off, to measure what it costs. `--facet-table` also times
// each kind counting facets with the table `vanban serve` reads (FacetTable), as `KIND-table`.

import Foundation
@_spi(Tools) import VanbanKit

struct Query: Decodable {
  var text: String?
  var any: Bool?
  var exact: Bool?
  var facets: Bool?
  var limit: Int?
  var sort: String?
  var agency: [String]?
  var reference: [String]?
  var province: [String]?
  var type: [String]?
  var company: [String]?
  var year: [String]?
  var since: String?
  var until: String?
  var referenceDate: String?

  func request() throws -> SearchRequest {
    var r = SearchRequest(text: text ?? "")
    r.any = any ?? false
    r.exact = exact ?? false
    r.facets = facets ?? false
    r.limit = limit ?? 10
    if let s = sort {
      guard let o = ResultOrder(rawValue: s) else { throw BenchError("bad sort `\(s)`") }
      r.sort = o
    }
    r.filters.agency = agency ?? []
    r.filters.reference = reference ?? []
    r.filters.province = province ?? []
    r.filters.type = type ?? []
    r.filters.company = company ?? []
    r.filters.year = year ?? []
    if let s = since {
      guard let d = PartialDate(parsing: s) else { throw BenchError("bad date `\(s)`") }
      r.filters.since = d
    }
    if let s = until {
      guard let d = PartialDate(parsing: s) else { throw BenchError("bad date `\(s)`") }
      r.filters.until = d
    }
    r.filters.referenceDate = referenceDate
    return r
  }
}

struct QueryFile: Decodable {
  struct Kind: Decodable {
    var kind: String
    var queries: [Query]
  }
  var kinds: [Kind]
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Nearest-rank percentile of sorted samples.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
  guard !sorted.isEmpty else { return 0 }
  let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
  return sorted[min(max(rank, 1), sorted.count) - 1]
}

func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// `vanban-bench extract`: the time of `MetadataExtractor.extract(from:)` alone (texts read and
/// normalised beforehand), best of `rounds`, per folder of .txt files; with `--out`, a fingerprint of
/// every result (path, then the metadata as sorted-key JSON), so that a speed-up can be checked to
/// change nothing: run before and after, then `cmp` the two files. For example:
///   python3 ../shared/tools/gen_corpus.py --out /tmp/gen-3k --docs 3000 --seed 1
///   swift build -c release --product vanban-bench
///   .build/release/vanban-bench extract /tmp/gen-3k /tmp/vn-legal --out /tmp/extract.tsv
func extractBench(_ arguments: ArraySlice<String>) throws {
  var dirs: [String] = []
  var rounds = 5
  var outPath: String?
  var args = arguments
  while let a = args.popFirst() {
    switch a {
    case "--rounds": rounds = max(1, Int(args.popFirst() ?? "") ?? 5)
    case "--out": outPath = args.popFirst()
    case "-h", "--help":
      print("usage: vanban-bench extract DIR [DIR ...] [--rounds N] [--out FILE.tsv]")
      return
    default:
      if a.hasPrefix("-") { throw BenchError("unknown argument `\(a)`") }
      dirs.append(a)
    }
  }
  guard !dirs.isEmpty else { throw BenchError("extract: at least one folder of .txt files is required") }
  var fingerprint = ""
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let extractor = MetadataExtractor()
  for dir in dirs {
    let root = URL(fileURLWithPath: dir)
    let files =
      (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
      .filter { $0.pathExtension == "txt" }.map(\.path).sorted()
    if files.isEmpty { throw BenchError("extract: no .txt file under \(dir)") }
    let texts = try files.map {
      TextNormalizer.normalize(String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self))
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    var best = Double.infinity
    var times: [Double] = []
    var results: [DocumentMetadata] = []
    for _ in 0..<rounds {
      var out: [DocumentMetadata] = []
      out.reserveCapacity(texts.count)
      let t0 = now()
      for t in texts { out.append(extractor.extract(from: t)) }
      let t = Double(now() - t0) / 1e9
      best = min(best, t)
      times.append(t)
      results = out
    }
    for (f, m) in zip(files, results) {
      fingerprint +=
        String(f.dropFirst(root.path.count)) + "\t" + String(decoding: try encoder.encode(m), as: UTF8.self) + "\n"
    }
    print(
      String(
        format:
          "extract %@: %d docs, %.1f MB, best of %d: %.1f ms total (median %.1f), %.1f ms per 1000 docs, %.1f MB/s",
        dir, texts.count, Double(bytes) / 1e6, rounds, best * 1000, times.sorted()[times.count / 2] * 1000,
        best * 1e6 / Double(texts.count), Double(bytes) / 1e6 / best))
  }
  if let outPath { try fingerprint.write(toFile: outPath, atomically: true, encoding: .utf8) }
}

/// `--paired`: each stdin line is a query's text, searched as `GET /api/search?q=LINE` searches it;
/// two figures are printed on a line of their own as soon as it is done: the search's milliseconds,
/// and those of the search and its JSON (what the server also does for a request).
func pairedSearches(_ searcher: Searcher, timeLimit: Double?) throws {
  var json = PrintOptions()
  json.format = .json
  while let line = readLine() {
    var request = try SearchRequest(parameters: [("q", line)])
    request.facets = false
    request.timeLimit = timeLimit
    let t = now()
    let result = try searcher.search(request)
    let searched = now()
    _ = try HitPrinter.render(result, json)
    let rendered = now()
    FileHandle.standardOutput.write(
      Data(String(format: "%.3f %.3f\n", Double(searched - t) / 1e6, Double(rendered - t) / 1e6).utf8))
  }
}

func main() throws {
  if CommandLine.arguments.dropFirst().first == "extract" {
    return try extractBench(CommandLine.arguments.dropFirst(2))
  }
  if CommandLine.arguments.dropFirst().first == "letter-tables" {
    return print(LetterTableSource.swift(), terminator: "")
  }
  var indexes: [String] = []
  var queriesPath: String?
  var repeatCount = 3
  var allCopies = false
  // Time the JSON the CLI and the server print, too: what a request costs beyond the search.
  var render = false
  // One search per line of stdin, its time printed at once: scripts/serve-load alternates these
  // with the same requests to `vanban serve`, so both are timed on the same machine at the same
  // moment (run to run, this machine's in-process p50 moves by a third).
  var paired = false
  // Also time the kinds that count facets with the facet table the server reads after each
  // commit (FacetTable), as `KIND-table`: what a page costs in `vanban serve`, where the plain
  // kind is what `vanban search --facets` costs.
  var facetTable = false
  // Each search with this time limit (SearchRequest.timeLimit), as `vanban serve` runs them.
  var timeLimit: Double?
  var args = CommandLine.arguments.dropFirst()
  while let a = args.popFirst() {
    switch a {
    case "--index": if let v = args.popFirst() { indexes.append(v) }
    case "--queries": queriesPath = args.popFirst()
    case "--repeat": repeatCount = max(1, Int(args.popFirst() ?? "") ?? 3)
    case "--all-copies": allCopies = true
    case "--render": render = true
    case "--paired": paired = true
    case "--facet-table": facetTable = true
    case "--time-limit":
      guard let v = args.popFirst(), let t = Double(v) else { throw BenchError("--time-limit takes seconds") }
      timeLimit = t
    case "-h", "--help":
      print(
        "usage: vanban-bench --index DIR --queries FILE.json [--repeat N] [--all-copies] [--render] [--facet-table] [--time-limit S]"
      )
      print("       vanban-bench --index DIR --paired   (a query per stdin line; prints its ms)")
      print("       vanban-bench extract DIR [DIR ...] [--rounds N] [--out FILE.tsv]")
      print("       vanban-bench letter-tables   (the Swift source of VietnameseLetterTables)")
      return
    default: throw BenchError("unknown argument `\(a)`")
    }
  }
  if paired {
    guard !indexes.isEmpty else { throw BenchError("--index is required") }
    return try pairedSearches(try Searcher(indexes: indexes), timeLimit: timeLimit)
  }
  guard let queriesPath, !indexes.isEmpty else { throw BenchError("--index and --queries are required") }
  let file = try JSONDecoder().decode(QueryFile.self, from: Data(contentsOf: URL(fileURLWithPath: queriesPath)))

  var jsonOptions = PrintOptions()
  jsonOptions.format = .json
  let t0 = now()
  let searcher = try Searcher(indexes: indexes)
  let documents = try searcher.documentCount()
  let openMs = Double(now() - t0) / 1e6

  var table: FacetTable?
  var tableMs = 0.0
  if facetTable {
    let t = now()
    table = try searcher.makeFacetTable()
    tableMs = Double(now() - t) / 1e6
    if table == nil { throw BenchError("no facet table for this index (remote, or too many documents)") }
  }

  var runs: [(name: String, queries: [Query], table: FacetTable?)] = []
  for kind in file.kinds {
    runs.append((kind.kind, kind.queries, nil))
    if let table, kind.queries.contains(where: { $0.facets == true }) {
      runs.append((kind.kind + "-table", kind.queries, table))
    }
  }
  var kinds: [[String: Any]] = []
  for run in runs {
    searcher.facetTable = run.table
    let requests = try run.queries.map { q in
      var r = try q.request()
      r.allCopies = allCopies
      r.timeLimit = timeLimit
      return r
    }
    var zero = 0
    var totals = 0
    for r in requests {  // warm-up pass, also counts what the queries find
      let result = try searcher.search(r)
      if result.total == 0 { zero += 1 }
      totals += result.total
    }
    var samples: [Double] = []
    samples.reserveCapacity(requests.count * repeatCount)
    for _ in 0..<repeatCount {
      for r in requests {
        let t = now()
        let result = try searcher.search(r)
        if render { _ = try HitPrinter.render(result, jsonOptions) }
        samples.append(Double(now() - t) / 1e6)
        if result.hits.count > r.limit { throw BenchError("more hits than the limit") }
        if result.timedOut { throw BenchError("a search ran out of its time limit: `\(r.text)`") }
      }
    }
    samples.sort()
    let mean = samples.isEmpty ? 0 : samples.reduce(0, +) / Double(samples.count)
    kinds.append([
      "kind": run.name,
      "queries": requests.count,
      "samples": samples.count,
      "p50_ms": round3(percentile(samples, 50)),
      "p99_ms": round3(percentile(samples, 99)),
      "mean_ms": round3(mean),
      "max_ms": round3(samples.last ?? 0),
      "zero_hits": zero,
      "mean_total": requests.isEmpty ? 0 : totals / requests.count,
    ])
  }
  var out: [String: Any] = [
    "indexes": indexes, "documents": documents, "open_ms": round3(openMs), "repeat": repeatCount, "kinds": kinds,
  ]
  if let table {
    out["facet_table_ms"] = round3(tableMs)
    out["facet_table_mb"] = round3(Double(table.byteCount) / 1e6)
  }
  let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
  FileHandle.standardOutput.write(data)
  FileHandle.standardOutput.write(Data("\n".utf8))
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("vanban-bench: \(error)\n".utf8))
  exit(2)
}
