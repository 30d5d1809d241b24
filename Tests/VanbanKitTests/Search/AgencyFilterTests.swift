// `--agency` reads the index's issuer names (`XA` terms) instead of a PHRASE over the words of
// every name; it must match exactly the documents the PHRASE matches.
import Foundation
import Testing
import VanbanTestSupport
import Xapian

@testable import VanbanKit

@Suite(.serialized) struct AgencyFilterTests {
  /// 300 generated dispatches: People's Committees, Party committees, departments and steering
  /// committees of many provinces.
  static let index: Result<(TemporaryDirectory, TemporaryDirectory), Error> = Result {
    let docs = try TemporaryDirectory()
    try ProcessRunner.generateCorpus(out: docs.url, docs: 300, seed: 5)
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [docs.path]))
    return (docs, index)
  }

  @Test func theWordsInOrderWithinTheirCountPlusSix() {
    let name = "uy ban nhan dan tinh lai chau".utf8
    #expect(AgencyFilter("UBND tỉnh Lai Châu").matches(name))
    #expect(AgencyFilter("ubnd lai chau").matches(name), "a gap")
    #expect(AgencyFilter("Ủy ban nhân dân tỉnh Lai Châu").matches(name))
    #expect(!AgencyFilter("Tỉnh ủy Lai Châu").matches(name), "never reordered")
    #expect(!AgencyFilter("lai chau uy ban").matches(name))
    #expect(!AgencyFilter("UBND tỉnh Lai Châu mới").matches(name), "every word")
    #expect(!AgencyFilter("ban ban").matches(name), "a word twice needs two places")
    // Two words span at most 8: `a … h` does, `a … i` does not.
    let letters = "a b c d e f g h i".utf8
    #expect(AgencyFilter("a h").matches(letters))
    #expect(!AgencyFilter("a i").matches(letters))
    // The shortest span from each start counts, not the first one found.
    #expect(AgencyFilter("a z").matches("a b c d e f g h i a z".utf8))
    // Split and compared as bytes, as Xapian holds terms: a word starting with a combining mark
    // is a word of its own, not part of the space before it.
    #expect(AgencyFilter("a b").matches("a \u{20DD}x b".utf8))
  }

  @Test func aNameTooLongForATermIsCheckedWordByWord() throws {
    let long = Array(repeating: "ban", count: 60)
    #expect(IndexSchema.issuerNameTerm(long) == IndexSchema.issuerName)
    #expect(IndexSchema.issuerNameTerm(["so", "y", "te"]) == "XAso y te")
    let q = try AgencyFilter("Sở Y tế").query(names: ["XA", "XAso y te", "XAso tu phap"])
    #expect(q.description == "Query((((Aso PHRASE 9 Ay PHRASE 9 Ate) FILTER XA) OR XAso y te))")
    #expect(try AgencyFilter("Sở Tư pháp tỉnh X").query(names: ["XAso tu phap"]).description == "Query()")
  }

  /// Every issuer of the corpus, and shorter, reordered and gapped forms of it, match the same
  /// documents by their names as by the PHRASE.
  @Test func theNamesMatchWhatThePhraseMatches() throws {
    let (_, index) = try Self.index.get()
    let searcher = try Searcher(indexes: [index.path])
    let names = try searcher.db.allTerms(prefix: IndexSchema.issuerName).map(\.term)
    #expect(names.count > 20, "the corpus has many issuers")
    var values = Set<String>()
    for term in names {
      let w = term.dropFirst(IndexSchema.issuerName.count).split(separator: " ").map(String.init)
      values.insert(w.joined(separator: " "))
      values.insert(w.filter { $0 != "tinh" }.joined(separator: " "))
      values.insert(w.suffix(2).joined(separator: " "))
      values.insert([w.first!, w.last!].joined(separator: " "))
      if w.count > 2 { values.insert(([w[1], w[0]] + w.dropFirst(2)).joined(separator: " ")) }
    }
    func matches(_ q: Query) throws -> Set<UInt32> {
      let enquire = try Enquire(database: searcher.db)
      try enquire.setQuery(q)
      return Set(try enquire.matches(offset: 0, limit: 1_000, checkAtLeast: 1_000).map(\.docid))
    }
    var nonEmpty = 0
    for v in values.sorted() {
      let filter = AgencyFilter(v)
      let byNames = try filter.query(names: names)
      if filter.words.count > 1 { #expect(!byNames.description.contains("PHRASE"), "\(v): \(byNames)") }
      let want = try matches(try filter.query(names: nil))
      #expect(try matches(byNames) == want, "\(v)")
      if !want.isEmpty { nonEmpty += 1 }
    }
    #expect(nonEmpty > values.count / 2)
    // And through a search.
    var request = SearchRequest(text: "")
    request.filters.agency = ["ubnd lai chau"]
    var compiler = searcher.queryCompiler(for: request)
    let compiled = try compiler.compile(nil, filters: request.filters)
    #expect(compiled.query.description.contains("XA"), "\(compiled.query)")
  }
}
