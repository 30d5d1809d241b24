// ClosingOrderTests.swift - every order of closing and releasing handles: no handle freed twice,
// none used after its database is closed without a thrown XapianError. Run under AddressSanitizer:
//   swift test --scratch-path .build-asan --sanitize=address --filter 'CXapianTests|XapianTests'
import Foundation
import Testing
import Xapian

@Suite struct ClosingOrderTests {
  /// Parents released first: children keep what they need alive and still answer.
  @Test func childrenOutliveTheirSwiftParents() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path).close()
    var db: Database? = try Database(path: dir.path)
    var enquire: Enquire? = try Enquire(database: db!)
    let spy = ValueCountMatchSpy(slot: Fixture.agencySlot)
    try enquire!.add(spy)
    var query: Query? = try Query(.or, [Query(term: "thue"), Query(term: "dinh")])
    try enquire!.setQuery(query!)
    query = nil
    db = nil
    var page: MatchSet? = try enquire!.matches(offset: 0, limit: 10, checkAtLeast: 10)
    enquire = nil
    let doc = try page!.document(at: 0)
    page = nil
    #expect(!(try doc.data()).isEmpty)
    #expect(!(try doc.terms()).isEmpty)
    #expect(try spy.total() == 4)
  }

  /// A writer released before its read view, an Enquire on it, and a document read from it:
  /// they keep the writer (and its lock) alive and still answer; the lock goes with the last one.
  @Test func writerReleasedBeforeItsViews() throws {
    let dir = try TemporaryDirectory()
    var writer: WritableDatabase? = try Fixture.build(at: dir.path)
    var view: Database? = try writer!.readView()
    var enquire: Enquire? = try Enquire(database: writer!)
    try enquire!.setQuery(Query(term: "thue"))
    var doc: Document? = try writer!.document(try #require(try writer!.postings("Q1").first))
    writer = nil
    #expect(try view!.documentCount() == 4)
    #expect(try enquire!.matches(offset: 0, limit: 10).count == 2)
    #expect(!(try doc!.data()).isEmpty)
    #expect(throws: XapianError.self) { try WritableDatabase(path: dir.path, mode: .open) }
    view = nil
    enquire = nil
    doc = nil
    let reopened = try WritableDatabase(path: dir.path, mode: .open)
    #expect(try reopened.documentCount() == 4)
  }

  /// Closing twice, in any order, with children alive, and releasing afterwards.
  @Test(arguments: [0, 1, 2, 3])
  func closeInEveryOrder(order: Int) throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.commit()
    let reader = try Database(path: dir.path)
    let combined = Database()
    try combined.add(reader)
    let view = try writer.readView()
    let e1 = try Enquire(database: combined)
    try e1.setQuery(Query(term: "dinh"))
    let page = try e1.matches(offset: 0, limit: 10)
    let closers: [() throws -> Void] = [
      { try writer.close() }, { try reader.close() }, { try combined.close() }, { try view.close() },
    ]
    for i in 0..<closers.count { try closers[(i + order) % closers.count]() }
    for c in closers { try c() }  // a second close is a no-op
    #expect(throws: XapianError.self) { try reader.documentCount() }
    #expect(throws: XapianError.self) { try combined.documentCount() }
    #expect(throws: XapianError.self) { try e1.matches(offset: 0, limit: 10) }
    #expect(throws: XapianError.self) { try page.document(at: 0).data() }
    #expect(throws: XapianError.self) { try writer.commit() }
    #expect(throws: XapianError.self) { try reader.allTerms(prefix: "") }
    #expect(throws: XapianError.self) { try reader.metadata("k") }
  }

  /// One shard of a combined database closed: the combination fails with a status, and the
  /// other shard still answers on its own.
  @Test func closingOneShardOfACombination() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.sub("a"), Fixture.corpus[0..<2]).close()
    try Fixture.build(at: dir.sub("b"), Fixture.corpus[2..<4]).close()
    let a = try Database(path: dir.sub("a")), b = try Database(path: dir.sub("b"))
    let both = Database()
    try both.add(a)
    try both.add(b)
    #expect(try both.documentCount() == 4)
    try a.close()
    let e = try Enquire(database: both)
    try e.setQuery(Query(term: "dinh"))
    #expect(throws: XapianError.self) { try e.matches(offset: 0, limit: 10) }
    #expect(try b.documentCount() == 2)
  }

  /// A query parser whose database is closed: Xapian 1.4 expands wildcards when matching, so
  /// parsing still works and the search over the closed database throws.
  @Test func queryParserOverAClosedDatabase() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path).close()
    let db = try Database(path: dir.path)
    let parser = QueryParser()
    try parser.setDatabase(db)
    #expect(try !parser.parse("thue", flags: [.default, .wildcard]).isEmpty)
    try db.close()
    let wildcard = try parser.parse("th*", flags: [.default, .wildcard])
    #expect(throws: XapianError.self) {
      let e = try Enquire(database: db)
      try e.setQuery(wildcard)
      _ = try e.matches(offset: 0, limit: 10)
    }
    #expect(try !parser.parse("thue").isEmpty)
  }

  /// Many handles released in a shuffled order, over and over (ASan checks every free).
  @Test func shuffledReleases() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path).close()
    var rng = SeededRandom(environmentOr: 50)
    for round in 0..<50 {
      var objects: [AnyObject] = []
      let db = try Database(path: dir.path)
      objects.append(db)
      let e = try Enquire(database: db)
      try e.setQuery(Query(term: "dinh"))
      objects.append(e)
      let page = try e.matches(offset: 0, limit: 10)
      objects.append(page)
      objects.append(try page.document(at: 0))
      if round % 2 == 0 { try db.close() }
      objects.shuffle(using: &rng)
      while !objects.isEmpty { objects.removeLast() }
    }
  }
}
