// Facet counts: exact up to 10,000 matches, estimated from a random sample above. Counted from
// the facet table where a long-lived reader keeps one (FacetTable.swift) or the index folder holds
// one of this state (FacetTableFile.swift), else by Xapian's spies.
//
// Counting reads four value slots of every match it sees: on gen-100k a search matching 80,000
// files took 37 ms with the counters against 8 ms without (issue K). Like `total` (MatchTotal.swift),
// a big result is counted on a random sample of the documents (hashed docids) and scaled to the
// total, and the result says so (`facetsExact: false`, "≈" on the page), as Elasticsearch's
// sampler aggregation and Xapian's own check-at-least sampling do. A value held by a tenth of the
// matches is counted on about 500 sampled files, within a few percent; a value held by one match
// in fifty (a province among 63) on about 100, within 10 to 15%, so close values may swap places.

import Xapian

/// When facets are counted exactly and how big a sample is above that.
struct FacetSampling: Sendable {
  /// Facets over more matches than this are estimated.
  var exactUpTo = 10_000
  /// Matches a sample aims to hold.
  var sampleMatches = 5_000
  /// A sample takes docids in runs of this many: reading four values of every 10th docid visits
  /// every value chunk, as costly as reading them all. On gen-100k's topic searches (37 of 50
  /// sampled), runs of 16 took the sample from 9.7 to 7.9 ms (p50) for the same accuracy: the five
  /// leading values of each facet within 4.5% of the exact count (median), against 3.6%.
  var run: UInt32 = 16
}

extension Searcher {
  /// Values kept per facet.
  static let facetValues = 20
  /// Values counted per facet: more than are kept, so that the spellings of an issuer's name
  /// merged into one value (`mergingIssuerSpellings`) leave as many to show.
  static let facetValuesCounted = 2 * facetValues

  /// Counts `query`'s matching files (copies each counted) by facet, given the search's total.
  /// Exact when `total` (exact or estimated) is small enough; else counted on a sample and scaled to it.
  func facets(for query: Query, total: Int) throws -> (Facets, exact: Bool) {
    let unweighted = try Query(scaling: query, by: 0)
    if total <= facetSampling.exactUpTo {
      return (Self.shown(try countFacets(unweighted, matches: total).facets), true)
    }
    let modulus = max(2, min(total / max(1, facetSampling.sampleMatches), 1 << 24))
    // A sample cannot run on a remote shard (its server does not know it, and the match fails):
    // there every match is counted.
    guard let sample = try? Query(docidSample: UInt32(modulus), run: facetSampling.run),
      let filtered = try? Self.query(unweighted, within: sample),
      let (sampled, seen) = try? countFacets(filtered, matches: facetSampling.sampleMatches),
      // The total was itself sampled; should a second sample disagree wildly (a few hundred
      // matches where thousands were expected), counting every match is cheap enough and right.
      seen >= facetSampling.sampleMatches / 10
    else { return (Self.shown(try countFacets(unweighted, matches: total).facets), true) }
    let scale = Double(total) / Double(seen)
    var scaled = Facets()
    for field in Facets.fields {
      scaled[keyPath: field.path] = sampled[keyPath: field.path].map {
        Facets.Count(value: $0.value, count: max(1, Int((Double($0.count) * scale).rounded())))
      }
    }
    return (Self.shown(scaled), false)
  }

  /// The counted values as a search shows them: an issuer's spellings as one value, and
  /// `facetValues` of each facet.
  static func shown(_ counted: Facets) -> Facets {
    var f = counted
    f.issuer = mergingIssuerSpellings(f.issuer)
    for field in Facets.fields { f[keyPath: field.path] = Array(f[keyPath: field.path].prefix(facetValues)) }
    return f
  }

  /// Spellings of one issuer's name ("Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động,
  /// Thương binh và Xã hội") as one value: the spelling counted most, with the sum of their counts.
  /// A value's link filters by the whole name (`issuer=`, the name's `XA` term), which finds every
  /// spelling, so the count says what the link finds. Most frequent first; equal counts in byte
  /// order of the value, as Xapian orders them.
  static func mergingIssuerSpellings(_ counts: [Facets.Count]) -> [Facets.Count] {
    var merged: [Facets.Count] = []
    var at: [String: Int] = [:]
    for c in counts {
      let name = IndexSchema.issuerNameTerm(Analyzer.agencyWords(c.value).map(\.folded))
      // A name too long for its term is told apart by its spelling alone.
      let key = name == IndexSchema.issuerName ? "\u{0}" + c.value : name
      if let i = at[key] {
        merged[i].count += c.count
      } else {
        at[key] = merged.count
        merged.append(c)
      }
    }
    return merged.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
    }
  }

  /// Largest table file a searcher reads for itself: 2 million docids. Reading it costs a copy of
  /// the whole file, where the spies cost in proportion to the matches (8 million docids made a
  /// search of 188 matches take 0.2–1 s and 270 MB).
  static let oneOffTableFileBytes = 32 << 20

  /// Whether reading the table file costs less than the spies for about `matches` matches: the
  /// spies read four values a match (about 0.7 µs), the file 16 bytes a docid (a few ns).
  private func worthReadingTableFile(matches: Int) throws -> Bool {
    let docids = try shards.reduce(0) { $0 + Int(try $1.lastDocumentID()) }
    return matches * 64 >= docids
  }

  /// Every match of `query` counted by facet, unsorted and without collapsing copies, and how many
  /// matches were counted.
  private func countFacets(_ query: Query, matches: Int) throws -> (facets: Facets, seen: Int) {
    let state = stateKey()
    if readsFacetTableFile, let state, facetTable?.state != state, facetTableFileTried != state,
      try worthReadingTableFile(matches: matches)
    {
      facetTableFileTried = state
      if let read = readFacetTableFile(maxBytes: Self.oneOffTableFileBytes) { facetTable = read }
    }
    if let table = facetTable, table.state == state { return try countFacets(query, table: table) }
    let spies = Facets.fields.map { ValueCountMatchSpy(slot: $0.slot.rawValue) }
    let counting = try Enquire(database: db)
    try counting.setQuery(query)
    try counting.setDocumentIDOrder(.ascending)
    for s in spies { try counting.add(s) }
    _ = try counting.matches(offset: 0, limit: 0, checkAtLeast: try db.documentCount())
    var f = Facets()
    for (field, spy) in zip(Facets.fields, spies) {
      f[keyPath: field.path] = try spy.topValues(Self.facetValuesCounted).map {
        Facets.Count(value: $0.value, count: $0.count)
      }
    }
    return (f, try spies.first?.total() ?? 0)
  }
}
