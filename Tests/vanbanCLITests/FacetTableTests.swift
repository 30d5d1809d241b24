// Issue K: the server counts facets from a table of every document's facet values (FacetTable)
// instead of reading four values per match. The counts must be the spies' to the document, on
// the exact path and the sampled one, and a table read at an earlier commit must not be used.

import Foundation
import Testing
import VanbanTestSupport
import Xapian

@testable import VanbanKit

@Suite struct FacetTableTests {
  static let queries = ["ủy ban", "dịch", "viet a", "công văn", "tiêm chủng", "sở y tế", "kinh phí"]

  /// Every facet, table or spies, for several queries, with copies collapsed or not, and with
  /// the bound lowered so the big results take the sampled path; on one shard, on two (a spy is
  /// handed a shard's own docids), and on two indexes searched as one.
  @Test(
    .enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"),
    arguments: ["one shard", "two shards", "two indexes"])
  func aTableCountsWhatTheSpiesCount(layout: String) throws {
    let w = try GeneratedWorkspace.shared(docs: FilterAccuracyTests.docs, seed: 1, nfd: 0)
    var indexes = [w.index.path]
    let folder = try TemporaryDirectory(prefix: "vanban-facet-table")
    if layout == "two shards" {
      indexes = [folder.sub("index")]
      let r = try CLI.run(["index", w.corpus.path, "--index", indexes[0], "--shards", "2", "--quiet"])
      try #require(r.status == 0, "\(r.stderr)")
    } else if layout == "two indexes" {
      _ = try Indexer(indexPath: folder.sub("seeds")).run(IndexOptions(roots: [TestPaths.corpus.path]))
      indexes.append(folder.sub("seeds"))
    }
    let spies = try Searcher(indexes: indexes)
    spies.readsFacetTableFile = false
    let tabled = try Searcher(indexes: indexes)
    let table = try #require(try tabled.makeFacetTable())
    tabled.facetTable = table
    #expect(table.codes.count == (layout == "one shard" ? 1 : 2))
    #expect(table.byteCount == 4 * 4 * (try tabled.shards.map { Int(try $0.lastDocumentID()) + 1 }.reduce(0, +)))
    var compared = 0
    for sampling in [FacetSampling(), FacetSampling(exactUpTo: 50, sampleMatches: 40, run: 4)] {
      spies.facetSampling = sampling
      tabled.facetSampling = sampling
      for text in Self.queries {
        for allCopies in [false, true] {
          var request = SearchRequest(text: text)
          request.facets = true
          request.allCopies = allCopies
          let a = try spies.search(request)
          let b = try tabled.search(request)
          #expect(a.facets == b.facets, "\(text), copies \(allCopies), exact up to \(sampling.exactUpTo)")
          #expect(a.facetsExact == b.facetsExact)
          if let f = a.facets, !f.type.isEmpty { compared += 1 }
        }
      }
    }
    #expect(compared >= 20, "facets compared on \(compared) searches")
  }

  /// The table is what counts when the searcher is at its state, and is ignored at any other.
  @Test(.enabled(if: GeneratedWorkspace.available, "python3 is needed to run gen_corpus.py"))
  func aTableCountsOnlyAtTheStateItWasReadAt() throws {
    let w = try GeneratedWorkspace.shared(docs: FilterAccuracyTests.docs, seed: 1, nfd: 0)
    let searcher = try Searcher(indexes: [w.index.path])
    searcher.readsFacetTableFile = false
    let table = try #require(try searcher.makeFacetTable())
    var request = SearchRequest(text: "dịch")
    request.facets = true
    let spied = try #require(try searcher.search(request).facets)
    // The same numbers with every type renamed: a count that shows the new names came from it.
    let renamed = table.values.enumerated().map { i, names in i == 1 ? names.map { "*" + $0 } : names }
    searcher.facetTable = FacetTable(state: table.state, values: renamed, codes: table.codes)
    let fromTable = try #require(try searcher.search(request).facets)
    #expect(!fromTable.type.isEmpty)
    #expect(fromTable.type.map(\.value) == spied.type.map { "*" + $0.value })
    #expect(fromTable.type.map(\.count) == spied.type.map(\.count))
    searcher.facetTable = FacetTable(state: table.state + " earlier", values: renamed, codes: table.codes)
    #expect(try searcher.search(request).facets == spied)
  }

  /// Xapian tells values apart by their bytes, and so must the table: two spellings of one
  /// province (NFC and NFD), equal as Swift Strings, are two values to the spies. (vanban writes
  /// NFC, but an index is data: merging them made the table's numbers run past its counts.)
  @Test func valuesAreToldApartByTheirBytes() throws {
    let folder = try TemporaryDirectory(prefix: "vanban-facet-table")
    let index = folder.sub("index")
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [TestPaths.corpus.path]))
    let shard = try #require(try IndexManifest.read(index)).shardFolders(in: index)[0]
    let writer = try WritableDatabase(path: shard)
    for province in ["Hà Nội", "Ha\u{300} Nội", "Zeta", "Hà Nội"] {
      let document = Document()
      try document.addTerm("zzprobe")
      try document.setValue(IndexSchema.Slot.province.rawValue, province)
      _ = try writer.addDocument(document)
    }
    try writer.commit()
    try writer.close()

    let searcher = try Searcher(indexes: [index])
    searcher.readsFacetTableFile = false
    let query = try Query(term: "zzprobe")
    let spied = try searcher.facets(for: query, total: 4).0
    #expect(spied.province.map(\.count) == [2, 1, 1], "\(spied.province)")
    searcher.facetTable = try searcher.makeFacetTable()
    #expect(try searcher.facets(for: query, total: 4).0 == spied)
  }

  /// A commit after the table was read: the reopened searcher counts the new document.
  @Test func aCommitAfterTheTableIsCounted() throws {
    let folder = try TemporaryDirectory(prefix: "vanban-facet-table")
    let docs = folder.sub("docs"), index = folder.sub("index")
    try FileManager.default.copyItem(atPath: TestPaths.corpus.path, toPath: docs)
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [docs]))
    let searcher = try Searcher(indexes: [index])
    searcher.readsFacetTableFile = false
    searcher.facetTable = try searcher.makeFacetTable()
    var request = SearchRequest(text: "dịch")
    request.facets = true
    let before = try #require(try searcher.search(request).facets?.type.first)

    try "CÔNG VĂN\nSố: 12/UBND-VX\nVề phòng chống dịch.".write(
      toFile: docs + "/011_them.txt", atomically: true, encoding: .utf8)
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [docs]))
    try searcher.reopen()
    #expect(searcher.facetTable?.state != searcher.stateKey())
    let after = try #require(try searcher.search(request).facets?.type.first)
    #expect(after.value == before.value)
    #expect(after.count == before.count + 1, "\(before) then \(after)")
  }

  // MARK: - The table file (FacetTableFile.swift)

  /// A facet search of the index's seeds and 40 more documents, and what the spies count for it.
  static func spied(_ index: String, _ request: SearchRequest) throws -> Facets? {
    let spies = try Searcher(indexes: [index])
    spies.readsFacetTableFile = false
    return try spies.search(request).facets
  }

  /// `vanban index` leaves the table of the state it committed; a one-off search counts from it
  /// (the same counts as the spies), and ignores it once the index has moved on without it.
  @Test func theIndexFolderKeepsTheTableOfItsState() throws {
    let folder = try TemporaryDirectory(prefix: "vanban-facet-file")
    let docs = folder.sub("docs"), index = folder.sub("index")
    try FileManager.default.copyItem(atPath: TestPaths.corpus.path, toPath: docs)
    for i in 0..<40 {
      try "UBND TỈNH \(["BẮC GIANG", "LAI CHÂU", "SƠN LA"][i % 3])\nSố: \(i)/UBND-VX\nV/v phòng chống dịch \(i)\n"
        .write(toFile: docs + "/d\(i).txt", atomically: true, encoding: .utf8)
    }
    let r = try CLI.run(["index", docs, "--index", index, "--quiet"])
    try #require(r.status == 0, "\(r.stderr)")
    let file = index + "/" + FacetTable.fileName
    #expect(FileManager.default.fileExists(atPath: file))
    #expect(!FileManager.default.fileExists(atPath: file + ".tmp"))

    let searcher = try Searcher(indexes: [index])
    let read = try #require(searcher.readFacetTableFile(), "the file is of the index's state")
    let made = try #require(try searcher.makeFacetTable())
    #expect(read.state == made.state)
    #expect(read.values == made.values)
    #expect(read.codes == made.codes)

    var request = SearchRequest(text: "dịch")
    request.facets = true
    let spied = try #require(try Self.spied(index, request))
    #expect(spied.province.count >= 3)
    #expect(try Searcher(indexes: [index]).search(request).facets == spied)
    // The counts came from the file: rewritten with every province renamed, they show the names.
    let renamed = made.values.enumerated().map { i, names in i == 2 ? names.map { "*" + $0 } : names }
    try Data(FacetTable(state: made.state, values: renamed, codes: made.codes).encoded()).write(
      to: URL(fileURLWithPath: file))
    let fromFile = try #require(try Searcher(indexes: [index]).search(request).facets)
    #expect(fromFile.province.map(\.value) == spied.province.map { "*" + $0.value })

    // A commit without a table (another program's, or a crash before the table): the file is of
    // an earlier state and is not used.
    let shard = try #require(try IndexManifest.read(index)).shardFolders(in: index)[0]
    let writer = try WritableDatabase(path: shard)
    _ = try writer.addDocument(Document())
    try writer.commit()
    try writer.close()
    #expect(try Searcher(indexes: [index]).readFacetTableFile() == nil)
    #expect(try Searcher(indexes: [index]).search(request).facets == spied)

    // The next `vanban index` writes the table of its own state again, and `vanban compact` too.
    try "UBND TỈNH SƠN LA\nSố: 99/UBND-VX\nV/v phòng chống dịch\n".write(
      toFile: docs + "/d99.txt", atomically: true, encoding: .utf8)
    #expect(try CLI.run(["index", docs, "--index", index, "--quiet"]).status == 0)
    #expect(try Searcher(indexes: [index]).readFacetTableFile() != nil)
    #expect(try CLI.run(["compact", "--index", index]).status == 0)
    let compacted = try Searcher(indexes: [index])
    #expect(compacted.readFacetTableFile()?.state == compacted.stateKey())
    // And a rebuild takes the folder with the file in it as vanban's own.
    let rebuilt = try CLI.run(["index", docs, "--index", index, "--rebuild", "--quiet"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(try Searcher(indexes: [index]).readFacetTableFile() != nil)
  }

  /// A damaged or hostile file is never a table: cut anywhere, or with bytes changed, it is read
  /// as none or as a table whose counts stay in bounds, and the search answers.
  @Test func aDamagedFileIsNotATable() throws {
    let folder = try TemporaryDirectory(prefix: "vanban-facet-file")
    let index = folder.sub("index")
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [TestPaths.corpus.path]))
    let file = index + "/" + FacetTable.fileName
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    let state = try #require(try Searcher(indexes: [index]).stateKey())
    for cut in stride(from: 0, to: good.count, by: max(1, good.count / 300)) {
      #expect(good.prefix(cut).withUnsafeBytes { FacetTable.decode($0, state: state) } == nil, "cut at \(cut)")
    }
    #expect((good + [0]).withUnsafeBytes { FacetTable.decode($0, state: state) } == nil, "a byte too many")
    var random = SeededRandom(seed: 7)
    var request = SearchRequest(text: "")
    request.filters.year = ["1000..2999"]
    request.facets = true
    for i in 0..<200 {
      var bytes = good
      for _ in 0..<(1 + i % 4) {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
      try Data(bytes).write(to: URL(fileURLWithPath: file))
      let result = try Searcher(indexes: [index]).search(request)
      #expect(result.total == 5)
    }
    // Made by hand to name the index's state (anyone who reads the index can), with other shards:
    // none, or columns that do not cover the docids. Never a table, and the search answers.
    let made = try #require(try Searcher(indexes: [index]).makeFacetTable())
    let shardsAt = FacetTable.magic.count + 4 + made.state.utf8.count
    let lastDocid = Int(good[shardsAt + 4]) | Int(good[shardsAt + 5]) << 8
    let noShards = FacetTable(state: made.state, values: made.values, codes: [])
    let short = FacetTable(
      state: made.state, values: made.values, codes: made.codes.map { $0.map { Array($0.dropLast()) } })
    let two = FacetTable(state: made.state, values: made.values, codes: made.codes + made.codes)
    for (name, table) in [("no shards", noShards), ("short columns", short), ("two shards", two)] {
      try Data(table.encoded()).write(to: URL(fileURLWithPath: file))
      #expect(try Searcher(indexes: [index]).readFacetTableFile() == nil, "\(name)")
      #expect(try Searcher(indexes: [index]).search(request).total == 5, "\(name)")
    }
    #expect(lastDocid == 6, "the seeds' docids end at 6")
  }

  /// Links planted at the table's names are never followed: a table behind a link is not read,
  /// and writing the next table neither writes through a link at the temporary name nor keeps
  /// the link at the file's own name.
  @Test func linksAtTheTablesNamesAreNotFollowed() throws {
    let folder = try TemporaryDirectory(prefix: "vanban-facet-file")
    let docs = folder.sub("docs"), index = folder.sub("index"), outside = folder.sub("outside")
    try FileManager.default.copyItem(atPath: TestPaths.corpus.path, toPath: docs)
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    _ = try Indexer(indexPath: index).run(IndexOptions(roots: [docs]))
    let file = index + "/" + FacetTable.fileName
    let made = try #require(try Searcher(indexes: [index]).makeFacetTable())
    // Outside: the same table with every province renamed, which would show if it were read.
    let renamed = made.values.enumerated().map { i, names in i == 2 ? names.map { "*" + $0 } : names }
    try Data(FacetTable(state: made.state, values: renamed, codes: made.codes).encoded()).write(
      to: URL(fileURLWithPath: outside + "/table.bin"))
    try FileManager.default.removeItem(atPath: file)
    try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: outside + "/table.bin")
    try "untouched".write(toFile: outside + "/target.txt", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: file + ".tmp", withDestinationPath: outside + "/target.txt")

    #expect(try Searcher(indexes: [index]).readFacetTableFile() == nil, "a table behind a link")
    var request = SearchRequest(text: "")
    request.filters.year = ["1000..2999"]
    request.facets = true
    let provinces = try #require(try Searcher(indexes: [index]).search(request).facets?.province)
    #expect(!provinces.isEmpty && !provinces.contains { $0.value.hasPrefix("*") })

    // `vanban index` refuses a folder holding links, as it refuses any entry it did not make.
    #expect(throws: VanbanError.self) { try Indexer(indexPath: index).run(IndexOptions(roots: [docs])) }
    // Should one be planted between that check and the write, the write goes around it.
    try Searcher(indexes: [index]).writeFacetTableFile(indexPath: index)
    #expect(try String(contentsOfFile: outside + "/target.txt", encoding: .utf8) == "untouched")
    #expect(IndexFolder.kind(file) == .file, "the link was replaced, not written through")
    #expect(IndexFolder.kind(file + ".tmp") == .other && IndexFolder.vanished(file + ".tmp"))
    #expect(try Searcher(indexes: [index]).readFacetTableFile() != nil)
  }
}
