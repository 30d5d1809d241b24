// Runs searches over one index, several shards, or remote shards (`tcp://host:port`), and turns
// Xapian matches into SearchHit values for the printers.

import Foundation
import Xapian

/// Answers searches, `show`, `refs`, `cites` and `stats` over one index or several (local shards, remote servers).
public final class Searcher {
  public let locations: [String]
  let db: Database
  /// Each shard on its own: user metadata (the files not indexed) is read shard by shard, since
  /// a combined database answers metadata from its first shard only.
  let shards: [Database]
  var ranking = RankingParameters.current
  var facetSampling = FacetSampling()
  /// Facet values held in memory (FacetTable.swift), set by a long-lived reader; used only while
  /// this searcher is at the state it was read at.
  public var facetTable: FacetTable?
  /// Whether facets are counted from the index folder's table file when no table is set
  /// (FacetTableFile.swift): a one-off search reads it. The server's readers share the table the
  /// server keeps instead of reading one each.
  public var readsFacetTableFile = true
  /// The state whose table file was last looked for, so a search that found none does not look
  /// again at the same state.
  var facetTableFileTried: String?

  /// Opens every location as one database. A missing local index is an error, not an empty one.
  public init(indexes: [String]) throws {
    locations = indexes
    let combined = Database()
    var shards: [Database] = []
    for location in indexes {
      for shard in try Self.open(location) {
        try combined.add(shard)
        shards.append(shard)
      }
    }
    db = combined
    self.shards = shards
  }

  static func open(_ location: String) throws -> [Database] {
    do {
      if location.hasPrefix("tcp://") {
        let rest = location.dropFirst("tcp://".count)
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) else {
          throw VanbanError.badArgument("bad remote index `\(location)` (expected tcp://HOST:PORT)")
        }
        return [try Database(remoteHost: String(rest[..<colon]), port: port)]
      }
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: location, isDirectory: &isDir) else {
        throw VanbanError.indexNotFound(location)
      }
      guard isDir.boolValue else { throw VanbanError.notAnIndex(location, "it is a file") }
      // Opening can race a writer's commit like any read, and a rebuild's swap of the manifest
      // (the shards just read may be gone): retry both the same way.
      var attempt = 0
      while true {
        do {
          return try openShards(location)
        } catch let e as XapianError where (e.isTransientForReader || isGone(e)) && attempt < 25 {
          attempt += 1
          usleep(useconds_t(2_000 * attempt))
        }
      }
    } catch {
      throw VanbanError.from(error, index: location)
    }
  }

  /// The shards listed by the manifest of the index folder `location`. Never through a Xapian
  /// stub file: see IndexManifest.
  static func openShards(_ location: String) throws -> [Database] {
    guard let manifest = try IndexManifest.read(location) else {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: location)) ?? [])
        .filter { !IndexFolder.userKept.contains($0) && $0 != IndexFolder.lockName }
      if names.isEmpty { throw VanbanError.indexNotFound(location) }
      // Someone else's database (omega, notmuch): never advise a rebuild, which would be refused.
      if let (path, reason) = IndexFolder.foreignDatabase(in: location) {
        throw VanbanError.unsafeIndexFolder(location, "it holds `\(path)`, \(reason): not a vanban index")
      }
      if IndexFolder.hasLegacyLayout(location) {
        throw VanbanError.notAnIndex(
          location, "no \(IndexManifest.fileName), only the layout of an older vanban or a Xapian stub")
      }
      throw VanbanError.notAnIndex(location, "it has no \(IndexManifest.fileName)")
    }
    var shards: [Database] = []
    for folder in try manifest.shardFolders(in: location) {
      let db = try Database(path: folder)
      let version = try db.metadata(IndexSchema.versionKey)
      if version.isEmpty { throw VanbanError.indexIncomplete(location) }
      if version != IndexSchema.version { throw VanbanError.indexVersion(location, found: version) }
      shards.append(db)
    }
    return shards
  }

  /// A shard that vanished between reading the manifest and opening it: a rebuild swapped in a
  /// new generation and deleted the old one. The manifest read again names the new shards.
  static func isGone(_ e: XapianError) -> Bool {
    e.code == .databaseNotFound || e.code == .databaseOpening
  }

  /// Xapian raises DatabaseModifiedError when a writer commits twice under a long read; the
  /// answer is to reopen at the latest commit and ask again.
  func retrying<T>(_ body: () throws -> T) throws -> T {
    var attempt = 0
    let deadline = Date().addingTimeInterval(Self.retryBudget)
    while true {
      do {
        return try body()
      } catch let e as XapianError
        where e.isTransientForReader && (attempt < 25 || (e.condition == .revisionDiscarded && Date() < deadline))
      {
        // A writer recycling the blocks under a read (DatabaseModifiedError, or a "corrupt" block
        // reused before the reader noticed) goes away on reopen; a really damaged index keeps
        // failing and is then reported as corrupt.
        // A writer committing small batches can move on twice during one read, again and again,
        // and more so on a loaded machine, where a read is slow: reopen at the latest commit, give
        // it a moment (growing to 50 ms), and ask again, for up to `retryBudget` seconds (a block
        // that reads as damaged 25 times running is damaged: it is reported then).
        attempt += 1
        if attempt > 1 { usleep(useconds_t(min(2_000 * attempt, 50_000))) }
        _ = try? db.reopen()
      } catch {
        throw VanbanError.from(error, index: locations.joined(separator: ", "))
      }
    }
  }

  /// How long a read races a writer's commits before it gives up (see `retrying`).
  static let retryBudget: TimeInterval = 5

  public func documentCount() throws -> Int { try retrying { try db.documentCount() } }

  // MARK: - Search

  public func search(_ request: SearchRequest) throws -> SearchResult {
    if let t = request.timeLimit, !(t.isFinite && t >= 0) {
      throw VanbanError.badArgument("a time limit must be a number of seconds, 0 or more")
    }
    // One deadline for every pass that may read many matches: the words, then the relaxed OR.
    // A remote shard's server does not know the deadline's posting source (the match would fail
    // there), so searches over remote shards run without one.
    let deadline = try request.timeLimit.flatMap { $0 > 0 && !hasRemoteShards ? $0 : nil }.map {
      try MatchDeadline(seconds: $0)
    }
    var result = try search(request, until: deadline)
    if let deadline, deadline.stoppedAMatch, let seconds = request.timeLimit {
      result.timedOut = true
      result.notes.append(
        "\(Self.timedOutNote) (\(String(format: "%g", seconds)) s) and was stopped: these are the best of "
          + "the documents it read, and the total is an estimate")
    }
    return result
  }

  /// Whether a location is a remote shard (`tcp://`), which cannot run vanban's own posting sources.
  var hasRemoteShards: Bool { locations.contains { $0.hasPrefix("tcp://") } }

  /// How the note on a search stopped at its time limit begins.
  public static let timedOutNote = "the search took longer than its time limit"

  private func search(_ request: SearchRequest, until deadline: MatchDeadline?) throws -> SearchResult {
    var notes: [String] = []
    var node: QueryNode?
    do {
      node = try QueryLanguage.parse(request.text, defaultAnd: !request.any)
    } catch let e as QuerySyntaxError {
      notes.append("query read as plain words (\(e.description))")
      node = QueryLanguage.plainWords(request.text, defaultAnd: !request.any)
    }
    if node == nil {
      // Text with nothing searchable in it (`(((`, `AND`) reads as `!!!` does: a note, and no
      // documents, or what the filters match. No text and no filter is a usage error.
      if request.text.contains(where: { !$0.isWhitespace }) {
        return try run(.word(""), request, notes: notes, until: deadline)
      }
      guard !request.filters.isEmpty else { throw VanbanError.nothingToSearch }
    }
    var result: SearchResult
    do {
      result = try run(node, request, notes: notes, until: deadline)
    } catch let e as QuerySyntaxError {
      // A field value that parses but cannot be used (`date:2022-13`): plain words, with a note.
      notes.append("query read as plain words (\(e.description))")
      node = QueryLanguage.plainWords(request.text, defaultAnd: !request.any)
      guard node != nil || !request.filters.isEmpty else { throw VanbanError.badQuery(e.description) }
      result = try run(node, request, notes: notes, until: deadline)
    }
    // AND found nothing: show what OR finds, and say so. Not when it found nothing for want of
    // time: the OR would stop at once, and say the words are in no document together.
    if result.total == 0 && !request.any && request.relax, deadline?.stoppedAMatch != true,
      let n = node, Self.isPlainConjunction(n)
    {
      let relaxedNode = QueryLanguage.plainWords(request.text, defaultAnd: false)
      var r = request
      r.any = true
      var relaxed = try run(relaxedNode, r, notes: notes, suggest: false, until: deadline)
      if relaxed.total > 0 {
        relaxed.relaxed = true
        relaxed.suggestion = result.suggestion  // what the words typed, all of them, should have been
        relaxed.notes.append("no document has all the words; showing documents with any of them")
        result = relaxed
      }
    }
    return result
  }

  /// What the user must know about how the query was read: words left out, or none searchable.
  static func notes(for c: CompiledQuery, maxTerms: Int, filters: Bool) -> [String] {
    var notes: [String] = []
    for w in c.tooLongWords.prefix(3) {
      notes.append(
        "`\(w.prefix(24))…` is longer than \(WordTokenizer.maxWordBytes) bytes, too long to be indexed: left out")
    }
    if c.droppedTerms > 0 {
      notes.append("the query has more than \(maxTerms) words: the last \(c.droppedTerms) were left out")
    }
    if c.noSearchableWords {
      notes.append(
        filters
          ? "the query has no searchable words (only punctuation, symbols or over-long words): listing what the filters match"
          : "the query has no searchable words (only punctuation, symbols or over-long words): no documents match")
    }
    return notes
  }

  /// Relaxing only makes sense for a plain list of words, not for explicit operators.
  static func isPlainConjunction(_ node: QueryNode) -> Bool {
    switch node {
    case .and(let items):
      return items.count > 1 && items.allSatisfy { if case .word = $0 { return true } else { return false } }
    default: return false
    }
  }

  func run(
    _ node: QueryNode?, _ request: SearchRequest, notes: [String], suggest: Bool = true, until deadline: MatchDeadline?
  ) throws -> SearchResult {
    var compiler = queryCompiler(for: request)
    let compiled = try compiler.compile(node, filters: request.filters)
    // The page's match is bounded by the deadline. Should it stop, the total is sampled (bounded
    // by the sample's size), and neither facets nor a suggestion is counted: each would read
    // the matches again without a bound.
    let ranked = try deadline.map { try Query(.filter, [compiled.query, Query(until: $0)]) } ?? compiled.query
    let notes = notes + Self.notes(for: compiled, maxTerms: compiler.maxTerms, filters: !request.filters.isEmpty)
    let limit = max(0, min(request.limit, 100_000))
    let offset = max(0, request.offset)
    return try retrying {
      let enquire = try Enquire(database: db)
      try enquire.setQuery(ranked)
      try enquire.setBM25(k1: ranking.k1, b: ranking.b)
      switch request.sort {
      case .relevance:
        if !compiled.hasText { try enquire.setSortByValue(IndexSchema.Slot.date.rawValue, reverse: true) }
      case .newest: try enquire.setSortByValueThenRelevance(IndexSchema.Slot.date.rawValue, reverse: true)
      case .oldest: try enquire.setSortByValueThenRelevance(IndexSchema.Slot.date.rawValue, reverse: false)
      }
      let collapse = !request.allCopies
      if collapse { try enquire.setCollapseKey(IndexSchema.Slot.copyKey.rawValue) }
      // The first 100 matches are counted, and `total` counts or estimates the rest (MatchTotal.swift).
      // Xapian counts in 32 bits; an offset near Int.max must not trap (limit is at most 100,000).
      let pageEnd = min(min(offset, Int(UInt32.max)) + limit, Int(UInt32.max))
      // Sorted by date, Xapian reads every match to find the page anyway: asking it to check 1,001
      // costs little more and makes totals up to 1,000 exact in the same pass (measured: agency
      // p50 +1 ms, where a pass of its own cost +5). Not with a date range, where it can stop
      // early, nor sorted by relevance: there `total` counts or samples only when worth it.
      let dateRange = request.filters.since != nil || request.filters.until != nil || !request.filters.year.isEmpty
      let byValue = (request.sort != .relevance || !compiled.hasText) && !dateRange
      // No page (`--limit 0`, a count): Xapian asked to check any match with no page to fill
      // checks every one, and with copies collapsed that took 80 ms for 43,000 matches, against
      // 3 ms for a page of 10; `total` counts or samples instead.
      let checkAtLeast = limit == 0 ? 0 : max(byValue ? Self.exactTotalUpTo + 1 : 100, pageEnd)
      let mset = try enquire.matches(offset: offset, limit: limit, checkAtLeast: checkAtLeast)
      var hits: [SearchHit] = []
      let names = DocumentNames(db: db)
      var texts: [ArraySlice<UInt8>] = []  // the best hits' texts, for the suggestion's accented forms
      var citingLinesCut = false
      for (i, m) in mset.enumerated() {
        let doc = try mset.document(at: i)
        let (stored, text) = try StoredDocument.decodeHeader(data: try doc.data())
        if i < Self.suggestionTexts { texts.append(text) }
        let snippet = Snippet.make(utf8: text, terms: compiled.highlight, passages: request.snippetPassages)
        var hit = SearchHit(rank: offset + i + 1, score: m.weight, stored: stored, snippet: snippet)
        hit.id = try names.uniqueID(of: stored)
        if !request.filters.reference.isEmpty {
          var lines = Self.citations(
            in: stored, text: text, matching: request.filters.reference, date: request.filters.referenceDate,
            limit: Self.maxCitingLines + 1)
          if lines.count > Self.maxCitingLines {
            lines.removeLast()
            citingLinesCut = true
          }
          hit.citations = lines
        }
        if !request.allCopies { hit.copies = try copies(of: doc, docid: m.docid) }
        hits.append(hit)
      }
      var result = SearchResult(
        query: request.text, total: 0, offset: offset, limit: limit, hits: hits, notes: notes)
      (result.total, result.totalExact) = total(
        compiled.query, page: mset, offset: offset, limit: limit, checked: checkAtLeast,
        byValue: byValue, collapse: collapse, pageStopped: deadline?.stoppedAMatch == true)
      result.citing = !request.filters.reference.isEmpty
      if citingLinesCut {
        result.notes.append(
          "a document cites it more than \(Self.maxCitingLines) times: its first \(Self.maxCitingLines) citing lines are listed"
        )
      }
      let stopped = deadline?.stoppedAMatch == true
      if request.facets && !stopped {
        (result.facets, result.facetsExact) = try facets(for: compiled.query, total: result.total)
      } else if request.facets {
        result.facetsExact = false
      }
      if suggest && !stopped {
        result.suggestion = suggestion(for: node, request, total: result.total, texts: texts.map(Self.suggestionText))
      }
      return result
    }
  }

  /// The other documents with `doc`'s copy key, in index order: the copies collapsed into its hit.
  /// Each copy is named from its path in its value slot, not from its stored data, which would
  /// decompress its whole text (50,000 files of four copies each: the hits' p50 7–9 → 5–6 ms).
  func copies(of doc: Document, docid: UInt32) throws -> [DocumentCopy] {
    let key = try doc.value(IndexSchema.Slot.copyKey.rawValue)
    guard !key.isEmpty else { return [] }
    let ids = try db.postings(IndexSchema.copyKey + key)
    guard ids.count > 1 else { return [] }
    let names = DocumentNames(db: db)
    return try ids.filter { $0 != docid }.prefix(Self.maxCopiesListed).map { id in
      let path = try db.document(id).value(IndexSchema.Slot.path.rawValue)
      return DocumentCopy(id: try names.uniqueID(name: StoredDocument.name(ofPath: path), path: path), path: path)
    }
  }

  /// A key many files share (one template copied into every folder) lists this many of them.
  static let maxCopiesListed = 50
}
