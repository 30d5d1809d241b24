import Foundation
// TemporaryIndex.swift - a scratch directory plus a small indexed corpus that
// most tests search.
@_exported import VanbanTestSupport  // TemporaryDirectory, SeededRandom, for the whole test target
import Xapian

/// Value slots and prefixes used by the fixtures.
enum Fixture {
  static let yearSlot: UInt32 = 0
  static let agencySlot: UInt32 = 1

  /// (unique id, text, year, agency)
  static let corpus: [(String, String, String, String)] = [
    ("1", "nghi dinh ve thue", "2019", "BTC"),
    ("2", "thong tu ve thue thu nhap", "2020", "BTC"),
    ("3", "nghi dinh ve giao thong", "2021", "BGTVT"),
    ("4", "dinh ve nghi le", "2020", "BGTVT"),
  ]

  /// A document with positional terms added through one TermBatch.
  static func document(id: String, text: String, year: String, agency: String) throws -> Document {
    let doc = Document()
    var batch = TermBatch()
    for (i, word) in text.split(separator: " ").enumerated() {
      batch.append(utf8: word.utf8, position: UInt32(i + 1))
    }
    try doc.addTerms(batch)
    try doc.addBooleanTerm("Q" + id)
    try doc.addBooleanTerm("XA" + agency.lowercased())
    try doc.setValue(yearSlot, year)
    try doc.setValue(agencySlot, agency)
    try doc.setData(Array("{\"id\":\"\(id)\",\"text\":\"\(text)\"}".utf8))
    return doc
  }

  /// Writes `docs` (default: the whole corpus) to a new database at `path`.
  @discardableResult
  static func build(
    at path: String, _ docs: ArraySlice<(String, String, String, String)> = corpus[...]
  ) throws -> WritableDatabase {
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    for (id, text, year, agency) in docs {
      try db.replaceDocument(uniqueTerm: "Q" + id, with: document(id: id, text: text, year: year, agency: agency))
    }
    try db.commit()
    return db
  }

  /// The unique ids of a result page, in order, read from document data.
  static func ids(_ page: MatchSet) throws -> [String] {
    try page.indices.map { index in
      let data = String(decoding: try page.document(at: index).data(), as: UTF8.self)
      let start = data.range(of: "\"id\":\"")!.upperBound
      return String(data[start...].prefix { $0 != "\"" })
    }
  }
}

/// Runs `query` against `db` and returns the unique ids of every match.
func search(_ db: Database, _ query: Query, configure: (Enquire) throws -> Void = { _ in }) throws -> [String] {
  let enquire = try Enquire(database: db)
  try enquire.setQuery(query)
  try configure(enquire)
  return try Fixture.ids(enquire.matches(offset: 0, limit: 100))
}
