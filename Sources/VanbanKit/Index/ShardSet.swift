// The writable side of an index: one Xapian database, or N shards written in parallel.
//
// A Xapian writer is single-threaded, but two databases can be written by two threads at once,
// so `--shards N` puts each document in shard hash(path) % N and gives each shard its own writer
// thread. The shards live in `gen-G/shard-NN` and vanban's manifest (IndexManifest) lists them;
// a rebuild writes generation G+1 beside G and swaps the manifest in when it is committed.

import Foundation
import Xapian

final class ShardSet {
  let indexPath: String
  let databases: [WritableDatabase]
  private let writers: [ShardWriter]
  /// The folder's write lock, held for the whole run.
  private var lockFD: Int32?
  /// Written by `publish()`: the manifest of a rebuild, which readers must not see before it is
  /// committed.
  private var pending: IndexManifest?
  /// This run started a new generation (a first build or a rebuild): every document in it was
  /// written by this run, so it is compacted at the end (`compact(into:)`).
  private(set) var isFullBuild = false

  /// Shards written in parallel by a full build when none are asked for: one writer thread per
  /// core, up to two. Xapian's writer is single-threaded and takes two thirds of indexing CPU; the
  /// shards are merged into one when the build is compacted.
  static var defaultWriteShards: Int { min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

  /// Opens (creating if needed) the index with `requested` shards (nil: keep what is there, or 1).
  /// `heldLock`: the folder's lock, already held (kept from an earlier `close(keepingLock:)`).
  init(indexPath: String, requested: Int?, rebuild: Bool, flushDocuments: UInt32? = nil, heldLock: Int32? = nil) throws
  {
    self.indexPath = indexPath
    let fm = FileManager.default
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: indexPath, isDirectory: &isDir) {
      guard isDir.boolValue else {
        throw VanbanError.io("cannot create the index directory \(indexPath): it is a file")
      }
      if let foreign = IndexFolder.foreignEntry(in: indexPath) {
        throw VanbanError.unsafeIndexFolder(
          indexPath, "it holds `\(foreign)`, which vanban did not make; use an empty or new folder for the index")
      }
      // Before the lock: a refused folder gets no lock file.
      if let (path, reason) = IndexFolder.foreignDatabase(in: indexPath) {
        throw VanbanError.unsafeIndexFolder(
          indexPath, "it holds `\(path)`, \(reason); use an empty or new folder for the index")
      }
    }
    do {
      try fm.createDirectory(atPath: indexPath, withIntermediateDirectories: true)
    } catch {
      throw VanbanError.io("cannot create the index directory \(indexPath): \(error.localizedDescription)")
    }
    // Nothing is read for writing, deleted or created in the folder before the lock is held.
    let fd = try heldLock ?? IndexFolder.lock(indexPath)
    lockFD = fd
    var dbs: [WritableDatabase] = []
    do {
      let existing: IndexManifest?
      do {
        existing = try IndexManifest.read(indexPath)
      } catch  where rebuild {
        existing = nil  // a damaged or other-schema manifest is what --rebuild replaces
      }
      if existing == nil && !rebuild && IndexFolder.hasLegacyLayout(indexPath) {
        throw VanbanError.notAnIndex(
          indexPath, "no \(IndexManifest.fileName), only the layout of an older vanban or a Xapian stub")
      }
      let manifest: IndexManifest
      if let existing, !rebuild {
        let count = max(1, requested ?? existing.shards.count)
        if count != existing.shards.count {
          let n = existing.shards.count
          throw VanbanError.shardCountMismatch(indexPath, existing: n, requested: count)
        }
        manifest = existing
        // Leftovers of an interrupted rebuild: never listed, never read.
        IndexFolder.removeOwned(in: indexPath, keepingGenerations: [existing.generation])
      } else {
        // A new generation beside whatever readers use now.
        let generation = max(existing?.generation ?? 0, IndexFolder.highestGeneration(in: indexPath)) + 1
        manifest = IndexManifest(generation: generation, shardCount: max(1, requested ?? Self.defaultWriteShards))
        isFullBuild = true
        if let existing {
          IndexFolder.removeOwned(in: indexPath, keepingGenerations: [existing.generation])
          pending = manifest
        } else {
          // No index to keep answering from (first run, or an old layout being rebuilt): list the
          // new shards now, so a run killed after some commits carries on from them.
          IndexFolder.removeOwned(in: indexPath, keepingGenerations: [])
        }
      }
      let folders = try manifest.shardFolders(in: indexPath)
      let mode: WritableDatabase.Mode = isFullBuild ? .createOrOverwrite : .createOrOpen
      func open() throws {
        for folder in folders {
          try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
          dbs.append(try WritableDatabase(path: folder, mode: mode, flushDocuments: flushDocuments))
        }
      }
      if isFullBuild {
        // Marked as vanban's until Xapian has written each new shard's `iamglass` (see IndexFolder).
        try IndexFolder.whileIncomplete(indexPath + "/" + IndexManifest.generationName(manifest.generation), open)
      } else {
        try open()
      }
      for db in dbs {
        let found = try db.metadata(IndexSchema.versionKey)
        if !found.isEmpty && found != IndexSchema.version { throw VanbanError.indexVersion(indexPath, found: found) }
      }
      if existing == nil { try manifest.write(to: indexPath) }
    } catch {
      IndexFolder.release(fd)
      lockFD = nil
      throw VanbanError.from(error, index: indexPath)
    }
    databases = dbs
    writers = dbs.count > 1 ? dbs.map { ShardWriter(database: $0) } : []
  }

  /// After the last commit: a rebuild's manifest replaces the old one (one rename, so a reader
  /// sees the old index or the new one), then the old generation is deleted.
  func publish() throws {
    guard let manifest = pending else { return }
    try manifest.write(to: indexPath)
    pending = nil
    IndexFolder.removeGenerations(in: indexPath, except: manifest.generation)
  }

  /// Stable across runs and machines (FNV-1a), so a file always lands in the same shard.
  func shard(for pathKey: String) -> Int {
    guard databases.count > 1 else { return 0 }
    return Int(FNV1a.hash(pathKey.utf8) % UInt64(databases.count))
  }

  /// pathKey (byte for byte) → signature of every indexed file, from one scan of each shard's signature terms.
  /// Only path keys starting with `prefix` when given (the files under one folder).
  func signatures(prefix: String = "") throws -> [ExactPath: String] {
    var out: [ExactPath: String] = [:]
    for db in databases {
      for (term, _) in try db.allTerms(prefix: IndexSchema.signature + prefix) {
        let body = term.dropFirst(IndexSchema.signature.count)
        guard let tab = body.lastIndex(of: "\t") else { continue }
        out[ExactPath(String(body[..<tab]))] = String(body[body.index(after: tab)...])
      }
    }
    return out
  }

  /// pathKey → record of every file not indexed, from each shard's user metadata; only path keys
  /// starting with `prefix` when given.
  func skipRecords(prefix: String = "") throws -> [ExactPath: SkipRecord] {
    var out: [ExactPath: SkipRecord] = [:]
    for db in databases {
      for key in try db.metadataKeys(prefix: IndexSchema.skipped + prefix) {
        out[ExactPath(String(key.dropFirst(IndexSchema.skipped.count)))] = SkipRecord.decode(try db.metadata(key))
      }
    }
    return out
  }

  /// Records the file with `pathKey` as not indexed (nil: forgets it), in its shard, as part of
  /// the next commit; on the shard's thread with several, in order with its documents.
  func setSkipRecord(_ record: SkipRecord?, pathKey: String) throws {
    let i = shard(for: pathKey)
    let key = IndexSchema.skipped + pathKey
    let value = record?.encoded() ?? ""  // an empty value removes the key
    if writers.isEmpty {
      try databases[i].setMetadata(key, value)
    } else {
      try writers[i].submitMetadata(key, value)
    }
  }

  /// Deletes a document: here with one shard, on the shard's thread with several (Xapian's
  /// databases are not thread-safe, and the shard's thread may be writing).
  func delete(pathKey: String) throws {
    let i = shard(for: pathKey)
    if writers.isEmpty {
      try Self.delete(pathKey: pathKey, from: databases[i])
    } else {
      try writers[i].submitDelete(pathKey)
    }
  }

  static func delete(pathKey: String, from db: WritableDatabase) throws {
    try removeSpellings(of: IndexSchema.id + pathKey, in: db)
    try db.deleteDocument(uniqueTerm: IndexSchema.id + pathKey)
  }

  /// Takes back the spelling words the document with `idTerm` gave (its distinct exact words),
  /// before it is replaced or deleted; otherwise `Did you mean` keeps offering words that no
  /// document has any more.
  static func removeSpellings(of idTerm: String, in db: WritableDatabase) throws {
    for id in try db.postings(idTerm) {
      var words = TermBatch()
      for (term, _) in try db.document(id).terms() where term.hasPrefix(IndexSchema.exact) {
        let word = term.dropFirst(IndexSchema.exact.count)
        if DocumentAnalyzer.isSpellingWord(folded: VietnameseFolding.fold(String(word)).utf8) {
          words.append(utf8: word.utf8)
        }
      }
      try db.removeSpellings(words)
    }
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
    try doc.addTerms(prepared.booleanTerms, wdfIncrement: 0)
    for (slot, value) in prepared.values { try doc.setValue(slot.rawValue, value) }
    try doc.setData(prepared.data)
    if prepared.isNew {
      _ = try db.addDocument(doc)
    } else {
      try removeSpellings(of: IndexSchema.id + prepared.pathKey, in: db)
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

  /// Rewrites the committed index with Xapian's compactor into the next generation, `shardCount`
  /// shards (1 merges them all; else one compacted copy per shard), and swaps the manifest in.
  /// Documents written in small flushes leave Xapian's B-trees about half full; compacted, the
  /// index is smaller and reads fewer blocks per search. Closes the writers; the folder's lock is
  /// kept until `close()`. A failed compaction (a full disk) leaves the written index in use and
  /// removes the partial copy.
  func compact(into shardCount: Int) throws {
    for w in writers { w.stop() }
    for db in databases { try db.close() }
    guard let current = try IndexManifest.read(indexPath) else { return }
    let sources = try current.shardFolders(in: indexPath)
    guard shardCount == 1 || shardCount == sources.count else { return }
    let generation = max(current.generation, IndexFolder.highestGeneration(in: indexPath)) + 1
    let next = IndexManifest(generation: generation, shardCount: shardCount)
    let folder = indexPath + "/" + IndexManifest.generationName(generation)
    do {
      // Marked as vanban's while its shards lack their `iamglass` (see IndexFolder).
      try IndexFolder.whileIncomplete(folder) {
        let targets = next.shards.map { indexPath + "/" + $0 }
        if shardCount == 1 {
          let all = Database()
          for s in sources { try all.add(try Database(path: s)) }
          try all.compact(to: targets[0])
        } else {
          for (s, t) in zip(sources, targets) { try Database(path: s).compact(to: t) }
        }
      }
      try next.write(to: indexPath)
    } catch {
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
    IndexFolder.removeGenerations(in: indexPath, except: generation)
  }

  func close() throws {
    for w in writers { w.stop() }
    defer {
      if let fd = lockFD { IndexFolder.release(fd) }
      lockFD = nil
    }
    for db in databases { try db.close() }
  }

  /// Closes the databases but hands the folder's lock to the caller, for the next `ShardSet` of
  /// the same writer (a watch goes on after its first run with no moment unlocked).
  func closeKeepingLock() throws -> Int32? {
    for w in writers { w.stop() }
    let fd = lockFD
    lockFD = nil
    do {
      for db in databases { try db.close() }
    } catch {
      if let fd { IndexFolder.release(fd) }
      throw error
    }
    return fd
  }

  deinit {
    for w in writers { w.stop() }
    if let fd = lockFD { IndexFolder.release(fd) }
  }
}

/// One shard's writer thread with a bounded queue.
final class ShardWriter: @unchecked Sendable {
  private let database: WritableDatabase
  private let cond = NSCondition()
  private enum Job { case put(PreparedDocument), delete(String), metadata(String, String), commit }
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

  func submit(_ p: PreparedDocument) throws { try enqueue(.put(p)) }

  /// Queues the deletion of the document with `pathKey`, in order with the documents submitted.
  func submitDelete(_ pathKey: String) throws { try enqueue(.delete(pathKey)) }

  /// Queues a user metadata write (an empty value removes the key).
  func submitMetadata(_ key: String, _ value: String) throws { try enqueue(.metadata(key, value)) }

  private func enqueue(_ job: Job) throws {
    cond.lock()
    defer { cond.unlock() }
    while queue.count >= Self.capacity && failure == nil { cond.wait() }
    if let failure { throw failure }
    queue.append(job)
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
        case .delete(let key): try ShardSet.delete(pathKey: key, from: database)
        case .metadata(let key, let value): try database.setMetadata(key, value)
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
