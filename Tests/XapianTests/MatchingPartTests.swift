import Foundation
import Testing
import Xapian

/// `Query(matchingPartOf:)`: the same matches without the parts that only weigh.
@Suite struct MatchingPartTests {
  /// 600 documents of words at positions: every one holds `w`; "a b c" in a row in every 4th,
  /// the same words apart in every other 5th, `x` in every 3rd and `y` in every 7th.
  static func database(at path: String) throws -> Database {
    let w = try WritableDatabase(path: path)
    for i in 0..<600 {
      let doc = Document()
      try doc.addPosting("w", position: 1)
      if i % 4 == 0 {
        for (p, t) in ["a", "b", "c"].enumerated() { try doc.addPosting(t, position: UInt32(p + 2)) }
      } else if i % 5 == 0 {
        for (p, t) in ["a", "b", "c"].enumerated() { try doc.addPosting(t, position: UInt32(3 * p + 2)) }
      }
      if i % 3 == 0 { try doc.addTerm("x") }
      if i % 7 == 0 { try doc.addTerm("y") }
      _ = try w.addDocument(doc)
    }
    try w.commit()
    return try w.readView()
  }

  static func docids(_ db: Database, _ query: Query) throws -> [UInt32] {
    let e = try Enquire(database: db)
    try e.setQuery(query)
    return try e.matches(offset: 0, limit: 1_000, checkAtLeast: 1_000).map(\.docid).sorted()
  }

  static func term(_ t: String) throws -> Query { try Query(term: t) }

  /// Queries whose weighing parts are nested in every operator the counting passes see.
  static func queries() throws -> [Query] {
    let phrase = try Query(.phrase, [term("a"), term("b"), term("c")])
    let boosted = try Query(.andMaybe, [phrase, try Query(scaling: term("x"), by: 2)])
    return [
      boosted,
      try Query(scaling: boosted, by: 0),
      try Query(.filter, [boosted, try Query(.or, [term("x"), term("y")])]),
      try Query(.or, [try Query(scaling: boosted, by: 3), try Query(.and, [term("x"), term("y")])]),
      try Query(.andNot, [try Query(.andMaybe, [term("w"), term("a")]), try Query(scaling: term("x"), by: 0)]),
      try Query(.xor, [try Query(.andMaybe, [term("x"), term("y")]), term("y")]),
      try Query(.near, [term("a"), term("c")], parameter: 4),
    ]
  }

  /// Every query matches the same documents as its matching part, which holds no AND_MAYBE and
  /// no weight scaling.
  @Test func theSameDocumentsMatch() throws {
    let dir = try TemporaryDirectory()
    let db = try Self.database(at: dir.path)
    for query in try Self.queries() {
      let part = try Query(matchingPartOf: query)
      #expect(try Self.docids(db, part) == Self.docids(db, query), "\(query.description)")
      #expect(!part.description.contains("AND_MAYBE"), "\(part.description)")
      #expect(!part.description.contains(" * "), "\(part.description)")
    }
    // Sanity: the phrase is not the words anywhere (every 5th holds them apart).
    let phrase = try Query(.phrase, [Self.term("a"), Self.term("b"), Self.term("c")])
    #expect(try Self.docids(db, phrase).count == 150)
    #expect(try Self.docids(db, try Query(.and, [Self.term("a"), Self.term("b"), Self.term("c")])).count == 240)
  }

  /// A query with nothing to drop comes back as it was.
  @Test func aQueryWithNothingToDropIsKept() throws {
    let plain = try Query(.filter, [try Query(.phrase, [Self.term("a"), Self.term("b")]), Self.term("x")])
    #expect(try Query(matchingPartOf: plain).description == plain.description)
    #expect(try Query(matchingPartOf: Query.matchNothing).isEmpty)
  }

  /// Counted within a docid sample, the matching part finds what the whole query does.
  @Test func aSampleCountsTheSame() throws {
    let dir = try TemporaryDirectory()
    let db = try Self.database(at: dir.path)
    for query in try Self.queries() {
      for modulus: UInt32 in [2, 3, 7] {
        let sample = try Query(docidSample: modulus)
        let whole = try Query(.filter, [try Query(scaling: query, by: 0), sample])
        let part = try Query(.filter, [sample, try Query(matchingPartOf: query)])
        #expect(try Self.docids(db, part) == Self.docids(db, whole), "\(query.description) / \(modulus)")
      }
    }
  }
}
