// `Did you mean`: a correction only when it is a better query, else the accented form of words
// typed without marks.
//
// Correcting every word the index lacks gave worse queries: `PCCC` (an abbreviation the query
// expands) became `ccc`. Like Elasticsearch's phrase suggester, a word's candidates are scored by
// the words beside it, here the index's bigram terms (`chua chai` is rare, `chua chay` common),
// and like Recoll the correction is then searched: it is offered only if it finds clearly more
// documents than the query did. That second search runs only when the first found few documents
// or had a word the index lacks, so the common path stays one search.
//
// Candidates for a word are its folded spellings one edit away (dropped, doubled, swapped or
// wrong letter) that the index holds, and Xapian's spelling suggestion, which reads the accented
// words and reaches two edits. Words of an abbreviation, of a document number or with digits are
// never corrected.

/// Chooses the `suggestion` of a search from what the index holds; the index is read through closures.
struct SpellingSuggester {
  /// A plain query (words and phrases, no operators or fields) as the suggester reads and rewrites it.
  struct PlainQuery {
    struct Item {
      var phrase: Bool
      var raw: String
      var words: [Word]
      /// An abbreviation, a document number or a word of several parts (`covid-19`): never corrected.
      var fixed: Bool
    }
    var items: [Item]
    /// AND (the default) or OR (`--any`) between the items.
    var all: Bool

    /// nil for anything but words and phrases joined by the request's own operator (`any`: OR):
    /// an explicit `a OR b` shown as `a b` would be another query.
    init?(_ node: QueryNode, any: Bool = false) {
      let nodes: [QueryNode]
      switch node {
      case .word, .phrase: (nodes, all) = ([node], !any)
      case .and(let xs) where !any: (nodes, all) = (xs, true)
      case .or(let xs) where any: (nodes, all) = (xs, false)
      default: return nil
      }
      var items: [Item] = []
      for n in nodes {
        switch n {
        case .word(let raw), .phrase(let raw):
          let isPhrase = if case .phrase = n { true } else { false }
          let words = Analyzer.words(raw)
          let fixed = (!isPhrase && words.count > 1) || DocumentNumber.key(raw) != nil
          if !words.isEmpty { items.append(Item(phrase: isPhrase, raw: raw, words: words, fixed: fixed)) }
        default: return nil
        }
      }
      guard !items.isEmpty else { return nil }
      self.items = items
      markAbbreviations()
    }

    /// Every run of items that spells a form of an abbreviation (`PCCC`, `bao hiem xa hoi`) is fixed.
    private mutating func markAbbreviations() {
      for start in items.indices {
        var folded: [String] = []
        for end in start..<items.count {
          if items[end].phrase && end > start { break }
          folded += items[end].words.map(\.folded)
          if folded.count > Abbreviations.longestForm { break }
          if Abbreviations.forms(of: folded) != nil {
            for k in start...end { items[k].fixed = true }
          }
          if items[end].phrase { break }
        }
      }
    }

    /// All words, in order.
    var words: [Word] { items.flatMap(\.words) }

    /// Whether the word at each position may be corrected: a syllable of letters in an item that is not fixed.
    var correctable: [Bool] {
      items.flatMap { item in
        item.words.map { w in
          !item.fixed && w.folded.utf8.count >= 2 && w.folded.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
      }
    }

    /// The query with the word at each position of `replacing` changed, for the count search.
    func node(replacing: [Int: Word]) -> QueryNode {
      var position = 0
      var nodes: [QueryNode] = []
      for item in items {
        let changed = item.words.indices.contains { replacing[position + $0] != nil }
        let text =
          changed
          ? item.words.enumerated().map { replacing[position + $0.offset]?.exact ?? $0.element.exact }.joined(
            separator: " ")
          : item.raw
        nodes.append(item.phrase ? .phrase(text) : .word(text))
        position += item.words.count
      }
      return nodes.count == 1 ? nodes[0] : (all ? .and(nodes) : .or(nodes))
    }

    /// All the words, with the word at each position of `replacing` changed, as one phrase: where
    /// they stand together.
    func phrase(replacing: [Int: Word]) -> QueryNode {
      .phrase(words.enumerated().map { replacing[$0.offset]?.exact ?? $0.element.exact }.joined(separator: " "))
    }

    /// The query as the user would type it with the word at each position shown as `forms` says
    /// (nil: as typed). Items of several parts (`16/CT-TTg`) stay as typed.
    func text(_ forms: [String?]) -> String {
      var position = 0
      var parts: [String] = []
      for item in items {
        let shown = item.words.enumerated().map { forms[position + $0.offset] ?? $0.element.exact }
        if item.phrase {
          parts.append("\"" + shown.joined(separator: " ") + "\"")
        } else {
          parts.append(item.words.count == 1 ? shown[0] : item.raw)
        }
        position += item.words.count
      }
      return parts.joined(separator: " ")
    }
  }

  /// Matches of a query and the heads of its best few documents' texts.
  struct Count {
    var total: Int
    var texts: [String]
  }

  /// `--exact`: words are matched as typed, so they are looked up and corrected as typed.
  var exact = false
  /// Documents holding a term (0 when it is missing or cannot be read).
  var termFrequency: (String) -> Int
  /// Xapian's spelling suggestion for an accented word, "" for none.
  var spelling: (String) -> String
  /// The query searched as the original was (same filters, same copies), nil when that fails.
  var count: (QueryNode) -> Count?

  /// Fewer matches than this and the correction is looked for even if every word is known.
  static let fewHits = 10
  /// An existing word is a candidate for correction when a spelling is this many times commoner.
  static let rareFactor = 20
  /// Documents a spelling must stand beside a neighbour in to be read as what the context wants.
  static let minContext = 2
  /// Two words side by side in fewer than one in this many of the rarer one's documents are suspect.
  static let pairShare = 10
  /// A query that found many documents is corrected only for a context this many times stronger.
  static let strictFactor = 10
  /// At most this many corrections are searched (each once, and as a phrase if its count is close).
  static let maxCountSearches = 3

  /// The suggestion for `query`, which found `total` documents whose best ones begin with `texts`.
  func suggest(_ query: PlainQuery, total: Int, texts: @autoclosure () -> [String]) -> String? {
    // Few matches: any word may be wrong. Many: only a word the index lacks, or one that stands
    // beside its neighbour far less often than either appears (`chua chai`), and only for a
    // spelling the context wants far more.
    let few = total < Self.fewHits
    let suspects = few ? Set(query.correctable.indices.filter { query.correctable[$0] }) : suspectWords(query)
    if !suspects.isEmpty, let fixed = correction(query, total: total, suspects: suspects, strict: !few) {
      return fixed
    }
    return accented(query, texts: texts)
  }

  /// Positions of correctable words the index lacks, or that stand beside a neighbour in fewer
  /// than one in `pairShare` of the documents holding the rarer of the two: term lookups only.
  func suspectWords(_ query: PlainQuery) -> Set<Int> {
    let words = query.words
    let correctable = query.correctable
    let frequencies = words.map { termFrequency(term($0)) }
    var out = Set<Int>()
    for p in words.indices where correctable[p] && frequencies[p] == 0 { out.insert(p) }
    for p in words.indices.dropLast() where correctable[p] || correctable[p + 1] {
      let rarer = min(frequencies[p], frequencies[p + 1])
      if rarer > 0 && termFrequency(bigram(words[p], words[p + 1])) * Self.pairShare < rarer {
        for q in [p, p + 1] where correctable[q] { out.insert(q) }
      }
    }
    return out
  }

  func bigram(_ a: Word, _ b: Word) -> String { IndexSchema.bigramTerm(a.folded, b.folded) }

  /// The term a word is looked up by.
  func term(_ w: Word) -> String { exact ? IndexSchema.exact + w.exact : w.folded }

  // MARK: - Correction

  /// A corrected query that finds clearly more documents than `total` (or as many, with its words
  /// standing together clearly more often), shown with the accented forms its documents use.
  func correction(_ query: PlainQuery, total: Int, suspects: Set<Int>, strict: Bool) -> String? {
    let words = query.words
    var proposals: [(position: Int, word: Word, rank: Rank)] = []
    for p in suspects.sorted() {
      if let (w, rank) = bestCandidate(at: p, in: words, strict: strict) { proposals.append((p, w, rank)) }
    }
    guard !proposals.isEmpty else { return nil }
    proposals.sort { $0.rank > $1.rank }
    // Each correction alone, best first, then all together (for two typos in one query).
    var trials: [[Int: Word]] = proposals.prefix(Self.maxCountSearches).map { [$0.position: $0.word] }
    if proposals.count > 1 {
      trials.insert(
        Dictionary(uniqueKeysWithValues: proposals.map { ($0.position, $0.word) }), at: min(trials.count, 1))
    }
    var best: (edits: [Int: Word], count: Count)? = nil
    var typedPhrase: Int? = nil  // documents where the words as typed stand together, read once
    for edits in trials.prefix(Self.maxCountSearches) {
      // Never fewer matches than the query: a correction must not narrow it.
      guard var c = count(query.node(replacing: edits)), c.total >= total else { continue }
      if !Self.isClearlyMore(c.total, than: total) {
        // Words common in long texts (`thự hiện chương trình`, where `thu` is a word) match about
        // as many documents either way; then the words standing together must be clearly
        // commoner, as Elasticsearch's phrase suggester collates with a phrase query.
        guard words.count > 1, let phrase = count(query.phrase(replacing: edits)), phrase.total >= Self.minContext
        else { continue }
        if typedPhrase == nil { typedPhrase = count(query.phrase(replacing: [:]))?.total ?? Int.max / 4 }
        guard Self.isClearlyMore(phrase.total, than: typedPhrase!) else { continue }
        c.texts = phrase.texts
      }
      // Fewer edits first (a needless edit is a worse query); then more matches.
      if let b = best, b.edits.count < edits.count || (b.edits.count == edits.count && b.count.total >= c.total) {
        continue
      }
      best = (edits, c)
    }
    guard let (edits, found) = best else { return nil }
    var corrected = words
    for (p, w) in edits { corrected[p] = w }
    let forms = exact ? corrected.map { $0.exact } : AccentForms.forms(of: corrected.map(\.folded), in: found.texts)
    let shown = corrected.indices.map { p -> String? in
      // A word typed with marks and left alone is shown as typed.
      if edits[p] == nil && words[p].exact != words[p].folded { return words[p].exact }
      return forms[p] ?? corrected[p].exact
    }
    return query.text(shown)
  }

  /// A correction found clearly more: some where the query found none, else at least twice as many and a few more.
  static func isClearlyMore(_ corrected: Int, than original: Int) -> Bool {
    original == 0 ? corrected > 0 : corrected >= 2 * original && corrected >= original + 3
  }

  /// The best spelling for the word at `p`, and its rank among proposals: the one that stands
  /// beside the query's other words far more often than the typed word does, else, for a word the
  /// index lacks or (unless `strict`) barely has, the commonest. `strict` (the query found many
  /// documents) asks the context for `strictFactor` times more.
  func bestCandidate(at p: Int, in words: [Word], strict: Bool) -> (Word, Rank)? {
    let w = words[p]
    let own = termFrequency(term(w))
    let scored = candidates(for: w).map { c in
      (word: c, context: context(c, at: p, in: words), frequency: termFrequency(term(c)))
    }
    guard !scored.isEmpty else { return nil }
    let ownContext = context(w, at: p, in: words)
    if let top = scored.max(by: {
      ($0.context.sides, $0.context.documents, $0.frequency) < ($1.context.sides, $1.context.documents, $1.frequency)
    }),
      top.context.sides >= ownContext.sides,
      top.context.documents >= max(Self.minContext, (strict ? Self.strictFactor : 2) * ownContext.documents + 1)
    {
      return (top.word, Rank(sides: top.context.sides, documents: top.context.documents, frequency: top.frequency))
    }
    guard let top = scored.max(by: { $0.frequency < $1.frequency }), top.frequency > own,
      own == 0 || (!strict && own * Self.rareFactor <= top.frequency)
    else { return nil }
    return (top.word, Rank(sides: 0, documents: 0, frequency: top.frequency))
  }

  /// How well a spelling fits where it stands: neighbours it is seen beside, and documents
  /// holding its bigrams with them. Both sides first: `người coa tuổi` wants `cao` (seen beside
  /// both) over `có`, common after `người` but never before `tuổi`.
  struct Rank: Comparable {
    var sides: Int
    var documents: Int
    var frequency: Int
    static func < (a: Rank, b: Rank) -> Bool {
      (a.sides, a.documents, a.frequency) < (b.sides, b.documents, b.frequency)
    }
  }

  /// How `c`, put at `p`, stands beside its neighbours in the query: how many of them it is seen
  /// beside, and the documents holding its bigrams with them. A lone word has no neighbours.
  func context(_ c: Word, at p: Int, in words: [Word]) -> (sides: Int, documents: Int) {
    var sides = 0
    var documents = 0
    for pair in [p > 0 ? bigram(words[p - 1], c) : nil, p + 1 < words.count ? bigram(c, words[p + 1]) : nil] {
      guard let pair else { continue }
      let n = termFrequency(pair)
      if n > 0 { sides += 1 }
      documents += n
    }
    return (sides, documents)
  }

  /// Spellings of `w` the index holds: folded ones edit away (not with `--exact`), and Xapian's suggestion.
  func candidates(for w: Word) -> [Word] {
    var out: [Word] = []
    var seen: Set<String> = [term(w)]
    func add(_ c: Word) {
      if seen.insert(term(c)).inserted { out.append(c) }
    }
    let s = spelling(w.exact)
    if !s.isEmpty {
      let folded = VietnameseFolding.fold(s)
      add(
        exact
          ? Word(exact: s, folded: folded, scalarRange: 0..<0) : Word(exact: folded, folded: folded, scalarRange: 0..<0)
      )
    }
    if !exact {
      // In sorted order: neighbouring spellings share the index's blocks, which Xapian then reads
      // once, not once per lookup; and a tie between two candidates is settled the same way in
      // every run (a Set's order changes from process to process).
      for e in Self.edits(of: w.folded).sorted() where termFrequency(e) > 0 {
        add(Word(exact: e, folded: e, scalarRange: 0..<0))
      }
    }
    return out
  }

  /// Every folded spelling one edit from `word` (a-z only): a letter dropped, added, changed, or
  /// swapped with its neighbour.
  static func edits(of word: String) -> Set<String> {
    let letters = Array(word.utf8)
    let alphabet = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
    var out = Set<String>()
    func add(_ bytes: [UInt8]) { out.insert(String(decoding: bytes, as: UTF8.self)) }
    for i in letters.indices {
      var dropped = letters
      dropped.remove(at: i)
      add(dropped)
      if i + 1 < letters.count {
        var swapped = letters
        swapped.swapAt(i, i + 1)
        add(swapped)
      }
      for a in alphabet where a != letters[i] {
        var changed = letters
        changed[i] = a
        add(changed)
      }
    }
    for i in 0...letters.count {
      for a in alphabet {
        var added = letters
        added.insert(a, at: i)
        add(added)
      }
    }
    out.remove(word)
    out.remove("")
    return out
  }

  // MARK: - Accents

  /// Words typed without marks, shown as the matching documents write them (`tiem chung` →
  /// `tiêm chủng`); nil when any word has no reliable form (never a patchwork) or nothing changes.
  func accented(_ query: PlainQuery, texts readTexts: () -> [String]) -> String? {
    let words = query.words
    guard !exact, words.allSatisfy({ $0.exact == $0.folded }),
      words.contains(where: { $0.folded.contains(where: \.isLetter) })
    else { return nil }
    // Read only here: most queries are typed with marks and never need the texts.
    let texts = readTexts()
    guard !texts.isEmpty else { return nil }
    let forms = AccentForms.forms(of: words.map(\.folded), in: texts)
    // Every word shown must have a form: one left bare among accented ones reads as a typo. An
    // abbreviation may be missing from texts that matched its full form: it stays as typed.
    var position = 0
    for item in query.items {
      let shown = !item.fixed && (item.phrase || item.words.count == 1)
      for (k, w) in item.words.enumerated()
      where shown && forms[position + k] == nil && w.folded.contains(where: \.isLetter) {
        return nil
      }
      position += item.words.count
    }
    let s = query.text(forms)
    return s != query.text(words.map { $0.exact }) ? s : nil
  }
}
