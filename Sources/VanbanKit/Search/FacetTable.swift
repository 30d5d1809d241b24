// Facet counts from a table held in memory, for a long-lived reader (the server).
//
// Counting a search's facets with Xapian's value count spies reads four values of every match,
// and each read looks up the value chunk holding that docid: 31 ms for the 43,098 matches of
// `tiêm vắc` on gen-100k, 53 ms for the 7,677 of `đến cực` at a million documents, where the
// match alone takes 4–6 ms (issue K). Lucene keeps a field's values per document in memory for
// sorting and faceting (field data; Elasticsearch's doc values work the same way); here the
// four facet slots are read once per index state, one pass over each slot's value stream, into
// a number per document. Counting then reads only the matches' docids: 5 and 4 ms for those two.
//
// Building costs 30–40 ms at 100,000 documents and about 0.45 s at a million: paid once per
// commit by the server, in the background, and never by a one-off CLI search, which counts with
// the spies as before. The counts are the spies' to the document, ties ordered as Xapian orders
// them, so which path counted never shows.

import Xapian

/// The facet values of every document of one index state, as numbers into each facet's list of
/// distinct values.
public final class FacetTable: Sendable {
  /// The index state it was read at (`Searcher.stateKey`): it answers only a searcher there.
  public let state: String
  /// Each facet's distinct values, in `Facets.fields` order.
  let values: [[String]]
  /// For each shard, each facet's numbers: `codes[shard][facet][docid]` is 1 + the index of the
  /// document's value in `values[facet]`, 0 for none. By shard because Xapian hands a match spy
  /// a shard's own docid, not the combined one (1.4: `ValueStreamDocument`), so each shard's
  /// matches are counted on their own.
  let codes: [[[UInt32]]]

  /// Highest docid count a table is read for, over all shards: four 4-byte numbers per docid,
  /// so at most 128 MB. Past it (more than eight million documents, or docids that ran that
  /// high) facets are counted by the spies.
  public static let maxDocumentIDs = 8_000_000

  init(state: String, values: [[String]], codes: [[[UInt32]]]) {
    self.state = state
    self.values = values
    self.codes = codes
  }

  /// Memory the numbers take, in bytes.
  public var byteCount: Int {
    codes.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count * MemoryLayout<UInt32>.stride } }
  }

  /// Adds the values of the documents `docids` of shard `shard` to `counts` (one array per
  /// facet, indexed by value number).
  func count(_ docids: [UInt32], shard: Int, into counts: inout [[Int]]) {
    guard shard < codes.count else { return }
    for (facet, column) in codes[shard].enumerated() where facet < counts.count {
      column.withUnsafeBufferPointer { codes in
        counts[facet].withUnsafeMutableBufferPointer { counted in
          // Every docid of the table's state is in it and every number names a value: checked
          // anyway, for the price of a comparison, rather than trusted with the server's life.
          for id in docids where Int(id) < codes.count {
            let value = Int(codes[Int(id)])
            if value < counted.count { counted[value] += 1 }
          }
        }
      }
    }
  }

  /// Counts of zero for every value of every facet, to `count` into.
  func emptyCounts() -> [[Int]] { values.map { [Int](repeating: 0, count: $0.count + 1) } }

  /// Each facet's `keep` most frequent values in `counts`, most frequent first and equal counts
  /// in byte order of the value, as Xapian's `ValueCountMatchSpy::top_values` orders them.
  func facets(_ counts: [[Int]], keep: Int) -> Facets {
    var facets = Facets()
    for (field, (names, counted)) in zip(Facets.fields, zip(values, counts)) {
      let held = counted.indices.dropFirst().filter { counted[$0] > 0 }.map {
        Facets.Count(value: names[$0 - 1], count: counted[$0])
      }
      facets[keyPath: field.path] = Array(
        held.sorted {
          $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
        }
        .prefix(keep))
    }
    return facets
  }
}

extension Searcher {
  /// Reads the facet table of the state this searcher is at; nil where it cannot be kept: a
  /// remote shard (no state to tie it to, and Xapian cannot run vanban's spy there) or more
  /// docids than `FacetTable.maxDocumentIDs`.
  public func makeFacetTable() throws -> FacetTable? {
    try retrying {
      guard let state = stateKey() else { return nil }
      let ends = try shards.map { Int(try $0.lastDocumentID()) + 1 }
      guard ends.reduce(0, +) <= FacetTable.maxDocumentIDs else { return nil }
      // One open database reads one commit, whatever a writer does meanwhile, so these values
      // are the state's (a writer moving on twice fails the read, and `retrying` reopens and
      // starts again, state included).
      var values: [[String]] = []
      var codes = [[[UInt32]]](repeating: [], count: shards.count)
      for field in Facets.fields {
        // Each shard numbers its own values: renumber them into one list for the facet. By their
        // bytes, as Xapian tells values apart: as Strings, two spellings of one text (NFC, NFD)
        // are equal, and would become one number where the spies count two values.
        var names: [String] = []
        var numbers: [[UInt8]: UInt32] = [:]
        for (i, shard) in shards.enumerated() {
          let (local, distinct) = try shard.valueCodes(slot: field.slot.rawValue, end: ends[i])
          let renumbered: [UInt32] =
            [0]
            + distinct.map { bytes in
              if let n = numbers[bytes] { return n }
              names.append(String(decoding: bytes, as: UTF8.self))
              numbers[bytes] = UInt32(names.count)
              return UInt32(names.count)
            }
          // The first shard's numbers are the list's first ones, in the same order.
          codes[i].append(i == 0 ? local : local.map { renumbered[Int($0)] })
        }
        values.append(names)
      }
      return FacetTable(state: state, values: values, codes: codes)
    }
  }

  /// `query`'s matches counted by facet from `table`, and how many were counted: shard by shard,
  /// each match's docid recorded by vanban's spy and looked up in the table.
  func countFacets(_ query: Query, table: FacetTable) throws -> (facets: Facets, seen: Int) {
    var counts = table.emptyCounts()
    var seen = 0
    for (i, shard) in shards.enumerated() {
      let spy = DocumentIDMatchSpy()
      let matching = try Enquire(database: shard)
      try matching.setQuery(query)
      try matching.setDocumentIDOrder(.ascending)
      try matching.add(spy)
      _ = try matching.matches(offset: 0, limit: 0, checkAtLeast: try shard.documentCount())
      let ids = try spy.documentIDs()
      table.count(ids, shard: i, into: &counts)
      seen += ids.count
    }
    return (table.facets(counts, keep: Self.facetValuesCounted), seen)
  }
}
