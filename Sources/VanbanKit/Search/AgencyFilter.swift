// `--agency`: the issuer's words in order, with gaps (`ubnd lai chau` finds "Ủy ban nhân dân tỉnh
// Lai Châu"), never reordered (`Tỉnh ủy X` is not "UBND tỉnh X").
//
// As a Xapian PHRASE over the `A` words, the filter reads the postings and positions of every
// word, and `tinh`, `uy` and `ban` are in nearly every document: at a million documents one
// filter took 75 ms, sorting its matches by date included. An index holds far fewer issuer names
// than documents, and each name is a term of its own (`XA`), so the rule is checked here, on the
// names, and the filter is the OR of the names that pass. The PHRASE stays where the names are not
// known or too many match, and for names too long for a term.
//
// `--issuer` is the whole name (Elasticsearch's term filter on a keyword field, beside `--agency`'s
// match): its `XA` term alone.

import Xapian

struct AgencyFilter {
  /// Past this many matching names their OR costs more than the PHRASE.
  static let maxNames = 500
  /// The words left out between the query's words (the PHRASE's window is the words plus this).
  static let gap = 6

  /// The query's folded words, abbreviations spelled out.
  let words: [String]
  /// The same as UTF-8, compared byte for byte as Xapian compares terms (Swift's `==` would hold
  /// canonically equivalent words equal, and a combining mark after a space joins the two).
  private let wordBytes: [[UInt8]]

  /// The value as given, in NFC as the index stores names: `wholeNameQuery` compares it with the
  /// stored name where the name is too long for a term.
  private let spelled: String

  init(_ value: String) {
    words = Analyzer.agencyWords(value).map(\.folded)
    wordBytes = words.map { Array($0.utf8) }
    spelled = value.precomposedStringWithCanonicalMapping
  }

  /// The span of words a match may cover.
  var window: Int { words.count + Self.gap }

  /// Whether `name` (folded words, one space between) holds the words in order within `window`
  /// words: Xapian's PHRASE rule, with each query word at a position of its own.
  func matches(_ name: some Collection<UInt8>) -> Bool {
    let name = name.split(separator: 0x20)
    guard let first = wordBytes.first else { return false }
    for start in name.indices where name[start].elementsEqual(first) {
      // From each start, the earliest match of each next word gives the shortest span.
      var at = start
      var found = true
      for w in wordBytes.dropFirst() {
        guard let next = name[(at + 1)...].firstIndex(where: { $0.elementsEqual(w) }), next - start < window else {
          found = false
          break
        }
        at = next
      }
      if found { return true }
    }
    return false
  }

  /// `--issuer`: the documents whose issuer is this whole name, as the `issuer` facet counts them
  /// (its link filters with it, so a count and its page agree). Its `XA` term, any spelling; a
  /// name too long for a term (a joint circular of many ministries) has no term of its own, and is
  /// matched as stored, spelled as the facet spells it (its words alone would match the longer
  /// names holding them too).
  func wholeNameQuery() throws -> Query {
    if words.isEmpty { return .matchNothing }
    let term = IndexSchema.issuerNameTerm(words)
    if term != IndexSchema.issuerName { return try Query(term: term) }
    let stored = Query(valueRange: IndexSchema.Slot.issuer.rawValue, from: spelled, to: spelled)
    return try Query(.filter, [try Query(term: IndexSchema.issuerName), stored])
  }

  /// The filter, from the index's `XA` terms when `names` lists them (nil: not known).
  func query(names: [String]?) throws -> Query {
    if words.isEmpty { return .matchNothing }
    if words.count == 1 { return try Query(term: IndexSchema.agency + words[0]) }
    let phrase = try Query(.phrase, words.map { try Query(term: IndexSchema.agency + $0) }, parameter: window)
    guard let names else { return phrase }
    var matching: [Query] = []
    for term in names {
      let name = term.utf8.dropFirst(IndexSchema.issuerName.utf8.count)
      if name.isEmpty {
        // Names too long for a term: only their own documents are checked word by word.
        matching.append(try Query(.filter, [phrase, try Query(term: IndexSchema.issuerName)]))
      } else if matches(name) {
        matching.append(try Query(term: term))
      }
      if matching.count > Self.maxNames { return phrase }
    }
    switch matching.count {
    case 0: return .matchNothing
    case 1: return matching[0]
    default: return try Query(.or, matching)
    }
  }
}
