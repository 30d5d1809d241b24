// What one search may cost is bounded however it is asked: the wildcards of a query share one
// budget of expanded terms, and a filter takes a bounded number of values (the server's page
// links each filter to a page without it, so its size grew with their square).
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite(.serialized) struct QueryBoundsTests {
  /// 48 notes, each with a word of its own starting with `ta` (`tabb`, `tabc`, …).
  static let index: Result<(TemporaryDirectory, TemporaryDirectory, Int), Error> = Result {
    let letters = Array("bcdghklm")
    let words = letters.flatMap { a in letters.map { b in "ta\(a)\(b)" } }.prefix(48)
    let docs = try TemporaryDirectory()
    for (i, w) in words.enumerated() {
      try "Ghi chú số \(i): \(w).\n".write(to: docs.appending("note-\(i).txt"), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    return (docs, index, words.count)
  }

  @Test func aQuerysWildcardsShareOneBudgetOfTerms() throws {
    let (_, index, words) = try Self.index.get()
    let searcher = try Searcher(indexes: [index.path])
    var one = SearchRequest(text: "ta*")
    one.limit = 100
    #expect(try searcher.search(one).total == words, "one wildcard expands to every word")
    // 64 wildcards (the most words a query keeps) share `maxWildcardTerms`: 250 / 64 = 3 each.
    var many = SearchRequest(text: Array(repeating: "ta*", count: 64).joined(separator: " OR "))
    many.limit = 100
    let perWildcard = QueryCompiler(exact: false, defaultAnd: true).maxWildcardTerms / 64
    #expect(try searcher.search(many).total == perWildcard)
    let node = try #require(try QueryLanguage.parse("a* (b* OR c) -d* \"e f\"", defaultAnd: true))
    #expect(QueryCompiler.wildcardCount(node) == 3)
  }

  /// 150 dispatches, each citing a number of its own under `01/2020/` (`01/2020/QĐ-UAB`, …).
  static let citing: Result<(TemporaryDirectory, TemporaryDirectory), Error> = Result {
    let docs = try TemporaryDirectory()
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for k in 0..<150 {
      let code = "U\(letters[k / 26])\(letters[k % 26])"
      try "CÔNG VĂN\nCăn cứ Quyết định số 01/2020/QĐ-\(code) ngày 01/01/2020 của UBND tỉnh.\n".write(
        to: docs.appending("cv-\(k).txt"), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    return (docs, index)
  }

  /// Number prefixes share `maxReferencePrefixTerms` across the whole query, in the text and in
  /// `--ref` alike: each `ref:01/` of the text took a budget of its own, and a hundred of them
  /// read a million posting lists (45 s on a planted file).
  @Test func aQuerysNumberPrefixesShareOneBudget() throws {
    let (_, index) = try Self.citing.get()
    let searcher = try Searcher(indexes: [index.path])
    var one = SearchRequest()
    one.filters.reference = ["01/2020/"]
    one.limit = 1000
    #expect(try searcher.search(one).total == 150, "one prefix expands to every number under it")
    let prefixes = 100
    let perPrefix = QueryCompiler.maxReferencePrefixTerms / prefixes
    var many = SearchRequest(text: Array(repeating: "ref:01/2020/", count: prefixes - 1).joined(separator: " OR "))
    many.filters.reference = ["01/2020/"]
    many.limit = 1000
    #expect(try searcher.search(many).total == perPrefix)
    let node = try #require(try QueryLanguage.parse("ref:79/2010/ OR (REF:585- -ref:16/CT-TTg) x*", defaultAnd: true))
    #expect(QueryCompiler.numberPrefixCount(node) == 2)
  }

  /// A hit lists at most `maxCitingLines` citing lines, with a note: each costs a scan around it,
  /// and a planted text citing `16/CT-TTg` on 95,000 lines took 30 s to list.
  @Test func aHitsCitingLinesAreBounded() throws {
    let docs = try TemporaryDirectory()
    let many =
      "CÔNG VĂN\n"
      + String(repeating: "Thực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022.\n", count: Searcher.maxCitingLines + 100)
    try many.write(to: docs.appending("many.txt"), atomically: true, encoding: .utf8)
    try "CÔNG VĂN\nThực hiện Chỉ thị số 16/CT-TTg ngày 20/9/2022.\nVà Chỉ thị số 16/CT-TTg.\n".write(
      to: docs.appending("two.txt"), atomically: true, encoding: .utf8)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    var request = SearchRequest()
    request.filters.reference = ["16/CT-TTg"]
    let result = try Searcher(indexes: [index.path]).search(request)
    let counts = Dictionary(uniqueKeysWithValues: result.hits.map { ($0.id, $0.citations?.count ?? 0) })
    #expect(counts == ["many": Searcher.maxCitingLines, "two": 2])
    #expect(result.notes.contains { $0.contains("first \(Searcher.maxCitingLines) citing lines") })
    let lines = result.hits.first { $0.id == "many" }!.citations!.map(\.line)
    #expect(lines == Array(2...(Searcher.maxCitingLines + 1)), "the first ones, in order")
  }

  @Test func aFilterTakesABoundedNumberOfValues() throws {
    let values = (0...Filters.maxValues).map { ("agency", "UBND huyện \($0)") }
    #expect(throws: Never.self) { try SearchRequest(parameters: Array(values.dropLast())) }
    #expect(throws: VanbanError.badArgument("agency takes at most \(Filters.maxValues) values")) {
      try SearchRequest(parameters: values)
    }
  }
}
