// The citation neighbourhood of a document or a document number, for `vanban graph`.
//
// Nodes are indexed documents and numbers that are only cited. An edge goes from a citing
// document to what it cites. A citation is linked to an indexed document when that document's
// own number is the cited one and, when the citation gives a date, the dates agree: `16/CT-TTg`
// of 2020 and of 2022 are two documents, and only the date beside a citation tells them apart.
// Otherwise the cited number is its own node, one per (number, date cited), so the 2020 and 2022
// directives stay apart there too.

import Foundation
import Xapian

/// The documents around one number: who cites it, what it cites, to a given depth.
public struct CitationGraph: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// A document in the index.
    case document
    /// A number cited by an indexed document, not itself indexed (or not resolvable to one).
    case cited
  }

  public struct Node: Codable, Sendable, Equatable {
    /// Unique key within the graph: `doc:<path>` or `ref:<number>[@<date cited>]`.
    public var key: String
    public var kind: Kind
    /// The document's own number, or the cited number (canonical form).
    public var number: String?
    /// The document's type, or the type the citing text gives (`Chỉ thị`).
    public var type: String?
    /// The document's date, or the date written beside the citation (ISO, maybe partial).
    public var date: String?
    public var issuer: String?
    /// Document id (file name without extension) and path; null for a cited-only number.
    public var id: String?
    public var path: String?
    /// Hops from the start (0 for the start itself).
    public var depth: Int
    public var start: Bool

    enum CodingKeys: String, CodingKey { case key, kind, number, type, date, issuer, id, path, depth, start }

    /// Every key, `null` when unknown (as the search JSON does).
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(key, forKey: .key)
      try c.encode(kind, forKey: .kind)
      try c.encode(number, forKey: .number)
      try c.encode(type, forKey: .type)
      try c.encode(date, forKey: .date)
      try c.encode(issuer, forKey: .issuer)
      try c.encode(id, forKey: .id)
      try c.encode(path, forKey: .path)
      try c.encode(depth, forKey: .depth)
      try c.encode(start, forKey: .start)
    }
  }

  public struct Edge: Codable, Sendable, Equatable {
    /// Keys of the citing document and of what it cites.
    public var from: String
    public var to: String
    /// The number as the citing text writes it (canonical), with the date and type given beside it.
    public var number: String
    public var date: String?
    public var type: String?
    /// Line of the citing document where the citation starts.
    public var line: Int

    enum CodingKeys: String, CodingKey { case from, to, number, date, type, line }

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(from, forKey: .from)
      try c.encode(to, forKey: .to)
      try c.encode(number, forKey: .number)
      try c.encode(date, forKey: .date)
      try c.encode(type, forKey: .type)
      try c.encode(line, forKey: .line)
    }
  }

  public var version = 1
  /// The start as given.
  public var query: String
  public var depth: Int
  /// True when `maxNodes` was reached and the neighbourhood was cut.
  public var truncated = false
  public var notes: [String] = []
  public var nodes: [Node] = []
  public var edges: [Edge] = []

  /// The note a graph cut at `maxNodes` carries (the CLI adds which option to change).
  public static func cutNote(maxNodes: Int) -> String { "the neighbourhood was cut at \(maxNodes) nodes" }

  /// Whether the start has any neighbour.
  public var hasNeighbours: Bool { !edges.isEmpty }
}

extension Searcher {
  /// The neighbourhood of `start` (a document id or path, else a document number), `depth` hops
  /// wide, with at most `maxNodes` nodes. Unknown ids that are not numbers throw `notInIndex`.
  public func citationGraph(_ start: String, depth: Int = 1, maxNodes: Int = 200) throws -> CitationGraph {
    try retrying {
      var builder = GraphBuilder(db: db, maxNodes: max(1, maxNodes))
      var graph = CitationGraph(query: start, depth: max(0, depth))
      var frontier: [GraphBuilder.Pending] = []
      if let docid = try builder.documentID(start) {
        let stored = try builder.stored(docid)
        _ = builder.addDocument(docid, stored, depth: 0, start: true)
        frontier = [.document(docid)]
      } else if let key = DocumentNumber.key(start) {
        // Every document numbered so, and every (number, date) node its citations make.
        for docid in try db.postings(IndexSchema.number + key) {
          _ = builder.addDocument(docid, try builder.stored(docid), depth: 0, start: true)
          frontier.append(.document(docid))
        }
        frontier.append(.number(key))
      } else {
        throw VanbanError.notInIndex(start)
      }
      var level = 0
      while level < graph.depth, !frontier.isEmpty {
        level += 1
        var next: [GraphBuilder.Pending] = []
        for item in frontier {
          next += try builder.expand(item, depth: level)
        }
        frontier = next
      }
      graph.nodes = builder.nodes
      let names = DocumentNames(db: db)
      for i in graph.nodes.indices {
        if let id = graph.nodes[i].id, let path = graph.nodes[i].path {
          graph.nodes[i].id = try names.uniqueID(name: id, path: path)
        }
      }
      graph.edges = builder.edges
      graph.truncated = builder.truncated
      if builder.truncated {
        graph.notes.append(CitationGraph.cutNote(maxNodes: builder.maxNodes))
      }
      return graph
    }
  }
}

/// Collects nodes and edges while the searcher walks citations. Not thread-safe; one per graph.
struct GraphBuilder {
  enum Pending {
    case document(UInt32)
    /// A cited number key, any date (the start of `graph NUMBER`).
    case number(String)
    /// A cited-only node: its number key and the date cited (nil: cited without a date).
    case citedNode(key: String, date: String?)
  }

  let db: Database
  let maxNodes: Int
  private(set) var nodes: [CitationGraph.Node] = []
  private(set) var edges: [CitationGraph.Edge] = []
  private(set) var truncated = false
  private var nodeIndex: [String: Int] = [:]
  private var edgeSet = Set<String>()
  private var cache: [UInt32: StoredDocument] = [:]
  private var docKeys: [UInt32: String] = [:]
  private var expanded = Set<String>()

  init(db: Database, maxNodes: Int) {
    self.db = db
    self.maxNodes = maxNodes
  }

  // MARK: Lookups

  /// The Xapian docid of an indexed document given by path or id, as `show` finds it.
  func documentID(_ idOrPath: String) throws -> UInt32? {
    switch try DocumentNames(db: db).lookup(idOrPath) {
    case .found(let id): return id
    case .ambiguous(let c):
      throw VanbanError.ambiguousDocument(idOrPath, choices: c.map { "\($0.id) (\($0.path))" })
    case .none: return nil
    }
  }

  mutating func stored(_ docid: UInt32) throws -> StoredDocument {
    if let s = cache[docid] { return s }
    let s = try StoredDocument.decode(data: try db.document(docid).data(), withText: false).0
    cache[docid] = s
    return s
  }

  /// Where one citation of `citing` points: the indexed documents that carry the number (and,
  /// when the citation is dated, the same date), else nil (a cited-only node).
  mutating func resolve(_ c: Citation, citing: UInt32) throws -> [UInt32]? {
    var candidates: [(UInt32, StoredDocument)] = []
    for docid in try db.postings(IndexSchema.number + c.key).prefix(50) where docid != citing {
      candidates.append((docid, try stored(docid)))
    }
    guard !candidates.isEmpty else { return nil }
    if let d = c.date?.iso {
      let same = candidates.filter { _, s in
        guard let own = s.metadata.date?.iso else { return false }
        return own.hasPrefix(d) || d.hasPrefix(own)
      }
      return same.isEmpty ? nil : same.map(\.0)
    }
    if candidates.count == 1 { return [candidates[0].0] }
    // Undated, several documents with that number: a local number is cited within its province.
    let province = try stored(citing).metadata.province
    let near = candidates.filter { province != nil && $0.1.metadata.province == province }
    return near.isEmpty ? nil : near.map(\.0)
  }

  // MARK: Building

  /// Whether a citing document is read: one in the graph always (it is read already, and its
  /// edges still count), another only while there is room, else the graph is marked cut. Reading
  /// every citing document to find that the graph was full made `graph 16/CT-TTg --max-nodes 1`
  /// take 1.8 s on gen-100k.
  mutating func admits(_ citing: UInt32) -> Bool {
    if docKeys[citing] != nil || nodes.count < maxNodes { return true }
    truncated = true
    return false
  }

  static func citedKey(_ c: Citation) -> String { "ref:" + c.number + (c.date.map { "@" + $0.iso } ?? "") }

  /// Adds a document node (if room); returns its key, or nil when the graph is full.
  mutating func addDocument(_ docid: UInt32, _ s: StoredDocument, depth: Int, start: Bool = false) -> String? {
    let key = "doc:" + s.path
    if nodeIndex[key] != nil { return key }
    guard nodes.count < maxNodes else {
      truncated = true
      return nil
    }
    nodeIndex[key] = nodes.count
    docKeys[docid] = key
    let m = s.metadata
    nodes.append(
      .init(
        key: key, kind: .document, number: m.number, type: m.type, date: m.date?.iso, issuer: m.issuer,
        id: s.id, path: s.path, depth: depth, start: start))
    return key
  }

  mutating func addCited(_ c: Citation, depth: Int, start: Bool) -> String? {
    let key = Self.citedKey(c)
    if let i = nodeIndex[key] {
      // Prefer a specific type over the generic `Văn bản` (`Văn bản số 16/CT-TTg`).
      if nodes[i].type == nil || nodes[i].type == "Văn bản", let t = c.type, t != "Văn bản" { nodes[i].type = t }
      if start { nodes[i].start = true }
      return key
    }
    guard nodes.count < maxNodes else {
      truncated = true
      return nil
    }
    nodeIndex[key] = nodes.count
    nodes.append(
      .init(
        key: key, kind: .cited, number: c.number, type: c.type, date: c.date?.iso, issuer: nil,
        id: nil, path: nil, depth: depth, start: start))
    return key
  }

  mutating func addEdge(from: String, to: String, _ c: Citation) {
    let k = from + "\u{1}" + to
    guard !edgeSet.contains(k) else { return }
    edgeSet.insert(k)
    edges.append(.init(from: from, to: to, number: c.number, date: c.date?.iso, type: c.type, line: c.line))
  }

  /// Adds the edges of one citation; new nodes get `depth`. Returns what is new, to expand next.
  mutating func link(_ citing: UInt32, _ c: Citation, depth: Int, startNumber: Bool = false) throws -> [Pending] {
    let s = try stored(citing)
    let existed = docKeys[citing] != nil
    guard let from = addDocument(citing, s, depth: depth) else { return [] }
    var fresh: [Pending] = existed ? [] : [.document(citing)]
    if let targets = try resolve(c, citing: citing) {
      for t in targets {
        let known = docKeys[t] != nil
        guard let to = addDocument(t, try stored(t), depth: startNumber ? 0 : depth, start: startNumber) else {
          continue
        }
        if !known { fresh.append(.document(t)) }
        addEdge(from: from, to: to, c)
      }
    } else {
      let known = nodeIndex[Self.citedKey(c)] != nil
      guard let to = addCited(c, depth: startNumber ? 0 : depth, start: startNumber) else { return fresh }
      if !known { fresh.append(.citedNode(key: c.key, date: c.date?.iso)) }
      addEdge(from: from, to: to, c)
    }
    return fresh
  }

  /// One hop from `item`: what a document cites and who cites it; who cites a number.
  mutating func expand(_ item: Pending, depth: Int) throws -> [Pending] {
    let tag: String
    switch item {
    case .document(let d): tag = "d\(d)"
    case .number(let k): tag = "n" + k
    case .citedNode(let k, let date): tag = "c" + k + "@" + (date ?? "")
    }
    guard expanded.insert(tag).inserted else { return [] }
    var out: [Pending] = []
    switch item {
    case .document(let docid):
      let s = try stored(docid)
      // What it cites.
      for c in s.metadata.references {
        out += try link(docid, c, depth: depth)
      }
      // Who cites it: documents citing its number, where the citation resolves to it.
      if let own = s.metadata.number, let key = DocumentNumber.key(own), own.first?.isNumber == true {
        for citing in try db.postings(IndexSchema.reference + key) where citing != docid && admits(citing) {
          for c in try stored(citing).metadata.references where c.key == key {
            if try resolve(c, citing: citing)?.contains(docid) == true {
              out += try link(citing, c, depth: depth)
            }
          }
        }
      }
    case .number(let key):
      for citing in try db.postings(IndexSchema.reference + key) where admits(citing) {
        for c in try stored(citing).metadata.references where c.key == key {
          out += try link(citing, c, depth: depth, startNumber: true)
        }
      }
    case .citedNode(let key, let date):
      for citing in try db.postings(IndexSchema.reference + key) where admits(citing) {
        for c in try stored(citing).metadata.references where c.key == key && c.date?.iso == date {
          if try resolve(c, citing: citing) == nil {
            out += try link(citing, c, depth: depth)
          }
        }
      }
    }
    return out
  }
}
