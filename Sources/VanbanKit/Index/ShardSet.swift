// The writable side of an index: one Xapian database, or N shards written in parallel.
//
// A Xapian writer is single-threaded, but two databases can be written by two threads at once,
// so `--shards N` puts each document in shard hash(path) % N and gives each shard its own writer
// thread. The index directory then holds shard-00 … shard-NN and a Xapian stub file `XAPIANDB`
// listing them, which Xapian itself opens as one database for searching.

import Foundation
import Xapian

final class ShardSet {
  let indexPath: String
  let databases: [WritableDatabase]
  private let writers: [ShardWriter]

  static let stubName = "XAPIANDB"

  /// Shards of an existing index: 1 for a plain database, the stub's line count for a sharded one.
  static func existingShardCount(_ indexPath: String) -> Int? {
    let fm = FileManager.default
    if fm.fileExists(atPath: indexPath + "/iamglass") || fm.fileExists(atPath: indexPath + "/iamchert") { return 1 }
    guard let stub = try? String(contentsOfFile: indexPath + "/" + stubName, encoding: .utf8) else { return nil }
    return stub.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
  }

  static func shardName(_ i: Int) -> String { String(format: "shard-%02d", i) }

  /// Opens (creating if needed) the index with `requested` shards (nil: keep what is there, or 1).
  init(indexPath: String, requested: Int?, rebuild: Bool, flushDocuments: UInt32? = nil) throws {
    self.indexPath = indexPath
    let fm = FileManager.default
    let existing = Self.existingShardCount(indexPath)
    if rebuild, existing != nil {
      // Remove only what vanban made: the database files, the shards and the stub.
      for name in (try? fm.contentsOfDirectory(atPath: indexPath)) ?? [] where name != "README.md" && name != ".gitkeep" {
        try? fm.removeItem(atPath: indexPath + "/" + name)
      }
    }
    let current = rebuild ? nil : existing
    let count = max(1, requested ?? current ?? 1)
    if let current, current != count {
      throw VanbanError.shardCountMismatch(indexPath, existing: current, requested: count)
    }
    do {
      try fm.createDirectory(atPath: indexPath, withIntermediateDirectories: true)
    } catch {
      throw VanbanError.io("cannot create the index directory \(indexPath): \(error.localizedDescription)")
    }
    var dbs: [WritableDatabase] = []
    do {
      if count == 1 {
        dbs.append(try WritableDatabase(path: indexPath, mode: .createOrOpen, flushDocuments: flushDocuments))
      } else {
        for i in 0..<count {
          dbs.append(
            try WritableDatabase(
              path: indexPath + "/" + Self.shardName(i), mode: .createOrOpen, flushDocuments: flushDocuments))
        }
      }
      for db in dbs {
        let found = try db.metadata(IndexSchema.versionKey)
        if !found.isEmpty && found != IndexSchema.version { throw VanbanError.indexVersion(indexPath, found: found) }
      }
    } catch {
      throw VanbanError.from(error, index: indexPath)
    }
    if count > 1 {
      let stub = (0..<count).map { "glass " + Self.shardName($0) }.joined(separator: "\n") + "\n"
      let tmp = indexPath + "/" + Self.stubName + ".tmp"
      try Data(stub.utf8).write(to: URL(fileURLWithPath: tmp))
      _ = rename(tmp, indexPath + "/" + Self.stubName)  // atomic: a reader sees the old or the new stub
    }
    databases = dbs
    writers = count > 1 ? dbs.map { ShardWriter(database: $0) } : []
  }

  /// Stable across runs and machines (FNV-1a), so a file always lands in the same shard.
  func shard(for pathKey: String) -> Int {
    guard databases.count > 1 else { return 0 }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in pathKey.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return Int(h % UInt64(databases.count))
  }

  /// pathKey → signature of every indexed file, from one scan of each shard's signature terms.
  func signatures() throws -> [String: String] {
    var out: [String: String] = [:]
    for db in databases {
      for (term, _) in try db.allTerms(prefix: IndexSchema.signature) {
        let body = term.dropFirst(IndexSchema.signature.count)
        guard let tab = body.lastIndex(of: "\t") else { continue }
        out[String(body[..<tab])] = String(body[body.index(after: tab)...])
      }
    }
    return out
  }

  func delete(pathKey: String) throws {
    try databases[shard(for: pathKey)].deleteDocument(uniqueTerm: IndexSchema.id + pathKey)
  }

  /// Adds or replaces a document: here with one shard, on the shard's thread with several.
  func put(_ prepared: PreparedDocument) throws {
    let i = shard(for: prepared.pathKey)
    if writers.isEmpty {
      try Self.write(prepared, to: databases[i])
    } else {
      try writers[i].submit(prepared)
    }
  }

  static func write(_ prepared: PreparedDocument, to db: WritableDatabase) throws {
    let doc = Document()
    try doc.addTerms(prepared.terms)
    for (slot, value) in prepared.values { try doc.setValue(slot.rawValue, value) }
    try doc.setData(prepared.data)
    if prepared.isNew {
      _ = try db.addDocument(doc)
    } else {
      _ = try db.replaceDocument(uniqueTerm: IndexSchema.id + prepared.pathKey, with: doc)
    }
    try db.addSpellings(prepared.spelling)
  }

  /// Waits for every queued document, then commits each shard. Most of Xapian's work happens
  /// here (buffered postings are merged into the B-trees), so shards commit on their own threads
  /// at the same time.
  func commit() throws {
    if writers.isEmpty {
      try Self.commit(databases[0])
      return
    }
    for w in writers { try w.commitAsync() }
    for w in writers { try w.drain() }
  }

  static func commit(_ db: WritableDatabase) throws {
    try db.setMetadata(IndexSchema.versionKey, IndexSchema.version)
    try db.commit()
  }

  func documentCount() throws -> Int { try databases.reduce(0) { $0 + (try $1.documentCount()) } }

  func close() throws {
    for w in writers { w.stop() }
    for db in databases { try db.close() }
  }

  deinit { for w in writers { w.stop() } }
}

/// One shard's writer thread with a bounded queue.
final class ShardWriter: @unchecked Sendable {
  private let database: WritableDatabase
  private let cond = NSCondition()
  private enum Job { case put(PreparedDocument), commit }
  private var queue: [Job] = []
  private var busy = false
  private var stopped = false
  private var failure: Error?
  private static let capacity = 32

  init(database: WritableDatabase) {
    self.database = database
    // The thread holds the writer until stop() lets its loop end.
    let t = Thread { self.loop() }
    t.stackSize = 4 << 20
    t.start()
  }

  func submit(_ p: PreparedDocument) throws {
    cond.lock()
    defer { cond.unlock() }
    while queue.count >= Self.capacity && failure == nil { cond.wait() }
    if let failure { throw failure }
    queue.append(.put(p))
    cond.broadcast()
  }

  /// Queues a commit after the documents already submitted.
  func commitAsync() throws {
    cond.lock()
    defer { cond.unlock() }
    if let failure { throw failure }
    queue.append(.commit)
    cond.broadcast()
  }

  /// Returns when everything submitted is written (or rethrows the writer's error).
  func drain() throws {
    cond.lock()
    defer { cond.unlock() }
    while (!queue.isEmpty || busy) && failure == nil { cond.wait() }
    if let failure { throw failure }
  }

  func stop() {
    cond.lock()
    stopped = true
    cond.broadcast()
    cond.unlock()
  }

  private func loop() {
    while true {
      cond.lock()
      while queue.isEmpty && !stopped { cond.wait() }
      if queue.isEmpty && stopped {
        cond.unlock()
        return
      }
      let job = queue.removeFirst()
      busy = true
      cond.broadcast()
      cond.unlock()
      do {
        switch job {
        case .put(let p): try ShardSet.write(p, to: database)
        case .commit: try ShardSet.commit(database)
        }
      } catch {
        cond.lock()
        failure = error
        queue.removeAll()
        cond.unlock()
      }
      cond.lock()
      busy = false
      cond.broadcast()
      cond.unlock()
    }
  }
}
