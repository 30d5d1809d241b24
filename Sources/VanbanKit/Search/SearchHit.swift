// A hit as every printer sees it: plain values, no Xapian. Its JSON keys are the documented
// wire format (README "JSON output"); absent values are `null` or `[]`, never missing.

/// A line of a hit that cites the number searched for, with the citation's date and type when given.
public struct CitationLine: Codable, Sendable, Equatable {
  public var number: String
  public var date: String?
  public var type: String?
  public var line: Int
  public var sentence: String
}

/// Another copy of a hit's document (the same number, date and issuer, or the same words).
public struct DocumentCopy: Codable, Sendable, Equatable {
  public var id: String
  public var path: String
}

/// One document found: its id, path, metadata, score and snippet.
public struct SearchHit: Codable, Sendable, Equatable {
  public var rank: Int
  public var id: String
  public var path: String
  public var score: Double
  public var type: String?
  public var number: String?
  public var issuer: String?
  public var parent: String?
  public var province: String?
  public var date: String?
  public var subject: String?
  public var signer: String?
  public var signerTitle: String?
  public var recipients: [String]
  public var references: [String]
  public var companies: [String]
  public var format: String
  public var snippet: String
  /// For `refs`: where the asked-for number is cited in this document.
  public var citations: [CitationLine]?
  /// The document's other copies in the index, collapsed into this hit (empty with `--all-copies`).
  public var copies: [DocumentCopy] = []
  /// Some of the document's text was read by OCR from page images: its words may be misread.
  public var ocr: Bool

  /// The hit's JSON keys, in order: what `--fields` may name.
  public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case rank, id, path, score, type, number, issuer, parent, province, date, subject, signer
    case signerTitle = "signer_title"
    case recipients, references, companies, format, snippet, citations, copies, ocr
  }

  /// Encodes `nil` as `null` (the synthesised encoder would drop the key).
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(rank, forKey: .rank)
    try c.encode(id, forKey: .id)
    try c.encode(path, forKey: .path)
    try c.encode((score * 1000).rounded() / 1000, forKey: .score)
    try c.encode(type, forKey: .type)
    try c.encode(number, forKey: .number)
    try c.encode(issuer, forKey: .issuer)
    try c.encode(parent, forKey: .parent)
    try c.encode(province, forKey: .province)
    try c.encode(date, forKey: .date)
    try c.encode(subject, forKey: .subject)
    try c.encode(signer, forKey: .signer)
    try c.encode(signerTitle, forKey: .signerTitle)
    try c.encode(recipients, forKey: .recipients)
    try c.encode(references, forKey: .references)
    try c.encode(companies, forKey: .companies)
    try c.encode(format, forKey: .format)
    try c.encode(snippet, forKey: .snippet)
    if let citations { try c.encode(citations, forKey: .citations) }
    try c.encode(copies, forKey: .copies)
    try c.encode(ocr, forKey: .ocr)
  }

  init(rank: Int, score: Double, stored: StoredDocument, snippet: String) {
    let m = stored.metadata
    self.rank = rank
    self.id = stored.id
    self.path = stored.path
    self.score = score
    self.type = m.type
    self.number = m.number
    self.issuer = m.issuer
    self.parent = m.parent
    self.province = m.province
    self.date = m.date?.iso
    self.subject = m.subject
    self.signer = m.signer
    self.signerTitle = m.signerTitle
    self.recipients = m.recipients
    var seen = Set<String>()
    self.references = m.references.map(\.number).filter { seen.insert($0).inserted }
    self.companies = m.companies
    self.format = stored.format
    self.snippet = snippet
    self.ocr = stored.ocr ?? false
  }
}

/// Counts over all matches (not just the page), by field.
public struct Facets: Codable, Sendable, Equatable {
  public struct Count: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
  }
  public var issuer: [Count] = []
  public var type: [Count] = []
  public var province: [Count] = []
  public var year: [Count] = []

  /// Each facet once: its name (in `stats` totals), the value slot it counts, where it goes.
  static let fields: [(name: String, slot: IndexSchema.Slot, path: WritableKeyPath<Facets, [Count]> & Sendable)] = [
    ("issuer", .issuer, \.issuer), ("type", .type, \.type), ("province", .province, \.province),
    ("year", .year, \.year),
  ]
}

/// A page of hits with the total, notes on how the query was read, facets and a spelling suggestion.
public struct SearchResult: Sendable {
  public var query: String
  /// Matching documents: exact when `totalExact`, else Xapian's estimate (it stops evaluating
  /// once no further document can reach the page, which is what keeps big indexes fast).
  public var total: Int
  public var totalExact = true
  public var offset: Int
  public var limit: Int
  public var hits: [SearchHit]
  /// AND found nothing, so these are the OR results.
  public var relaxed = false
  /// `Did you mean`.
  public var suggestion: String?
  /// Things the user should know (a query read as plain words, a degraded feature…).
  public var notes: [String] = []
  public var facets: Facets?
  /// False when the facets were counted on a sample of the matches and scaled (FacetCount.swift).
  public var facetsExact = true
  /// A search for the documents citing a number (`refs`, `--ref`): each hit lists its citing lines.
  public var citing = false
  /// The search ran out of its time limit (`SearchRequest.timeLimit`) and stopped: the hits are
  /// the best of the documents it read, the total is an estimate from a sample, and neither
  /// facets nor a suggestion was counted.
  public var timedOut = false
}
