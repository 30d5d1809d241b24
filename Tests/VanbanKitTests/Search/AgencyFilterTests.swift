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

  /// `--issuer` is the name's `XA` term alone; a name too long for a term, its words exactly in a
  /// name of that kind.
  @Test func theWholeNameIsItsTerm() throws {
    #expect(
      try AgencyFilter("UBND tỉnh Lai Châu").wholeNameQuery().description == "Query(XAuy ban nhan dan tinh lai chau)")
    #expect(try AgencyFilter("  ").wholeNameQuery().description == "Query()")
    let long = Array(repeating: "Ban", count: 60).joined(separator: " ")
    let q = try AgencyFilter(long).wholeNameQuery().description
    #expect(q == "Query((XA FILTER VALUE_RANGE 1 \(long) \(long)))", "\(q)")
  }

  /// A name too long for a term is the stored name: not the longer names holding its words.
  @Test func aLongNameIsNotFoundInsideLongerOnes() throws {
    let folder = try TemporaryDirectory()
    // A joint circular's header, one ministry after another over several lines.
    let joint = """
      BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI -
      BỘ GIÁO DỤC VÀ ĐÀO TẠO - BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN -
      BỘ KẾ HOẠCH VÀ ĐẦU TƯ - BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG -
      BỘ GIAO THÔNG VẬN TẢI - BỘ THÔNG TIN VÀ TRUYỀN THÔNG -
      BỘ KHOA HỌC VÀ CÔNG NGHỆ - BỘ XÂY DỰNG
      """
    for (i, issuer) in [joint, joint, joint + " -\nBỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BỘ NỘI VỤ -\n" + joint]
      .enumerated()
    {
      try """
      \(issuer)

      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc

      Số: \(11 + i)/TTLT-BTC

      Hà Nội, ngày 03 tháng 10 năm 2022

      THÔNG TƯ LIÊN TỊCH
      Hướng dẫn kiểm kê kho
      """.write(toFile: folder.sub("tt\(i).txt"), atomically: true, encoding: .utf8)
    }
    let index = try TemporaryDirectory()
    _ = try Indexer(indexPath: index.path).run(IndexOptions(roots: [folder.path]))
    let searcher = try Searcher(indexes: [index.path])
    var all = SearchRequest(text: "kiểm kê kho")
    all.facets = true
    let issuers = try #require(try searcher.search(all).facets?.issuer)
    #expect(issuers.count == 3, "\(issuers)")
    for c in issuers {
      #expect(IndexSchema.issuerNameTerm(Analyzer.agencyWords(c.value).map(\.folded)) == IndexSchema.issuerName)
      var one = all
      one.filters.issuer = [c.value]
      one.facets = false
      one.allCopies = true
      #expect(try searcher.search(one).total == c.count, "\(c.value)")
    }
  }

  /// The spellings of one name are one facet value, the one counted most, with the sum of the
  /// counts; other names and names too long for a term are kept apart.
  @Test func aNamesSpellingsAreOneFacetValue() {
    let long = Array(repeating: "ban", count: 60).joined(separator: " ")
    let merged = Searcher.mergingIssuerSpellings([
      .init(value: "Bộ Lao động - Thương binh và Xã hội", count: 4), .init(value: "Quốc hội", count: 4),
      .init(value: "Văn phòng Quốc hội", count: 3), .init(value: long, count: 2), .init(value: long + " x", count: 2),
      .init(value: "Bộ Lao động, Thương binh và Xã hội", count: 1), .init(value: "QUỐC HỘI", count: 1),
    ])
    #expect(
      merged.map { "\($0.value) \($0.count)" } == [
        "Bộ Lao động - Thương binh và Xã hội 5", "Quốc hội 5", "Văn phòng Quốc hội 3", "\(long) 2", "\(long) x 2",
      ])
  }

  /// Over the whole corpus, each issuer the facet counts finds by `--issuer` as many documents as
  /// it was counted for.
  @Test func eachIssuerCountedFindsItsCount() throws {
    let (_, index) = try Self.index.get()
    let searcher = try Searcher(indexes: [index.path])
    var all = SearchRequest(text: "")
    all.filters.year = ["1000..2999"]
    all.facets = true
    all.limit = 0
    let issuers = try #require(try searcher.search(all).facets?.issuer)
    #expect(issuers.count == Searcher.facetValues)
    for c in issuers {
      var one = all
      one.filters.issuer = [c.value]
      one.facets = false
      var compiler = searcher.queryCompiler(for: one)
      let compiled = try compiler.compile(nil, filters: one.filters)
      let enquire = try Enquire(database: searcher.db)
      try enquire.setQuery(compiled.query)
      #expect(try enquire.matches(offset: 0, limit: 1_000, checkAtLeast: 1_000).count == c.count, "\(c.value)")
    }
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
