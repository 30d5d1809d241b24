// Looking documents up rather than searching them: `show`, `cites`, `refs` citation lines, `stats`.

import Foundation
import Xapian

/// A document as `show` prints it: what the index stored of it, and its text.
public struct ShownDocument: Sendable {
  public var stored: StoredDocument
  public var text: String
}

/// A number a document cites, linked to the indexed document that carries it, if any.
public struct CitedDocument: Codable, Sendable, Equatable {
  public var number: String
  public var type: String?
  public var date: String?
  public var line: Int
  public var sentence: String
  /// Ids of indexed documents whose own number is this one.
  public var indexed: [String]
}

/// What `stats` reports: document counts, facets over every document, unknown fields and the most cited numbers.
public struct IndexStats: Codable, Sendable, Equatable {
  public struct Cited: Codable, Sendable, Equatable {
    public var number: String
    public var documents: Int
  }
  /// How many documents have a value for one facet, and how many distinct values there are (the
  /// facet lists show the top ones only).
  public struct Total: Codable, Sendable, Equatable {
    public var documents: Int
    public var values: Int
  }
  public var documents: Int
  public var mostCited: [Cited]
  public var facets: Facets
  /// Per facet (`issuer`, `type`, `province`, `year`): documents with a value, distinct values.
  public var totals: [String: Total] = [:]
  /// Documents the extractor found no `issuer`, `type`, `date` or `signer` for: what a filter on
  /// that field can never return.
  public var unknown: [String: Int] = [:]
  /// Files the index holds no document for, per `SkipReason` raw value (`vanban skipped` lists them).
  public var notIndexed: [String: Int] = [:]
  /// `WireFormat.version`, as every JSON answer carries it.
  public var version = WireFormat.version

  enum CodingKeys: String, CodingKey {
    case version
    case documents
    case mostCited = "most_cited"
    case facets
    case totals
    case unknown
    case notIndexed = "not_indexed"
  }
}

extension Searcher {
  /// Finds a document by path (as indexed, or relative to here) or by id. Only indexed documents
  /// are shown: `show` never reads an arbitrary file.
  public func document(_ idOrPath: String) throws -> ShownDocument {
    try retrying {
      let names = DocumentNames(db: db)
      let docid = try names.docid(idOrPath)
      var (stored, text) = try StoredDocument.decode(data: try db.document(docid).data(), withText: true)
      stored.id = try names.uniqueID(of: stored)
      return ShownDocument(stored: stored, text: text ?? "")
    }
  }

  /// What a document cites, each number linked to indexed documents that carry it.
  public func cites(_ idOrPath: String) throws -> (StoredDocument, [CitedDocument]) {
    let shown = try document(idOrPath)
    let out = try shown.stored.metadata.references.map { r -> CitedDocument in
      let ids = try retrying { try db.postings(IndexSchema.number + r.key) }
      let names = try retrying {
        try ids.prefix(20).map {
          try DocumentNames(db: db).uniqueID(
            of: StoredDocument.decode(data: try db.document($0).data(), withText: false).0)
        }
      }
      return CitedDocument(
        number: r.number, type: r.type, date: r.date?.iso, line: r.line, sentence: r.sentence, indexed: names)
    }
    return (shown.stored, out)
  }

  /// Every line of a hit's text that cites one of `numbers` (keys or prefixes), for `refs`. The
  /// stored citations hold one line per number and date; a law may cite it on 190 lines.
  /// A hit lists at most this many citing lines, with a note when a document has more: far more
  /// than a real document's (the server's API carries every one), few enough to list in a second.
  static let maxCitingLines = 1000

  static func citations(
    in stored: StoredDocument, text: ArraySlice<UInt8>, matching numbers: [String], date: String?,
    limit: Int = maxCitingLines
  ) -> [CitationLine] {
    let keys = numbers.compactMap { n -> (String, Bool)? in
      let t = n.trimmingCharacters(in: .whitespaces)
      if QueryCompiler.isNumberPrefix(t) { return DocumentNumber.keyPrefix(t).map { ($0, true) } }
      return DocumentNumber.key(t).map { ($0, false) }
    }
    let ownKey = stored.metadata.number.map(DocumentNumber.keyOfCanonical)
    func wanted(_ key: String) -> Bool {
      key != ownKey && keys.contains { k, isPrefix in isPrefix ? key.hasPrefix(k) : key == k }
    }
    var found = ReferenceParser.citingLines(
      FoldedText(String(decoding: text, as: UTF8.self)), date: date, limit: limit, matches: wanted)
    if found.isEmpty {
      // No text stored (or a citation the text no longer shows): the indexed citations still say where.
      found = Array(
        stored.metadata.references.filter { r in
          wanted(r.key) && (date.map { d in r.date?.iso.hasPrefix(d) ?? false } ?? true)
        }.prefix(limit))
    }
    return found.map {
      CitationLine(number: $0.number, date: $0.date?.iso, type: $0.type, line: $0.line, sentence: $0.sentence)
    }
  }

  public func stats(top: Int = 20) throws -> IndexStats {
    try retrying {
      let documents = try db.documentCount()
      var cited = try db.allTerms(prefix: IndexSchema.reference).map {
        (key: String($0.term.dropFirst(IndexSchema.reference.count)), n: $0.frequency)
      }
      cited.sort { $0.n != $1.n ? $0.n > $1.n : $0.key < $1.key }
      // Show each key in the canonical form a document wrote it.
      var mostCited: [IndexStats.Cited] = []
      for c in cited.prefix(top) {
        var shown = c.key
        if let docid = try db.postings(IndexSchema.reference + c.key).first,
          let stored = try? StoredDocument.decode(data: try db.document(docid).data(), withText: false).0,
          let r = stored.metadata.references.first(where: { $0.key == c.key })
        {
          shown = r.number
        }
        mostCited.append(.init(number: shown, documents: c.n))
      }
      // Facets over every document, `top` values each (a search's facets stop at 20), and what
      // each list leaves out, so that the counts can be checked to add up.
      let enquire = try Enquire(database: db)
      try enquire.setQuery(.matchAll)
      let spies = Facets.fields.map { ValueCountMatchSpy(slot: $0.slot.rawValue) }
      for spy in spies { try enquire.add(spy) }
      _ = try enquire.matches(offset: 0, limit: 0, checkAtLeast: documents)
      var facets = Facets()
      var totals: [String: IndexStats.Total] = [:]
      for (field, spy) in zip(Facets.fields, spies) {
        let all = try spy.topValues(max(1, documents)).map { Facets.Count(value: $0.value, count: $0.count) }
        totals[field.name] = .init(documents: all.reduce(0) { $0 + $1.count }, values: all.count)
        facets[keyPath: field.path] = Array(all.prefix(top))
      }
      // Documents with a signer: any signer term. (A wildcard's limit of 0 expands to no term
      // under WILDCARD_LIMIT_MOST_FREQUENT, so the limit is one no index reaches.)
      let signed = try Enquire(database: db)
      try signed.setQuery(Query(wildcard: IndexSchema.signer, maxExpansion: 1_000_000))
      let withSigner = try signed.matches(offset: 0, limit: 0, checkAtLeast: documents).lowerBound
      var unknown: [String: Int] = [:]
      unknown["issuer"] = documents - (totals["issuer"]?.documents ?? 0)
      unknown["type"] = documents - (totals["type"]?.documents ?? 0)
      unknown["date"] = documents - (totals["year"]?.documents ?? 0)
      unknown["signer"] = documents - withSigner
      var notIndexed: [String: Int] = [:]
      for record in try skipped() { notIndexed[record.reason.rawValue, default: 0] += 1 }
      return IndexStats(
        documents: documents, mostCited: mostCited, facets: facets, totals: totals, unknown: unknown,
        notIndexed: notIndexed)
    }
  }
}
