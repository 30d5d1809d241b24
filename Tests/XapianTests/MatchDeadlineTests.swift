import Foundation
import Testing
import Xapian

/// `MatchDeadline` and `Query(until:)`: a match filtered by a deadline stops there, with what it has.
@Suite struct MatchDeadlineTests {
  /// `count` documents holding `all`; every third also holds `third`.
  static func database(at path: String, count: Int) throws -> WritableDatabase {
    let w = try WritableDatabase(path: path)
    for i in 0..<count {
      let doc = Document()
      try doc.addTerm("all")
      if i % 3 == 0 { try doc.addTerm("third") }
      _ = try w.addDocument(doc)
    }
    try w.commit()
    return w
  }

  static func matches(_ db: Database, _ query: Query, limit: Int = 100_000) throws -> MatchSet {
    let e = try Enquire(database: db)
    try e.setQuery(query)
    return try e.matches(offset: 0, limit: limit, checkAtLeast: limit)
  }

  /// A deadline not reached changes nothing: the same documents, with the same weights.
  @Test func aDeadlineNotReachedChangesNothing() throws {
    let dir = try TemporaryDirectory()
    let db = try Self.database(at: dir.path, count: 3_000).readView()
    let deadline = try MatchDeadline(seconds: 600)
    let query = try Query(.or, [try Query(term: "all"), try Query(term: "third")])
    let plain = try Self.matches(db, query, limit: 20)
    let bounded = try Self.matches(db, try Query(.filter, [query, try Query(until: deadline)]), limit: 20)
    #expect(plain.map(\.docid) == bounded.map(\.docid))
    #expect(plain.map(\.weight) == bounded.map(\.weight))
    #expect(try Self.matches(db, try Query(.filter, [query, try Query(until: deadline)])).count == 3_000)
    #expect(!deadline.stoppedAMatch)
  }

  /// A deadline already passed ends the match at its first document, in every shard, and in every
  /// enquire that shares it.
  @Test func aPassedDeadlineEndsTheMatchAtOnce() throws {
    let a = try TemporaryDirectory()
    let b = try TemporaryDirectory()
    let db = Database()
    try db.add(try Self.database(at: a.path, count: 500).readView())
    try db.add(try Self.database(at: b.path, count: 500).readView())
    let deadline = try MatchDeadline(seconds: 0)
    let bounded = try Query(.filter, [try Query(term: "all"), try Query(until: deadline)])
    #expect(try Self.matches(db, bounded).count == 0)
    #expect(deadline.stoppedAMatch)
    let again = try Query(.filter, [try Query(term: "third"), try Query(until: deadline)])
    #expect(try Self.matches(db, again).count == 0)
    // Without it, the same database has every document.
    #expect(try Self.matches(db, try Query(term: "all")).count == 1_000)
  }

  /// A deadline passing during a match stops it there: fewer documents than all were read.
  @Test func aDeadlinePassingMidMatchStopsIt() throws {
    let dir = try TemporaryDirectory()
    let db = try Self.database(at: dir.path, count: 60_000).readView()
    let query = try Query(.or, [try Query(term: "all"), try Query(term: "third")])
    _ = try Self.matches(db, query)  // warm: the timed pass reads from the page cache too
    let start = DispatchTime.now().uptimeNanoseconds
    #expect(try Self.matches(db, query).count == 60_000)
    let full = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    // A twentieth of what the whole match took: it cannot finish in time.
    let deadline = try MatchDeadline(seconds: full / 20)
    let partial = try Self.matches(db, try Query(.filter, [query, try Query(until: deadline)]))
    #expect(deadline.stoppedAMatch)
    #expect(partial.count < 60_000, "the whole match took \(full) s")
  }

  @Test func aDeadlineMustBeSecondsFromNow() {
    for bad in [-1.0, -.infinity, .infinity, .nan] {
      #expect { try MatchDeadline(seconds: bad) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    }
  }
}
