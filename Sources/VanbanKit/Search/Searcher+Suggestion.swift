// The index reads behind `Did you mean` (SpellingSuggester): term and bigram frequencies, Xapian's
// spelling data, and the count search that checks a correction finds more.

import Foundation
import Xapian

extension Searcher {
  /// The suggestion for a search of `node` that found `total` documents, the best ones beginning
  /// with `texts`; nil for a query with operators or fields, which a suggestion would change.
  func suggestion(
    for node: QueryNode?, _ request: SearchRequest, total: Int, texts: @autoclosure () -> [String]
  ) -> String? {
    guard let node, let query = SpellingSuggester.PlainQuery(node, any: request.any),
      query.items.count <= Self.maxSuggestedItems
    else { return nil }
    let suggester = SpellingSuggester(
      exact: request.exact,
      termFrequency: { [db] in (try? db.termFrequency($0)) ?? 0 },
      spelling: { [db] in (try? db.spellingSuggestion(for: $0)) ?? "" },
      count: { [self] in try? countMatches($0, request) })
    return suggester.suggest(query, total: total, texts: texts())
  }

  /// A pasted paragraph is not a query a correction helps.
  static let maxSuggestedItems = 16

  /// Documents searched, and heads of texts read, for a suggestion's accented forms.
  static let suggestionTexts = 3

  /// The head of a stored text a suggestion reads (the words it shows are near the top).
  static func suggestionText(_ text: ArraySlice<UInt8>) -> String {
    String(decoding: text.prefix(64 << 10), as: UTF8.self)
  }

  /// The matches of `node` searched as `request` would be (filters, collapsed copies), counted
  /// as a search's total is: exact up to 1,000, estimated past that. No facets, no snippets.
  func countMatches(_ node: QueryNode, _ request: SearchRequest) throws -> SpellingSuggester.Count {
    var compiler = queryCompiler(for: request)
    compiler.shareOfMatches = nil  // boosts change no count
    let compiled = try compiler.compile(node, filters: request.filters)
    return try retrying {
      let enquire = try Enquire(database: db)
      try enquire.setQuery(compiled.query)
      try enquire.setBM25(k1: ranking.k1, b: ranking.b)
      if !request.allCopies { try enquire.setCollapseKey(IndexSchema.Slot.copyKey.rawValue) }
      let mset = try enquire.matches(offset: 0, limit: Self.suggestionTexts, checkAtLeast: 500)
      var texts: [String] = []
      for i in 0..<mset.count {
        texts.append(Self.suggestionText(StoredDocument.text(ofData: try mset.document(at: i).data())))
      }
      // Counted as a search's `total` is (exact to 1,000), so a correction is never judged
      // against a total counted another way (340 exact against an estimated 339).
      let (count, _) = total(
        compiled.query, page: mset, offset: 0, limit: Self.suggestionTexts, checked: 500, byValue: false,
        collapse: !request.allCopies)
      return SpellingSuggester.Count(total: count, texts: texts)
    }
  }

  /// The compiler for `request`'s text, reading this index's frequencies.
  func queryCompiler(for request: SearchRequest) -> QueryCompiler {
    var compiler = QueryCompiler(exact: request.exact, defaultAnd: !request.any)
    compiler.ranking = ranking
    compiler.termFrequency = { [db] term in try? db.termFrequency(term) }
    compiler.documentCount = try? db.documentCount()
    compiler.shareOfMatches = { [self] in self.sampledShares(of: $0, within: $1, size: $2) }
    compiler.issuerNames = { [db] in try? db.allTerms(prefix: IndexSchema.issuerName).map(\.term) }
    return compiler
  }
}
