// The readers a server shares between its requests: a few, so that one slow query holds one of
// them and the other requests go on with the rest.

import Foundation
import VanbanKit

/// A read-only index set and its pool of readers (`IndexReader`), each used by one request at a time.
public final class IndexService: Sendable {
  public let locations: [String]
  private let pool: ReaderPool
  private let statsCache = StatsCache()
  let facetTables: FacetTableKeeper
  /// The citation maps being drawn, a few at a time (one `dot` process each): those the API asks
  /// for, and the small ones of the document pages.
  let drawings: DrawingGate
  let pageMapDrawings: DrawingGate
  /// Seconds a search may run before it stops with the best hits it found (`--time-limit`);
  /// nil: no limit.
  public let searchTimeLimit: Double?

  /// Opens the indexes now, `readers` times (default: `defaultReaders`), so that a wrong
  /// `--index` fails at start rather than on a request.
  public init(
    locations: [String], readers: Int? = nil, searchTimeLimit: Double? = SearchRequest.serverTimeLimit
  ) throws {
    self.locations = locations
    self.searchTimeLimit = searchTimeLimit
    let count = readers ?? Self.defaultReaders(cores: ProcessInfo.processInfo.activeProcessorCount)
    drawings = DrawingGate(limit: ProcessInfo.processInfo.activeProcessorCount)
    pageMapDrawings = DrawingGate(limit: ProcessInfo.processInfo.activeProcessorCount)
    let facetTables = FacetTableKeeper(locations: locations)
    self.facetTables = facetTables
    pool = ReaderPool(
      try (0..<max(1, count)).map { try IndexReader(locations: locations, number: $0, facetTables: facetTables) })
  }

  /// Two readers per core, 4 to 16. With one per core, as many slow requests as cores (a graph
  /// of 2,000 nodes, 64 prefixes: most of a second each) made every other request wait for them;
  /// with two, the others share the cores with them instead. Each reader is a thread of its own
  /// (a serial dispatch queue) and an open database: a few hundred kB.
  public static func defaultReaders(cores: Int) -> Int { min(16, max(4, 2 * cores)) }

  /// Runs `body` with a free reader's searcher, at the index's latest commit; waits for a reader
  /// when all are busy. A `heavy` request (a long page, an export, a graph, a long text) holds one of at most
  /// half the readers, so that however many of them come, the other half answers the ordinary
  /// searches (eight searches of 10,000 hits each made a 7 ms search wait 7 s).
  public func run<T: Sendable>(
    heavy: Bool = false, _ body: @escaping @Sendable (Searcher) throws -> T
  ) async throws
    -> T
  {
    let reader = try await pool.acquire(heavy: heavy)
    do {
      let value = try await reader.run(body)
      await pool.release(reader, heavy: heavy)
      return value
    } catch {
      await pool.release(reader, heavy: heavy)
      throw error
    }
  }

  /// Runs `search` on a free reader, bounded by `searchTimeLimit`, and hands `body` its result;
  /// heavy when `isHeavy` says so (a far page, a long text, a wildcard).
  func search<T: Sendable>(
    _ search: SearchRequest, _ body: @escaping @Sendable (SearchResult) throws -> T
  ) async throws -> T {
    var bounded = search
    bounded.timeLimit = bounded.timeLimit ?? searchTimeLimit
    return try await run(heavy: Self.isHeavy(bounded)) { [bounded] searcher in
      try body(try searcher.search(bounded))
    }
  }

  /// Whether a search asking for hits up to `end` (offset + limit) is heavy: past the first pages.
  public static func isHeavy(end: Int) -> Bool { end > heavyAfter }
  /// Whether `search` is heavy: its page ends past the first pages, its text is long or holds a
  /// wildcard, or it cites a number in the text or by a number's beginning. An AND of many words
  /// that no document holds together becomes an OR of all of them, and a prefix an OR of its words; either can read most of the index (64 common words:
  /// 3 s at a million documents, where a search of a few words takes tens of milliseconds). Eight
  /// of those at once held every reader, and a search of two words waited 12 s behind them.
  public static func isHeavy(_ search: SearchRequest) -> Bool {
    if isHeavy(end: search.offset + search.limit) || search.text.contains("*") { return true }
    // A number prefix reads the postings of up to 10,000 cited numbers, in `ref` or in the text.
    if search.filters.hasNumberPrefix { return true }
    if search.text.range(of: "ref:", options: .caseInsensitive) != nil { return true }
    var words = 0
    for part in search.text.split(whereSeparator: \.isWhitespace) where !part.isEmpty {
      words += 1
      if words > heavyWords { return true }
    }
    return false
  }
  /// Words a search's text may hold and still be an ordinary search: a question typed in full
  /// ("người nghiện ma túy bị xử lý thế nào") is nine syllables.
  public static let heavyWords = 12
  /// Hits a page may reach and still be an ordinary search: five pages of the site's twenty.
  public static let heavyAfter = 100
}

extension IndexService {
  /// `stats(top:)` at the index's latest commit, worked out once per commit (`StatsCache`).
  public func stats(top: Int) async throws -> IndexStats {
    try await run { [statsCache] searcher in
      guard let state = searcher.stateKey() else { return try searcher.stats(top: top) }
      if let kept = statsCache.value(state: state, top: top) { return kept }
      let stats = try searcher.stats(top: top)
      statsCache.store(stats, state: state, top: top)
      return stats
    }
  }
}

/// Free readers, and the requests waiting for one, first come first served. The queue is bounded:
/// past `maxWaiting` a request is turned away at once (503) rather than held, so a flood of
/// requests cannot pile up memory and latency without end.
///
/// Heavy requests hold at most `heavyMax` readers at once; a reader given back goes to an ordinary
/// request waiting first, then to a heavy one if the heavy share has room.
actor ReaderPool {
  static let maxWaiting = 256
  private var free: [IndexReader]
  private var waiting: [CheckedContinuation<IndexReader, Never>] = []
  private var heavyWaiting: [CheckedContinuation<IndexReader, Never>] = []
  /// Readers heavy requests hold now.
  private var heavyHeld = 0
  /// Half the readers, at least one.
  let heavyMax: Int

  init(_ readers: [IndexReader]) {
    free = readers
    heavyMax = max(1, readers.count / 2)
  }

  func acquire(heavy: Bool = false) async throws -> IndexReader {
    if !heavy || heavyHeld < heavyMax, let r = free.popLast() {
      if heavy { heavyHeld += 1 }
      return r
    }
    guard waiting.count + heavyWaiting.count < Self.maxWaiting else {
      throw APIError(.serviceUnavailable, "the server is busy; try again in a moment")
    }
    // A heavy waiter's share is counted when a reader is handed to it (`release`).
    return await withCheckedContinuation { heavy ? heavyWaiting.append($0) : waiting.append($0) }
  }

  func release(_ reader: IndexReader, heavy: Bool = false) {
    if heavy { heavyHeld -= 1 }
    if !waiting.isEmpty {
      waiting.removeFirst().resume(returning: reader)
    } else if !heavyWaiting.isEmpty && heavyHeld < heavyMax {
      heavyHeld += 1
      heavyWaiting.removeFirst().resume(returning: reader)
    } else {
      free.append(reader)
    }
  }
}
