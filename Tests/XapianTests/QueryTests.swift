// QueryTests.swift - hand-built queries and the combinations Xapian rejects.
import Testing
import Xapian

@Suite struct QueryTests {
  @Test func descriptionsAndEmptiness() throws {
    let phrase = try Query(.phrase, [Query(term: "a", position: 1), Query(term: "b", position: 2)])
    #expect(phrase.description == "Query((a@1 PHRASE 2 b@2))")
    #expect(!phrase.isEmpty)
    #expect(Query.matchNothing.isEmpty)
    #expect(!Query.matchAll.isEmpty)
    #expect(Query(valueRange: 3, from: "a", to: "b").description == "Query(VALUE_RANGE 3 a b)")
    #expect(try Query(.or, []).isEmpty)
  }

  @Test func scalingByANegativeFactorThrows() throws {
    #expect(try !Query(scaling: Query(term: "a"), by: 2).isEmpty)
    #expect {
      try Query(scaling: Query(term: "a"), by: -1)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    #expect(throws: XapianError.self) { try Query(.near, [Query(term: "a")], parameter: -1) }
  }

  /// A fixed weight filtered by a boolean term: those documents get exactly that weight, whatever
  /// their length or wdf, and the source is owned by the query (no handle to free).
  @Test func fixedWeightFilteredByATermGivesThatWeight() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let boost = try Query(.filter, [try Query(fixedWeight: 2.5), try Query(term: "XAbtc")])
    let enquire = try Enquire(database: db)
    try enquire.setQuery(try Query(.andMaybe, [try Query(term: "ve"), boost]))
    let page = try enquire.matches(offset: 0, limit: 10)
    #expect(try Fixture.ids(page).prefix(2).sorted() == ["1", "2"])
    let plain = try Enquire(database: db)
    try plain.setQuery(try Query(term: "ve"))
    let plainPage = try plain.matches(offset: 0, limit: 10)
    let base = Dictionary(uniqueKeysWithValues: zip(try Fixture.ids(plainPage), plainPage.map(\.weight)))
    for (id, m) in zip(try Fixture.ids(page), page) {
      let expected = (base[id] ?? 0) + (["1", "2"].contains(id) ? 2.5 : 0)
      #expect(abs(m.weight - expected) < 1e-9, "\(id): \(m.weight) vs \(expected)")
    }
    for bad in [-1.0, .infinity, .nan] {
      #expect { try Query(fixedWeight: bad) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    }
  }

  /// A docid sample is a random 1/m of the documents: the m residues split them with no overlap,
  /// each near 1/m, and filtering a query by one and scaling its count estimates the total.
  @Test func docidSamplePartitionsTheDocuments() throws {
    let dir = try TemporaryDirectory()
    let w = try WritableDatabase(path: dir.path)
    for i in 0..<4_000 {
      let doc = Document()
      try doc.addTerm("all")
      if i % 4 == 0 { try doc.addTerm("quarter") }
      _ = try w.addDocument(doc)
    }
    try w.commit()
    let db = try w.readView()
    func count(_ q: Query) throws -> Int {
      let e = try Enquire(database: db)
      try e.setQuery(q)
      let m = try e.matches(offset: 0, limit: 10_000, checkAtLeast: 10_000)
      return m.count
    }
    #expect(try count(try Query(.filter, [try Query(term: "all"), try Query(docidSample: 1)])) == 4_000)
    var total = 0
    for r in 0..<8 {
      let n = try count(try Query(.filter, [try Query(term: "all"), try Query(docidSample: 8, residue: UInt32(r))]))
      #expect(abs(n - 500) < 100, "residue \(r): \(n)")
      total += n
    }
    #expect(total == 4_000)
    // Every 4th document holds `quarter`: a hashed sample is not fooled by the period.
    let quarter = try count(try Query(.filter, [try Query(term: "quarter"), try Query(docidSample: 4)]))
    #expect(abs(quarter * 4 - 1_000) < 200, "\(quarter)")
    #expect { try Query(docidSample: 0) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    #expect { try Query(docidSample: 2, run: 0) } throws: { ($0 as? XapianError)?.code == .invalidArgument }

    // In runs of 16: the residues still partition the documents, each a whole number of runs.
    var inRuns = 0
    for r in 0..<8 {
      let e = try Enquire(database: db)
      try e.setQuery(
        try Query(.filter, [try Query(term: "all"), try Query(docidSample: 8, residue: UInt32(r), run: 16)]))
      try e.setDocumentIDOrder(.ascending)
      let m = try e.matches(offset: 0, limit: 10_000, checkAtLeast: 10_000)
      let ids = (0..<m.count).map { m[$0].docid }
      #expect(abs(ids.count - 500) < 200, "residue \(r): \(ids.count)")
      // Each run of 16 docids is taken whole or not at all.
      #expect(Set(ids.map { ($0 - 1) / 16 }).count * 16 == ids.count, "residue \(r)")
      inRuns += ids.count
    }
    #expect(inRuns == 4_000)
  }

  /// Collapsing leaves Xapian's upper bound above the count (500 matches, 200 keys);
  /// `uncollapsedLowerBound` below the `checkAtLeast` asked for says every match was examined,
  /// so `lowerBound` is exact.
  @Test func uncollapsedLowerBoundSaysEveryMatchWasSeen() throws {
    let dir = try TemporaryDirectory()
    let w = try WritableDatabase(path: dir.path)
    for i in 0..<3_000 {
      let doc = Document()
      if i % 2 == 0 { try doc.addTerm("a") }
      if i % 3 == 0 { try doc.addTerm("b") }
      try doc.setValue(5, String(i % 400))
      _ = try w.addDocument(doc)
    }
    try w.commit()
    let e = try Enquire(database: try w.readView())
    try e.setQuery(try Query(.and, [try Query(term: "a"), try Query(term: "b")]))  // 500 documents
    try e.setCollapseKey(5)
    let few = try e.matches(offset: 0, limit: 1, checkAtLeast: 100)
    #expect(few.uncollapsedLowerBound >= 100)
    let all = try e.matches(offset: 0, limit: 1, checkAtLeast: 1_001)
    #expect(all.uncollapsedLowerBound < 1_001, "\(all.uncollapsedLowerBound)")
    #expect(all.lowerBound == 200 && all.upperBound > 200, "\(all.lowerBound) \(all.upperBound)")
  }

  @Test(arguments: [-1, Int(UInt32.max) + 1])
  func termWithAnOutOfRangeWqfThrows(wqf: Int) throws {
    #expect {
      try Query(term: "a", wqf: wqf)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
  }

  @Test(arguments: [-1, Int(UInt32.max) + 1])
  func wildcardWithAnOutOfRangeExpansionThrows(maxExpansion: Int) throws {
    #expect {
      try Query(wildcard: "th", maxExpansion: maxExpansion)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
  }

  @Test func termAndWildcardAtTheirLimits() throws {
    #expect(try Query(term: "a", wqf: 0).description == "Query(a#0)")
    #expect(try Query(term: "a", wqf: 3, position: 2).description == "Query(a#3@2)")
    #expect(try !Query(term: "a", wqf: Int(UInt32.max)).isEmpty)
    #expect(try Query(wildcard: "th", maxExpansion: 0).description == "Query(WILDCARD SYNONYM th)")
    #expect(try !Query(wildcard: "th", maxExpansion: Int(UInt32.max)).isEmpty)
  }

  @Test func termsWithNulBytesSurvive() throws {
    let dir = try TemporaryDirectory()
    let writer = try WritableDatabase(path: dir.path)
    let doc = Document()
    try doc.addTerm("a\0b")
    try doc.setData(Array("{\"id\":\"nul\"}".utf8))
    try writer.addDocument(doc)
    #expect(try writer.termExists("a\0b"))
    #expect(try !writer.termExists("a"))
    #expect(try search(writer.readView(), Query(term: "a\0b")) == ["nul"])
  }

  @Test func batchRejectsEmptyTermsAndLeavesDocumentAlone() throws {
    let doc = Document()
    var batch = TermBatch()
    batch.append("ok", position: 1)
    batch.append("")
    #expect(batch.count == 2)
    #expect {
      try doc.addTerms(batch)
    } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    #expect(try doc.terms().isEmpty)
    batch.removeAll()
    #expect(batch.isEmpty)
    batch.append("ok", position: 4)
    batch.append("ok", position: 9)
    try doc.addTerms(batch)
    #expect(try doc.terms().map(\.wdf) == [2])
  }
}
