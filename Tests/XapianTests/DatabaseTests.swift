// DatabaseTests.swift - indexing, reading back, searching, and the life of a
// database across commits, shards, compaction and close.
import Foundation
import Testing
import Xapian

@Suite struct DatabaseTests {
  @Test func batchTermsCarryPositionsAndWdf() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    #expect(try writer.documentCount() == 4)
    let id = try #require(try writer.postings("Q2").first)
    let terms = try writer.document(id).terms()
    #expect(terms.first { $0.term == "thue" }?.wdf == 1)
    #expect(terms.contains { $0.term == "Q2" && $0.wdf == 0 })
    #expect(try writer.postings("thue").count == 2)
    #expect(try writer.termExists("nhap"))
    #expect(try !writer.termExists("khong"))
  }

  @Test func dataAndValuesRoundTrip() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let id = try #require(try db.postings("Q3").first)
    let doc = try db.document(id)
    #expect(doc.id == id)
    #expect(try doc.value(Fixture.yearSlot) == "2021")
    #expect(try doc.value(Fixture.agencySlot) == "BGTVT")
    #expect(String(decoding: try doc.data(), as: UTF8.self).contains("giao thong"))
    let binary: [UInt8] = [0, 1, 0, 255]
    let fresh = Document()
    try fresh.setData(binary)
    try fresh.setValue(7, bytes: binary)
    #expect(try fresh.data() == binary)
    #expect(try fresh.valueBytes(7) == binary)
  }

  @Test func phraseQueryNeedsAdjacentWords() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let phrase = try Query(.phrase, [Query(term: "nghi"), Query(term: "dinh")])
    #expect(try Set(search(db, phrase)) == ["1", "3"])
    let both = try Query(.and, [Query(term: "nghi"), Query(term: "dinh")])
    #expect(try Set(search(db, both)) == ["1", "3", "4"])
  }

  @Test func valueRangeAndSortByValue() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    #expect(try Set(search(db, Query(valueRange: Fixture.yearSlot, from: "2020", to: "2020"))) == ["2", "4"])
    #expect(try Set(search(db, Query(valueAtLeast: Fixture.yearSlot, "2021"))) == ["3"])
    #expect(try Set(search(db, Query(valueAtMost: Fixture.yearSlot, "2019"))) == ["1"])
    let newestFirst = try search(db, .matchAll) { try $0.setSortByValue(Fixture.yearSlot, reverse: true) }
    #expect(newestFirst.first == "3")
    #expect(newestFirst.last == "1")
    let oldestFirst = try search(db, .matchAll) { try $0.setSortByValueThenRelevance(Fixture.yearSlot, reverse: false) }
    #expect(oldestFirst.first == "1")
  }

  @Test func matchSpyCountsEveryMatchNotJustThePage() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let enquire = try Enquire(database: db)
    try enquire.setQuery(.matchAll)
    let spy = ValueCountMatchSpy(slot: Fixture.agencySlot)
    try enquire.add(spy)
    let page = try enquire.matches(offset: 0, limit: 1, checkAtLeast: db.documentCount())
    #expect(page.count == 1)
    #expect(page.estimatedTotal == 4)
    #expect(try spy.total() == 4)
    let top = try spy.topValues(10)
    #expect(top.map(\.count) == [2, 2])
    #expect(Set(top.map(\.value)) == ["BTC", "BGTVT"])
  }

  /// The docid spy sees every match, as the value count spy does, and the value codes of a slot
  /// give each document's value: together they count what the value count spy counts. Over
  /// shards searched as one, Xapian hands a spy each shard's own docid.
  @Test func docidSpyAndValueCodesCountWhatTheValueSpyCounts() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let enquire = try Enquire(database: db)
    try enquire.setQuery(Query(term: "dinh"))
    try enquire.setDocumentIDOrder(.ascending)
    let ids = DocumentIDMatchSpy()
    let counts = ValueCountMatchSpy(slot: Fixture.yearSlot)
    try enquire.add(ids)
    try enquire.add(counts)
    _ = try enquire.matches(offset: 0, limit: 1, checkAtLeast: db.documentCount())
    let seen = try ids.documentIDs()
    #expect(seen == [1, 3, 4])

    let end = Int(try db.lastDocumentID()) + 1
    let (codes, bytes) = try db.valueCodes(slot: Fixture.yearSlot, end: end)
    let years = bytes.map { String(decoding: $0, as: UTF8.self) }
    #expect(codes.count == 5 && codes[0] == 0)
    #expect(years == ["2019", "2020", "2021"], "numbered in docid order")
    let yearOf = { (id: UInt32) in years[Int(codes[Int(id)]) - 1] }
    #expect((1...4).map { yearOf(UInt32($0)) } == ["2019", "2020", "2021", "2020"])
    var counted: [String: Int] = [:]
    for id in seen { counted[yearOf(id), default: 0] += 1 }
    let spied = try counts.topValues(10)
    #expect(counted == Dictionary(uniqueKeysWithValues: spied.map { ($0.value, $0.count) }))

    // A document past `end` is left out; none is asked for.
    #expect(try db.valueCodes(slot: Fixture.yearSlot, end: 2).codes == [0, 1])
    #expect(try db.valueCodes(slot: Fixture.yearSlot, end: 0).codes.isEmpty)
    #expect(try db.valueCodes(slot: 9, end: end).values.isEmpty, "an unused slot")
    #expect(throws: XapianError.self) { try db.valueCodes(slot: 0, end: -1) }

    // Two shards: the combined docids of the matches are 1 (a's 1), 2 and 4 (b's 1 and 2).
    try Fixture.build(at: dir.sub("a"), Fixture.corpus[0..<2])
    try Fixture.build(at: dir.sub("b"), Fixture.corpus[2..<4])
    let combined = Database()
    try combined.add(Database(path: dir.sub("a")))
    try combined.add(Database(path: dir.sub("b")))
    let overShards = try Enquire(database: combined)
    try overShards.setQuery(Query(term: "dinh"))
    try overShards.setDocumentIDOrder(.ascending)
    let local = DocumentIDMatchSpy()
    try overShards.add(local)
    _ = try overShards.matches(offset: 0, limit: 0, checkAtLeast: combined.documentCount())
    #expect(try local.documentIDs() == [1, 1, 2], "each shard's own docids")
  }

  @Test func matchSetIsARankedCollection() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    let db = try Database(path: dir.path)
    let enquire = try Enquire(database: db)
    try enquire.setQuery(Query(term: "thue"))
    try enquire.setBM25(k1: 1.2, b: 0.75)
    let page = try enquire.matches(offset: 0, limit: 10)
    #expect(page.count == 2)
    #expect(page.map(\.rank) == [0, 1])
    #expect(page[0].weight >= page[1].weight)
    #expect(page[0].percent == 100)
    #expect(page.lowerBound == 2 && page.upperBound == 2)
    let second = try enquire.matches(offset: 1, limit: 10)
    #expect(second.map(\.docid) == [page[1].docid])
    #expect(second[0].rank == 1)
    #expect(throws: XapianError.self) { try page.document(at: 5) }
  }

  @Test func replaceAndDeleteByUniqueTerm() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    let before = try #require(try writer.postings("Q1").first)
    let replaced = try writer.replaceDocument(
      uniqueTerm: "Q1", with: Fixture.document(id: "1", text: "van ban moi", year: "2024", agency: "VPCP"))
    #expect(replaced == before)
    #expect(try writer.documentCount() == 4)
    #expect(try writer.termExists("moi"))
    #expect(try writer.postings("thue").count == 1)
    try writer.deleteDocument(uniqueTerm: "Q2")
    try writer.deleteDocument(uniqueTerm: "Q-missing")
    #expect(try writer.documentCount() == 3)
    #expect(try writer.postings("thue").isEmpty)
    #expect(throws: XapianError.self) { try writer.deleteDocument(9_999) }
    try writer.commit()
    let db = try Database(path: dir.path)
    #expect(try search(db, Query(term: "moi")) == ["1"])
  }

  @Test func readerSeesOldStateUntilReopen() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    let reader = try Database(path: dir.path)
    try writer.deleteDocument(uniqueTerm: "Q4")
    try writer.commit()
    #expect(try reader.documentCount() == 4)
    #expect(try reader.reopen())
    #expect(try reader.documentCount() == 3)
    #expect(try !reader.reopen() || reader.documentCount() == 3)
  }

  /// A commit moves the revision on, and a reader sees it once it reopens (here through a
  /// combined database it is part of); a combination of two shards has no one revision.
  @Test func revisionGrowsWithEachCommitAndUUIDTellsDatabasesApart() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.sub("a"))
    let reader = try Database(path: dir.sub("a"))
    let before = try reader.revision()
    try writer.deleteDocument(uniqueTerm: "Q4")
    try writer.commit()
    #expect(try reader.revision() == before)
    let combined = Database()
    try combined.add(reader)
    #expect(try combined.reopen())
    #expect(try reader.revision() == before + 1)
    try Fixture.build(at: dir.sub("b"))
    let other = try Database(path: dir.sub("b"))
    #expect(try !reader.uuid().isEmpty && reader.uuid() != other.uuid())
    try combined.add(other)
    #expect(throws: XapianError.self) { try combined.revision() }
  }

  @Test func uncommittedChangesAreVisibleThroughReadView() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.addDocument(Fixture.document(id: "5", text: "chi thi moi", year: "2022", agency: "TTG"))
    #expect(try search(writer.readView(), Query(term: "chi")) == ["5"])
    let enquire = try Enquire(database: writer)
    try enquire.setQuery(Query(term: "moi"))
    #expect(try enquire.matches(offset: 0, limit: 10).count == 1)
    #expect(try Database(path: dir.path).documentCount() == 4)
  }

  @Test func transactionsCommitOrCancel() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.beginTransaction()
    try writer.deleteDocument(uniqueTerm: "Q1")
    try writer.cancelTransaction()
    #expect(try writer.documentCount() == 4)
    try writer.beginTransaction(flushed: true)
    try writer.deleteDocument(uniqueTerm: "Q1")
    try writer.commitTransaction()
    #expect(try Database(path: dir.path).documentCount() == 3)
    #expect {
      try writer.commitTransaction()
    } throws: { ($0 as? XapianError)?.code == .invalidOperation }
  }

  @Test func spellingsInOneBatchCountEachWord() throws {
    let dir = try TemporaryDirectory()
    let writer = try WritableDatabase(path: dir.path)
    var words = TermBatch()
    for w in ["tiêm", "chủng", "tiêm"] { words.append(w) }
    try writer.addSpellings(words)
    try writer.addSpellings(TermBatch())  // nothing to add is fine
    try writer.addSpelling("tiêu", frequencyIncrement: 1)
    try writer.commit()
    let db = try Database(path: dir.path)
    // "tiêm" was added twice, so it beats "tiêu" at the same distance.
    #expect(try db.spellingSuggestion(for: "tiêx") == "tiêm")
    #expect(try db.spellingSuggestion(for: "chủnh") == "chủng")
  }

  @Test func metadataSpellingAndAllTerms() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.setMetadata("schema", "3")
    try writer.addSpelling("thue", frequencyIncrement: 5)
    try writer.addSynonym("tt", "thong")
    try writer.commit()
    #expect(try writer.metadata("schema") == "3")
    let db = try Database(path: dir.path)
    #expect(try db.metadata("schema") == "3")
    #expect(try db.metadata("missing") == "")
    #expect(try db.spellingSuggestion(for: "thuee") == "thue")
    #expect(try db.spellingSuggestion(for: "zzzzzz") == "")
    let agencies = try db.allTerms(prefix: "XA")
    #expect(agencies.map(\.term) == ["XAbgtvt", "XAbtc"])
    #expect(agencies.map(\.frequency) == [2, 2])
    #expect(try writer.allTerms(prefix: "Q").count == 4)
    #expect(try db.termFrequency("dinh") == 3)
    #expect(try db.lastDocumentID() == 4)
  }

  @Test func metadataKeysByPrefix() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    try writer.setMetadata("k.b", "2")
    try writer.setMetadata("k.a", "1")
    try writer.setMetadata("other", "x")
    #expect(try writer.metadataKeys(prefix: "k.") == ["k.a", "k.b"])  // before the commit too
    try writer.commit()
    try writer.setMetadata("k.a", "")  // an empty value removes the key
    try writer.commit()
    #expect(try writer.metadataKeys(prefix: "k.") == ["k.b"])
    let db = try Database(path: dir.path)
    #expect(try db.metadataKeys(prefix: "k.") == ["k.b"])
    #expect(try db.metadataKeys(prefix: "none") == [])
    #expect(try db.metadataKeys(prefix: "").contains("other"))
  }

  @Test func shardsAreSearchedAsOne() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.sub("a"), Fixture.corpus[0..<2])
    try Fixture.build(at: dir.sub("b"), Fixture.corpus[2..<4])
    let combined = Database()
    try combined.add(Database(path: dir.sub("a")))
    try combined.add(Database(path: dir.sub("b")))
    #expect(try combined.documentCount() == 4)
    #expect(try Set(search(combined, Query(term: "dinh"))) == ["1", "3", "4"])

  }

  /// A stub can make Xapian run a program (`remote :PROG`): stubs are never opened.
  @Test func stubFilesAreNeverFollowed() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.sub("a"), Fixture.corpus[0..<2])
    let stub = dir.sub("all.stub")
    try "glass a\n".write(toFile: stub, atomically: true, encoding: .utf8)
    #expect(throws: XapianError.self) { try Database(path: stub) }
    let marker = dir.sub("ran")
    let folder = dir.sub("planted")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "remote :/bin/sh -c \"touch \(marker)\"\n".write(
      toFile: folder + "/XAPIANDB", atomically: true, encoding: .utf8)
    #expect(throws: XapianError.self) { try Database(path: folder) }
    #expect(throws: XapianError.self) { try Database(path: folder + "/XAPIANDB") }
    #expect(throws: XapianError.self) { try WritableDatabase(path: folder, mode: .open) }
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test(arguments: [false, true])
  func compactKeepsEveryDocument(singleFile: Bool) throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.sub("a"), Fixture.corpus[0..<2])
    try Fixture.build(at: dir.sub("b"), Fixture.corpus[2..<4])
    let combined = Database()
    try combined.add(Database(path: dir.sub("a")))
    try combined.add(Database(path: dir.sub("b")))
    try combined.compact(to: dir.sub("out"), singleFile: singleFile)
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: dir.sub("out"), isDirectory: &isDirectory))
    #expect(isDirectory.boolValue == !singleFile)
    let compacted = try Database(path: dir.sub("out"))
    #expect(try compacted.documentCount() == 4)
    #expect(try Set(search(compacted, Query(term: "dinh"))) == ["1", "3", "4"])
  }

  @Test func closedDatabaseThrowsAndChildrenStillFree() throws {
    let dir = try TemporaryDirectory()
    try Fixture.build(at: dir.path)
    var db: Database? = try Database(path: dir.path)
    var enquire: Enquire? = try Enquire(database: db!)
    try enquire!.setQuery(Query(term: "thue"))
    var page: MatchSet? = try enquire!.matches(offset: 0, limit: 10)
    try db!.close()
    try db!.close()
    #expect { try db!.documentCount() } throws: { ($0 as? XapianError)?.code == .databaseError }
    #expect(throws: XapianError.self) { try enquire!.matches(offset: 0, limit: 10) }
    // Documents load lazily, so the failure shows when the data is read.
    #expect(throws: XapianError.self) { try page!.document(at: 0).data() }
    #expect(page!.count == 2)
    db = nil
    enquire = nil
    page = nil
  }

  @Test func closedWriterReleasesLockAndThrows() throws {
    let dir = try TemporaryDirectory()
    let writer = try Fixture.build(at: dir.path)
    let view = try writer.readView()
    try writer.close()
    #expect { try writer.addDocument(Document()) } throws: { ($0 as? XapianError)?.code == .databaseError }
    #expect(throws: XapianError.self) { try view.documentCount() }
    let second = try WritableDatabase(path: dir.path, mode: .open)
    #expect(try second.documentCount() == 4)
  }
}
