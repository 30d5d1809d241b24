// Turns a parsed query and filters into a Xapian query over IndexSchema's terms.
//
// Ranking choices (measured on ALQAC 2023, see docs/vietnamese-documents.md §5):
// - an accented word matches its folded term, and its exact term adds weight where present, so
//   exact matches rank above folded-only ones while text typed without marks is still found.
//   The exact terms are optional boosts on the whole query (AND_MAYBE), not OR'ed in place:
//   every document holding an exact term also holds its folded one, so the scores are the same,
//   and Xapian drives the match from the folded terms alone (~30% less time on a 100k index).
//   A boost that nearly every match would get (the exact form in 90% of the folded word's
//   documents, or of a phrase's matches) is left out: it reorders little and costs a posting list
//   read per match. So is any boost (exact or bigram) that a third of all documents hold, in
//   indexes big enough for it to cost (RankingParameters.commonBoostShare);
// - an unaccented word matches only the folded term;
// - adjacent query syllables ("tiêm chủng") add a phrase-bigram boost, the biggest single win
//   for Vietnamese, whose words are mostly two syllables.

import Foundation
import Xapian

struct CompiledQuery {
  var query: Query
  /// Folded and exact forms of the query's words, for highlighting.
  var highlight = HighlightTerms()
  /// Whether the query has free text (as opposed to filters only).
  var hasText: Bool
  /// The free-text words, in order, for spelling suggestions.
  var words: [Word] = []
  /// The query had text but not one word that can be in the index (`!!!`, an emoji, a word too
  /// long to index): it matches nothing, or with filters lists what the filters match.
  var noSearchableWords = false
  /// Query words left out over `maxTerms`.
  var droppedTerms = 0
  /// Words left out for being longer than the index keeps.
  var tooLongWords: [String] = []
}

struct HighlightTerms: Sendable {
  var folded = Set<String>()
  var exact = Set<String>()
  var exactOnly = false
  /// Folded forms typed only with marks (`hoá`, never `hoa`): in a text that has the exact form,
  /// only the exact form is marked, so `hoá đơn` does not mark «HÒA» in CỘNG HÒA.
  var accentedOnly = Set<String>()
  private var typedPlain = Set<String>()
  /// Folded word sequences marked as one match: the full form of an abbreviation typed
  /// (`UBND` marks «Ủy ban nhân dân»; its words one by one would mark every `dân`).
  var phrases = Set<[String]>()

  /// A query word to mark.
  mutating func add(_ w: Word) {
    folded.insert(w.folded)
    exact.insert(w.exact)
    if w.exact == w.folded {
      typedPlain.insert(w.folded)
      accentedOnly.remove(w.folded)
    } else if !typedPlain.contains(w.folded) {
      accentedOnly.insert(w.folded)
    }
  }
}

struct QueryCompiler {
  var exact: Bool
  var defaultAnd: Bool
  var ranking = RankingParameters()
  /// The number of documents holding a term, for choosing which exact boosts are worth their cost
  /// (`RankingParameters.exactBoostMaxShare`); nil, or a nil answer (a read that failed), keeps
  /// the boost, so ranking never changes because of a stale read.
  var termFrequency: ((String) -> Int?)? = nil
  /// For each of `terms`, the share of the documents matching `context` (at most `size` of them)
  /// that hold it, counted on a sample; nil when it cannot be told. A phrase's exact boost that
  /// nearly every match would get is left out by it (`RankingParameters.exactBoostMaxShare`),
  /// where the phrase's pairs are in `commonBoostMinDocuments` or more; nil keeps every boost
  /// (a compile for the words to mark, or for a count, needs no sample).
  var shareOfMatches: ((_ terms: [String], _ context: Query, _ size: Int) -> [Double]?)? = nil
  /// Documents in the index, for the title-head boost's idf; nil leaves that boost out.
  var documentCount: Int? = nil
  /// The index's issuer name terms (`XA`), for `--agency` (`AgencyFilter`); nil, or a nil answer,
  /// filters by the words' PHRASE instead.
  var issuerNames: (() -> [String]?)? = nil
  /// `issuerNames`' answer, read once per compiler (`agency:A OR agency:B` asks for each).
  private var issuerNamesRead: [String]?? = nil

  private mutating func listedIssuerNames() -> [String]? {
    if let read = issuerNamesRead { return read }
    let names = issuerNames?()
    issuerNamesRead = .some(names)
    return names
  }
  /// Bound on wildcard expansion, so `a*` cannot blow up a query.
  var maxExpansion = 200
  /// Bound on the terms all of a query's wildcards expand to, shared among them: 64 one-letter
  /// prefixes took 12,800 of the commonest words and 2 s on gen-100k; sharing 250, 0.6 s.
  var maxWildcardTerms = 250
  private var expansionPerWildcard = 200
  /// Cited numbers each number prefix may expand to: `maxReferencePrefixTerms` shared by all of
  /// a query's prefixes (set by `compile`).
  private(set) var numbersPerPrefix = maxReferencePrefixTerms
  /// Bound on the words of a query (a pasted 95 KB `--any` query took a minute and 740 MB); the
  /// words past it are left out, with a note.
  var maxTerms = 64
  private var termsLeft = 64
  private(set) var droppedTerms = 0
  private(set) var tooLongWords: [String] = []

  private(set) var highlight = HighlightTerms()
  private(set) var bigrams: [Query] = []
  /// Exact terms of accented words, each an optional boost (see the header).
  private(set) var exactBoosts: [Query] = []
  private(set) var words: [Word] = []
  /// Off while the typed words of an abbreviation group, or an excluded part, are compiled.
  private var expandAbbreviations = true
  /// On while an excluded part (`-"chỉ huy quân"`) is compiled: it is never weighed, so its boosts
  /// are not worth a sample.
  private var excluded = false

  init(exact: Bool, defaultAnd: Bool) {
    self.exact = exact
    self.defaultAnd = defaultAnd
    highlight.exactOnly = exact
  }

  mutating func compile(_ node: QueryNode?, filters: Filters) throws -> CompiledQuery {
    var textQuery: Query? = nil
    var fieldFilters = filters
    termsLeft = maxTerms
    // Past `maxTerms` words the rest are dropped, so at most that many wildcards are kept.
    let wildcards = min(node.map(Self.wildcardCount) ?? 0, maxTerms)
    expansionPerWildcard = max(1, min(maxExpansion, maxWildcardTerms / max(1, wildcards)))
    // Number prefixes share one budget across the whole query, `--ref` and `ref:` in the text
    // alike: each `ref:01/` of the text counted its own 10,000, and 100 of them took 45 s.
    let numberPrefixes = (node.map(Self.numberPrefixCount) ?? 0) + filters.reference.count(where: Self.isNumberPrefix)
    numbersPerPrefix = max(1, Self.maxReferencePrefixTerms / max(1, numberPrefixes))
    if let node { textQuery = try compileNode(node, filters: &fieldFilters) }
    var query: Query
    var hasText = true
    let noWords = node != nil && textQuery == nil
    if noWords {
      // Text was given but none of it is searchable: never "everything".
      query = fieldFilters.isEmpty ? .matchNothing : .matchAll
      hasText = false
    } else if let t = textQuery {
      query = t
      var optional = exactBoosts
      if !bigrams.isEmpty { optional.append(try Query(scaling: try Query(.or, bigrams), by: ranking.bigram)) }
      if let node, let title = try titleBoost(Self.plainWords(node)) { optional.append(title) }
      if !optional.isEmpty {
        query = try Query(.andMaybe, [query, optional.count == 1 ? optional[0] : try Query(.or, optional)])
      }
    } else {
      query = .matchAll
      hasText = false
    }
    let filterParts = try filterQueries(fieldFilters)
    if !filterParts.isEmpty {
      query = try Query(.filter, [query, try Query(.and, filterParts)])
    }
    return CompiledQuery(
      query: query, highlight: highlight, hasText: hasText, words: words, noSearchableWords: noWords,
      droppedTerms: droppedTerms, tooLongWords: tooLongWords)
  }

  /// The number prefixes (`ref:79/2010/`) among `node`'s fields.
  static func numberPrefixCount(_ node: QueryNode) -> Int {
    count(in: node) {
      if case .field(let name, let value) = $0 { return name == "ref" && isNumberPrefix(value) }
      return false
    }
  }

  /// The wildcards (`word*`) in `node`.
  static func wildcardCount(_ node: QueryNode) -> Int {
    count(in: node) {
      if case .prefix = $0 { return true }
      return false
    }
  }

  /// The leaves of `node` (words, phrases, wildcards, fields) that `matches` picks.
  private static func count(in node: QueryNode, where matches: (QueryNode) -> Bool) -> Int {
    switch node {
    case .word, .phrase, .prefix, .field: return matches(node) ? 1 : 0
    case .and(let items), .or(let items), .near(let items):
      return items.reduce(0) { $0 + count(in: $1, where: matches) }
    case .andNot(let a, let b): return count(in: a, where: matches) + count(in: b, where: matches)
    case .required(let n), .not(let n): return count(in: n, where: matches)
    }
  }

  /// Takes up to `n` words from the term budget; the rest count as dropped.
  private mutating func budget<C: Collection>(_ items: C) -> [C.Element] {
    let kept = Array(items.prefix(max(0, termsLeft)))
    termsLeft -= kept.count
    droppedTerms += items.count - kept.count
    return kept
  }

  /// Runs of word characters in `raw` longer than the tokenizer indexes (they are never in the index).
  static func overlongWords(_ raw: String) -> [String] {
    let letters = VietnameseLetters.shared
    var out: [String] = []
    var run = String.UnicodeScalarView()
    func flush() {
      if String(run).utf8.count > WordTokenizer.maxWordBytes { out.append(String(run)) }
      run = String.UnicodeScalarView()
    }
    for u in raw.unicodeScalars {
      if letters.isWord(u.value) { run.append(u) } else { flush() }
    }
    flush()
    return out
  }

  // MARK: - Text

  private mutating func compileNode(_ node: QueryNode, filters: inout Filters) throws -> Query? {
    switch node {
    case .word(let w):
      if let run = abbreviation(in: [node], from: 0) {
        return try abbreviationQuery(run, [node], .and, filters: &filters)
      }
      return try wordQuery(w)
    case .prefix(let p):
      let (n, f) = Analyzer.prefix(p)
      guard !f.isEmpty, !budget([f]).isEmpty else { return nil }
      highlight.folded.insert(f)
      if exact || VietnameseFolding.hasDiacritics(n) {
        return try Query(wildcard: IndexSchema.exact + n, maxExpansion: expansionPerWildcard)
      }
      return try Query(wildcard: f, maxExpansion: expansionPerWildcard)
    case .phrase(let p):
      if let run = abbreviation(in: [node], from: 0) {
        return try abbreviationQuery(run, [node], .and, filters: &filters)
      }
      tooLongWords += Self.overlongWords(p)
      let ws = budget(Analyzer.words(p))
      guard !ws.isEmpty else { return nil }
      return try phraseQuery(ws, window: nil)
    case .field(let name, let value):
      // A field inside the text tree is a filter at that place: weightless, but it keeps its
      // boolean position (`agency:X OR agency:Y`).
      var f = Filters()
      try f.add(field: name, value: value)
      let qs = try filterQueries(f)
      if qs.isEmpty { return nil }
      return try Query(scaling: try Query(.and, qs), by: 0)
    case .and(let items):
      let qs = try compileSequence(items, .and, filters: &filters)
      try addBigrams(items)
      return qs.isEmpty ? nil : (qs.count == 1 ? qs[0] : try Query(.and, qs))
    case .or(let items):
      let required = items.compactMap { if case .required(let r) = $0 { return r } else { return nil } }
      let optional = items.filter { if case .required = $0 { return false } else { return true } }
      try addBigrams(optional)
      let req = try required.compactMap { try compileNode($0, filters: &filters) }
      let opt = try compileSequence(optional, .or, filters: &filters)
      let optQ: Query? = opt.isEmpty ? nil : (opt.count == 1 ? opt[0] : try Query(.or, opt))
      if req.isEmpty { return optQ }
      let reqQ = req.count == 1 ? req[0] : try Query(.and, req)
      if let o = optQ { return try Query(.andMaybe, [reqQ, o]) }
      return reqQ
    case .andNot(let a, let b):
      guard let qa = try compileNode(a, filters: &filters) else { return nil }
      guard let qb = try compileNodeNoHighlight(b, filters: &filters) else { return qa }
      return try Query(.andNot, [qa, qb])
    case .not(let b):
      guard let qb = try compileNodeNoHighlight(b, filters: &filters) else { return nil }
      return try Query(.andNot, [.matchAll, qb])
    case .near(let items):
      var terms: [Word] = []
      for item in items {
        switch item {
        case .word(let w), .phrase(let w):
          terms += Analyzer.words(w)
        default: break
        }
      }
      terms = budget(terms)
      guard !terms.isEmpty else { return nil }
      return try phraseQuery(terms, window: max(10, terms.count + 8), near: true)
    case .required(let r):
      return try compileNode(r, filters: &filters)
    }
  }

  /// The items of a list, in order, with every run of words that spells an abbreviation or its
  /// full form (`UBND`, `Ủy ban nhân dân`) compiled as one group of all its forms.
  private mutating func compileSequence(
    _ items: [QueryNode], _ op: Query.Operator, filters: inout Filters
  ) throws -> [Query] {
    var out: [Query] = []
    var i = 0
    while i < items.count {
      if let run = abbreviation(in: items, from: i) {
        if let q = try abbreviationQuery(run, Array(items[i..<run.end]), op, filters: &filters) { out.append(q) }
        i = run.end
        continue
      }
      if let q = try compileNode(items[i], filters: &filters) { out.append(q) }
      i += 1
    }
    return out
  }

  // MARK: - Abbreviations

  /// The longest run of plain words or one phrase, from `items[start]`, that spells a form of an
  /// entry in `Abbreviations.table`: the index past the run, its folded words and the entry's
  /// forms. Not with `--exact`, which asks for the words as typed.
  private func abbreviation(
    in items: [QueryNode], from start: Int
  ) -> (end: Int, folded: [String], forms: [[String]])? {
    guard !exact, expandAbbreviations else { return nil }
    var folded: [String] = []
    var best: (end: Int, folded: [String], forms: [[String]])? = nil
    for j in start..<items.count {
      switch items[j] {
      case .word(let w): folded += TitleHeads.words(w)
      case .phrase(let p) where j == start: folded += TitleHeads.words(p)
      default: return best
      }
      if folded.count > Abbreviations.longestForm { return best }
      if let forms = Abbreviations.forms(of: folded) { best = (j + 1, folded, forms) }
      if case .phrase = items[j] { return best }
    }
    return best
  }

  /// One OR group of an abbreviation's forms, each a phrase (or a term): `UBND cấp xã` and
  /// `Ủy ban nhân dân cấp xã` compile alike and find the same documents, which is what the words
  /// of a name typed together mean. In a list of alternatives (`--any`, `OR`) the typed words stay
  /// alternatives of their own and the other forms are added. The other forms count against the
  /// term budget; a multi-word one is not highlighted word by word (`nhân` alone is no match of
  /// `UBND`).
  private mutating func abbreviationQuery(
    _ run: (end: Int, folded: [String], forms: [[String]]), _ typed: [QueryNode], _ op: Query.Operator,
    filters: inout Filters
  ) throws -> Query? {
    expandAbbreviations = false
    defer { expandAbbreviations = true }
    var alternatives: [Query] = []
    if op == .or {
      alternatives = try typed.compactMap { try compileNode($0, filters: &filters) }
    } else {
      var typedWords: [Word] = []
      for item in typed {
        switch item {
        case .word(let w), .phrase(let w):
          tooLongWords += Self.overlongWords(w)
          typedWords += Analyzer.words(w)
        default: break
        }
      }
      typedWords = budget(typedWords)
      if !typedWords.isEmpty { alternatives = [try phraseQuery(typedWords, window: nil)] }
    }
    guard !alternatives.isEmpty else { return nil }
    let others = run.forms.filter { $0 != run.folded }
    let saved = (highlight, words)
    for form in others where budget(form).count == form.count {
      let ws = form.map { Word(exact: $0, folded: $0, scalarRange: 0..<0) }
      alternatives.append(try phraseQuery(ws, window: nil))
    }
    (highlight, words) = saved
    for form in others {
      if form.count == 1 {
        highlight.add(Word(exact: form[0], folded: form[0], scalarRange: 0..<0))
      } else {
        highlight.phrases.insert(form)
      }
    }
    return alternatives.count == 1 ? alternatives[0] : try Query(.or, alternatives)
  }

  private mutating func compileNodeNoHighlight(_ node: QueryNode, filters: inout Filters) throws -> Query? {
    // What is excluded is what was typed: `tỉnh -UBND` keeps the documents that spell it out.
    let saved = (highlight, bigrams, exactBoosts, words, expandAbbreviations, excluded)
    expandAbbreviations = false
    excluded = true
    defer { (highlight, bigrams, exactBoosts, words, expandAbbreviations, excluded) = saved }
    return try compileNode(node, filters: &filters)
  }

  /// A typed "word" may hold several syllables once tokenised (`16/CT-TTg`, `covid-19`): those
  /// are matched as a phrase; a document number also matches its citation term.
  private mutating func wordQuery(_ raw: String) throws -> Query? {
    tooLongWords += Self.overlongWords(raw)
    let ws = budget(Analyzer.words(raw))
    guard !ws.isEmpty else { return nil }
    var q = ws.count == 1 ? try termQuery(ws[0]) : try phraseQuery(ws, window: nil)
    if ws.count > 1, let key = DocumentNumber.key(raw) {
      q = try Query(.or, [q, try Query(term: IndexSchema.reference + key)])
    }
    return q
  }

  private mutating func termQuery(_ w: Word) throws -> Query {
    words.append(w)
    highlight.add(w)
    if exact { return try Query(term: IndexSchema.exact + w.exact) }
    if w.exact == w.folded { return try Query(term: w.folded) }
    if isWorthBoosting(w) {
      let exactTerm = try Query(term: IndexSchema.exact + w.exact)
      exactBoosts.append(ranking.exactTerm == 1 ? exactTerm : try Query(scaling: exactTerm, by: ranking.exactTerm))
    }
    return try Query(term: w.folded)
  }

  /// Whether the exact form of `w` is rarer than `exactBoostMaxShare` of its folded form's documents.
  private func isWorthBoosting(_ w: Word) -> Bool {
    guard let frequency = termFrequency, let exactCount = frequency(IndexSchema.exact + w.exact) else { return true }
    if isCommon(exactCount) { return false }
    guard ranking.exactBoostMaxShare < 1, let folded = frequency(w.folded) else { return true }
    return Double(exactCount) < ranking.exactBoostMaxShare * Double(folded)
  }

  /// The accented words among `ws` whose exact terms tell apart the documents matching `context`
  /// (made of `terms`): a form nearly every match holds (`quân` in «chỉ huy quân») reorders
  /// little, yet weighing it makes Xapian weigh every match (gen-1m: that phrase 48 → 184 ms).
  /// Asked only of a context whose rarest term is in `commonBoostMinDocuments` or more, and only
  /// for phrases (a quoted one, or a typed token of several syllables such as `covid-19`): for
  /// words anywhere in a document, their exact forms are rarely in 90% of the matches, and on
  /// gen-1m counting the sample cost 5–20 ms a query, more than it saved.
  private func tellingApart(_ ws: [Word], within context: Query, terms: [String]) -> [Word] {
    guard !ws.isEmpty, ranking.exactBoostMaxShare < 1, let shareOfMatches, let frequency = termFrequency,
      let size = terms.compactMap(frequency).min(), size >= ranking.commonBoostMinDocuments,
      let shares = shareOfMatches(ws.map { IndexSchema.exact + $0.exact }, context, size), shares.count == ws.count
    else { return ws }
    return zip(ws, shares).filter { $0.1 < ranking.exactBoostMaxShare }.map(\.0)
  }

  /// Whether a boost term held by `count` documents is too common to be worth weighing
  /// (`RankingParameters.commonBoostShare`); never when the document count is unknown.
  private func isCommon(_ count: Int) -> Bool {
    guard ranking.commonBoostShare < 1, count >= ranking.commonBoostMinDocuments, let n = documentCount, n > 0
    else { return false }
    return Double(count) >= ranking.commonBoostShare * Double(n)
  }

  private mutating func phraseQuery(_ ws: [Word], window: Int?, near: Bool = false) throws -> Query {
    if ws.count == 1 { return try termQuery(ws[0]) }
    for w in ws { highlight.add(w) }
    words += ws
    var positional = try Query(
      near ? .near : .phrase, ws.map { try Query(term: $0.folded) }, parameter: window ?? ws.count)
    var pairs: (terms: [String], query: Query)? = nil
    if !near && window == nil {
      // Adjacent words are adjacent syllable pairs, and the index holds each pair as a bigram term:
      // filtering on those first leaves few documents for the positional check (a two-word phrase
      // needs none). Same matches and weights; phrase p99 151 → 19 ms on gen-100k.
      let terms = zip(ws, ws.dropFirst()).map { IndexSchema.bigramTerm($0.folded, $1.folded) }
      let queries = try terms.map { try Query(term: $0) }
      pairs = (terms, queries.count == 1 ? queries[0] : try Query(.and, queries))
      let required = ws.count == 2 ? try Query(.and, ws.map { try Query(term: $0.folded) }) : positional
      positional = try Query(.filter, [required, pairs!.query])
    }
    if exact {
      return try Query(.and, [positional] + ws.map { try Query(term: IndexSchema.exact + $0.exact) })
    }
    var accented = ws.filter { $0.exact != $0.folded && isWorthBoosting($0) }
    // The phrase's pairs hold nearly all its matches (and the positions check the rest).
    if let pairs, !excluded { accented = tellingApart(accented, within: pairs.query, terms: pairs.terms) }
    if accented.isEmpty { return positional }
    return try Query(
      .andMaybe, [positional, try Query(.and, accented.map { try Query(term: IndexSchema.exact + $0.exact) })])
  }

  // MARK: - Known items

  /// The folded words of a query that is a plain list of words and phrases (a name typed as it
  /// is), in order; nil for anything with operators, fields or prefixes.
  static func plainWords(_ node: QueryNode) -> [String]? {
    switch node {
    case .word(let w), .phrase(let w): return TitleHeads.words(w)
    case .and(let items), .or(let items):
      var out: [String] = []
      for item in items {
        switch item {
        case .word(let w), .phrase(let w): out += TitleHeads.words(w)
        default: return nil
        }
      }
      return out
    default: return nil
    }
  }

  /// A fixed boost for the documents one of whose names starts with the query's first k words
  /// (TitleHeads), for each k from 2 to all of them: `title` × k × the head's idf, so a longer
  /// and rarer name that the query spells out outweighs a shorter or commoner one, and the body's
  /// BM25 orders the documents that share a name. Optional (AND_MAYBE): it never adds a match.
  private func titleBoost(_ words: [String]?) throws -> Query? {
    guard ranking.title > 0, let words, words.count >= TitleHeads.minWords, let frequency = termFrequency,
      let n = documentCount, n > 0
    else { return nil }
    var boosts: [Query] = []
    for k in TitleHeads.minWords...min(TitleHeads.maxWords, words.count) {
      let term = IndexSchema.titleHead + TitleHeads.key(words.prefix(k))
      guard let tf = frequency(term), tf > 0 else { continue }
      let weight = ranking.title * Double(k) * log(1 + Double(n) / Double(tf))
      boosts.append(try Query(.filter, [try Query(fixedWeight: weight), try Query(term: term)]))
    }
    if boosts.isEmpty { return nil }
    return boosts.count == 1 ? boosts[0] : try Query(.or, boosts)
  }

  /// Boost for each adjacent pair of plain words in a sequence: the pair's bigram term.
  private mutating func addBigrams(_ items: [QueryNode]) throws {
    guard ranking.bigram > 0 else { return }
    var previous: [Word]? = nil
    for item in items where bigrams.count < maxTerms {
      guard case .word(let raw) = item else {
        previous = nil
        continue
      }
      let ws = Analyzer.words(raw)
      if ws.count == 1, let p = previous, p.count == 1 {
        let term = IndexSchema.bigramTerm(p[0].folded, ws[0].folded)
        if !(termFrequency?(term).map(isCommon) ?? false) { bigrams.append(try Query(term: term)) }
      }
      previous = ws
    }
  }

  // MARK: - Filters

  /// One boolean query per filter (values OR'ed), all weightless.
  mutating func filterQueries(_ f: Filters) throws -> [Query] {
    var out: [Query] = []
    func anyOf(_ qs: [Query]) throws {
      guard !qs.isEmpty else { return }
      out.append(try Query(scaling: qs.count == 1 ? qs[0] : try Query(.or, qs), by: 0))
    }
    /// All folded words of a name, each under `prefix`.
    func allWords(_ prefix: String, _ s: String) throws -> Query {
      let ws = Array(Set(Analyzer.foldedWords(s))).sorted()
      if ws.isEmpty { return .matchNothing }
      return try Query(.and, ws.map { try Query(term: prefix + $0) })
    }
    let agencies = f.agency.map(AgencyFilter.init)
    let names = agencies.contains { $0.words.count > 1 } ? listedIssuerNames() : nil
    try anyOf(try agencies.map { try $0.query(names: names) })
    try anyOf(try f.issuer.map { try AgencyFilter($0).wholeNameQuery() })
    try anyOf(try f.recipient.map { try allWords(IndexSchema.recipient, $0) })
    try anyOf(try f.signer.map { try allWords(IndexSchema.signer, $0) })
    try anyOf(try f.company.map { try allWords(IndexSchema.company, $0) })
    // Number prefixes (`79/2010/`) share one budget of expanded numbers, as a query's words do.
    let numbersPerPrefix = self.numbersPerPrefix
    try anyOf(
      try f.reference.map { try Self.referenceQuery($0, date: f.referenceDate, maxExpansion: numbersPerPrefix) })
    try anyOf(
      f.number.map { v in try DocumentNumber.key(v).map { try Query(term: IndexSchema.number + $0) } ?? .matchNothing })
    try anyOf(
      f.type.map { try Query(term: IndexSchema.type + IndexSchema.compactKey(DocumentTypes.canonical($0) ?? $0)) })
    try anyOf(
      f.province.map { try Query(term: IndexSchema.province + IndexSchema.compactKey(Provinces.canonical($0) ?? $0)) })
    // A value that names no year (a Filters built by hand; the CLI and the server refuse one)
    // matches nothing.
    try anyOf(
      f.year.map { v in
        guard let r = Filters.years(v) else { return .matchNothing }
        if r.count == 1 { return try Query(term: IndexSchema.year + String(r.lowerBound)) }
        // A range is read as dates are (`since`/`until`): its cost does not grow with its width.
        let lo = String(r.lowerBound) + "0000", hi = String(r.upperBound) + "9999"
        let range = Query(valueRange: IndexSchema.Slot.date.rawValue, from: lo, to: hi)
        return try Self.monthsQuery(lo: lo, hi: hi, range: range) ?? range
      })
    try anyOf(
      f.format.map {
        try Query(term: IndexSchema.format + $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
      })
    if f.since != nil || f.until != nil {
      let slot = IndexSchema.Slot.date.rawValue
      let lo = f.since?.sortKey ?? "0"
      let hi = f.until.map(Self.upperSortKey) ?? "99999999"
      let range = Query(valueRange: slot, from: lo, to: hi)
      out.append(try Self.monthsQuery(lo: lo, hi: hi, range: range) ?? range)
    }
    return out
  }

  /// A date range spanning fewer years than this is read from month terms.
  static let maxRangeYears = 10

  /// The date range `lo...hi` (sort keys, `yyyymmdd` with `00` for a part not given) as the month
  /// terms it spans: a month inside it whole is its posting list; a month it cuts is that list
  /// filtered by `range`. `XMyyyy00` holds the dates with no month, inside when `yyyy0000` is.
  /// Nil for an open or long range, which stays a value range.
  static func monthsQuery(lo: String, hi: String, range: Query) throws -> Query? {
    guard let l = Int(lo), let h = Int(hi), l <= h, h / 10000 - l / 10000 < maxRangeYears else { return nil }
    var whole: [Query] = []
    var cut: [Query] = []
    for year in (l / 10000)...(h / 10000) {
      for month in 0...12 {
        let first = year * 10000 + month * 100
        let last = month == 0 ? first : first + 99
        guard first <= h, last >= l else { continue }
        let term = try Query(term: IndexSchema.month + String(format: "%04d%02d", year, month))
        if first >= l && last <= h { whole.append(term) } else { cut.append(term) }
      }
    }
    var parts = whole
    if !cut.isEmpty { parts.append(try Query(.filter, [range, cut.count == 1 ? cut[0] : try Query(.or, cut)])) }
    if parts.isEmpty { return .matchNothing }
    return parts.count == 1 ? parts[0] : try Query(.or, parts)
  }

  /// `2022-06` as an upper bound means the end of June.
  static func upperSortKey(_ d: PartialDate) -> String {
    var k = d.sortKey
    if d.month == nil { k = String(k.prefix(4)) + "9999" } else if d.day == nil { k = String(k.prefix(6)) + "99" }
    return k
  }

  /// The cited numbers all of a search's number prefixes (`--ref 79/2010/`) expand to, shared.
  static let maxReferencePrefixTerms = 10_000

  /// Whether `--ref` was given a number's beginning (`79/2010/`, `585-`), matched as a prefix.
  static func isNumberPrefix(_ raw: String) -> Bool {
    let trimmed = raw.trimmingCharacters(in: .whitespaces)
    return trimmed.hasSuffix("/") || trimmed.hasSuffix("-")
  }

  static func referenceQuery(
    _ raw: String, date: String?, maxExpansion: Int = maxReferencePrefixTerms
  ) throws -> Query {
    let trimmed = raw.trimmingCharacters(in: .whitespaces)
    if isNumberPrefix(trimmed) {
      guard let p = DocumentNumber.keyPrefix(trimmed) else { return .matchNothing }
      return try Query(wildcard: IndexSchema.reference + p, maxExpansion: max(1, maxExpansion))
    }
    guard let key = DocumentNumber.key(trimmed) else {
      throw VanbanError.badArgument(
        "`\(raw)` is not a document number (expected e.g. 16/CT-TTg, 585-TB/TU, 15/2020/NĐ-CP)")
    }
    if let date { return try Query(term: IndexSchema.referenceDated + key + "@" + date) }
    return try Query(term: IndexSchema.reference + key)
  }
}
