// Incremental indexing: unchanged files are skipped, changed ones replaced, vanished ones removed.
//
// Work is split so both cores are busy: worker threads decode, normalise, extract and build
// terms (DocumentAnalyzer) while this thread feeds Xapian, whose writer is single-threaded.
// Commits come in batches by text volume, so a crash (kill -9) loses at most the current batch,
// and a rerun carries on from the last commit because committed files are then "unchanged".

import Foundation
import Xapian

/// What an indexing run covers and how: roots, formats, shards, links, and the limits on file size,
/// text, helper memory and time.
public struct IndexOptions: Sendable {
  public var roots: [String]
  public var formats: Set<DocumentFormat> = Set(DocumentFormat.allCases)
  public var maxFileSize: Int = 64 << 20
  /// Cap on the text of one file (`--max-text`); a file that decodes to more is skipped.
  public var maxTextBytes: Int = DocumentDecoder.defaultMaxTextBytes
  /// Address-space limit of each helper program (pdftotext, antiword), in bytes.
  public var helperMemoryLimit: Int? = DocumentDecoder.defaultHelperMemoryLimit
  /// Time one file may take to decode and extract; past it the file is skipped, the run goes on.
  public var fileTimeBudget: TimeInterval = 120
  /// Commit after this much text has been added since the last commit.
  public var commitBytes: Int = 32 << 20
  /// Xapian writes its buffered changes to the tables every this many documents per shard
  /// (not a commit). Its default, 10000, let buffers grow to 440 MB on 10k short documents and
  /// made indexing slower: lookups in the big in-memory maps cost more than the extra flushes
  /// (gen-10k: 256 → 59 MB peak and 0.9× the CPU of 1000; see BENCHMARKS.md).
  public var flushDocuments: UInt32 = 256
  /// Discard the existing index first.
  public var rebuild = false
  /// Split the index into this many shards written in parallel (nil: keep the index's count; a
  /// new index is written by two writers and merged into one shard when it is compacted).
  public var shards: Int? = nil
  /// Compact the index at the end of a first build or a rebuild (`ShardSet.compact(into:)`).
  public var compact = true
  /// Follow symbolic links inside the roots (never out of them); off by default, as in ripgrep.
  public var followLinks = false
  /// Glob patterns (fnmatch) of files and folders not to index, matched against the name and the
  /// path relative to its root (`FileWalker.excludePatterns`).
  public var excludes: [String] = []
  /// Remove the documents of a root that has vanished or is an empty folder now; without it such
  /// a run is refused (`VanbanError.rootEmptied`), since an unmounted share looks just like that.
  public var prune = false
  /// OCR of scanned PDF pages and image files: mode, page time limit, cache.
  public var ocr = OCROptions()
  public init(roots: [String]) { self.roots = roots }

  /// The limits a file is read under, as stored in its `SkipRecord`: when they change, the files
  /// they made skip are tried again.
  var readingLimits: String {
    "file=\(maxFileSize),text=\(maxTextBytes),memory=\(helperMemoryLimit ?? 0),time=\(Int(fileTimeBudget))"
  }
}

/// What one indexing run did: documents added, updated, removed, unchanged and skipped (with reasons).
public struct IndexSummary: Codable, Sendable, Equatable {
  public var added = 0, updated = 0, removed = 0, unchanged = 0, skipped = 0
  /// Documents in the index after the run.
  public var documents = 0
  public var bytes = 0
  public var seconds = 0.0
  /// Files converted from each non-UTF-8 encoding (`windows-1258`: 3).
  public var converted: [String: Int] = [:]
  /// Files indexed per format.
  public var formats: [String: Int] = [:]
  /// Skipped files per reason: a `SkipReason` raw value for a file that was read and failed,
  /// the walker's words for an entry it could not list (a link not followed, a pipe).
  public var skipReasons: [String: Int] = [:]
  /// Files not indexed on an earlier run and unchanged since, so not tried again (`SkipRecord`).
  public var stillSkipped = 0
  /// Files left out because no format reads them, per lower-case extension (`xlsx`; "" for none).
  public var ignored: [String: Int] = [:]
  /// Pages and images read by OCR (or taken from its cache) in the documents indexed.
  public var ocrPages = 0
}

/// What the indexer tells its caller as it goes (the CLI draws progress and prints skips).
public protocol IndexObserver: AnyObject {
  func skipped(path: String, reason: String)
  /// A file that could not be decoded or indexed. By default `skipped(path:reason:)` with the
  /// error's description; a front end can word the error its own way (e.g. name its options).
  func skipped(path: String, error: Error)
  func progress(done: Int, total: Int, bytes: Int)
  /// Said once per run, e.g. a missing helper program.
  func note(_ message: String)
  /// Something went wrong in a file that was still indexed, e.g. a page OCR could not read.
  func problem(path: String, message: String)
  /// Pages read by OCR so far, of those found to need it; said while a scan is being read.
  func ocrProgress(pagesDone: Int, pagesFound: Int)
}

extension IndexObserver {
  public func skipped(path: String, error: Error) { skipped(path: path, reason: "\(error)") }
  public func problem(path: String, message: String) { note("\(path): \(message)") }
  public func ocrProgress(pagesDone: Int, pagesFound: Int) {}
}

/// Brings an index up to date with its roots: new and changed files are read and written, vanished ones removed, all through atomic commits.
public final class Indexer {
  public let indexPath: String

  public init(indexPath: String) { self.indexPath = indexPath }

  public func run(_ options: IndexOptions, observer: IndexObserver? = nil) throws -> IndexSummary {
    do {
      return try build(options, observer: observer, keepLock: false).summary
    } catch let e as XapianError {
      throw VanbanError.from(e, index: indexPath)
    }
  }

  /// A whole run; with `keepLock`, the index folder's lock is handed back still held.
  /// `folder` hears of each folder just before it is listed.
  func build(
    _ options: IndexOptions, observer: IndexObserver?, keepLock: Bool, folder: (String) -> Void = { _ in }
  ) throws -> (
    summary: IndexSummary, lock: Int32?
  ) {
    let start = Date()
    var summary = IndexSummary()
    try IndexFolder.checkNotOverRoots(indexPath, roots: options.roots)
    let roots = options.roots.map(FileWalker.absolute)
    // Before the index folder is made or opened: a mistyped path must leave nothing behind.
    if let missing = roots.first(where: Self.doesNotExist), (try? IndexManifest.read(indexPath)) == nil {
      throw VanbanError.rootMissing(missing)
    }
    let db = try ShardSet(
      indexPath: indexPath, requested: options.shards, rebuild: options.rebuild, flushDocuments: options.flushDocuments)
    var session = IndexSession(indexPath: indexPath, options: options, observer: observer)
    try session.sync(nil, into: db, summary: &summary, folder: folder)
    try db.commit()
    try db.publish()
    summary.documents = try db.documentCount()
    if db.isFullBuild && options.compact {
      // The index is complete and in use already; a compaction that fails (a full disk) costs
      // only its benefit, so it is a note, not an error.
      do {
        try db.compact(into: options.shards ?? 1)
      } catch {
        observer?.note("the index is complete but could not be compacted: \(VanbanError.from(error, index: indexPath))")
      }
    }
    Self.writeFacetTable(indexPath, observer: observer)
    var lock: Int32? = nil
    if keepLock { lock = try db.closeKeepingLock() } else { try db.close() }
    summary.seconds = Date().timeIntervalSince(start)
    return (summary, lock)
  }

}

// MARK: - The facet table

extension Indexer {
  /// Writes the facet table of the index's committed state (FacetTableFile.swift), with the lock
  /// still held so no other writer moves the state meanwhile. Without it facets are still counted
  /// (by the spies), so a failure is a note.
  static func writeFacetTable(_ indexPath: String, observer: IndexObserver?) {
    do {
      try Searcher(indexes: [indexPath]).writeFacetTableFile(indexPath: indexPath)
    } catch {
      observer?.note("the facet table was not written (facets are counted without it): \(error)")
    }
  }
}

// MARK: - Roots that vanished

extension Indexer {
  /// The path keys of the documents in the committed index (none when there is none to read).
  static func committedPaths(_ indexPath: String) -> [String] {
    let shards = (try? Searcher.openShards(indexPath)) ?? []
    return shards.flatMap { shard in
      ((try? shard.allTerms(prefix: IndexSchema.signature)) ?? []).compactMap { term, _ in
        term.dropFirst(IndexSchema.signature.count).split(separator: "\t").first.map(String.init)
      }
    }
  }

  /// Whether nothing is at `path` (a broken link counts as nothing).
  static func doesNotExist(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)
  }

  /// Roots that do not exist are an error, before anything is written. One the index holds
  /// documents from is most likely an unmounted share: its documents are removed only when
  /// `prune` says so.
  /// - throws: `VanbanError.rootMissing`, `.rootEmptied` (vanished: true).
  static func checkExist(_ missing: [String], known: some Collection<String>, prune: Bool) throws {
    for root in missing {
      let documents = known.filter { ExactPath.isUnder($0, root) }.count
      if documents == 0 { throw VanbanError.rootMissing(root) }
      if !prune { throw VanbanError.rootEmptied(root, documents: documents, vanished: true) }
    }
  }

  /// A root folder with nothing in it now (an unmounted share's mount point) while the index holds
  /// documents from it is refused the same way, unless `prune`. Only an empty folder: one whose
  /// files are all left out by the formats asked for keeps its documents anyway.
  /// - throws: `VanbanError.rootEmptied` (vanished: false).
  static func checkNotEmptied(_ roots: [String], known: some Collection<String>, prune: Bool) throws {
    guard !prune else { return }
    for root in roots {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: root),
        names.allSatisfy(FileWalker.isNeverIndexed)
      else { continue }
      let documents = known.filter { ExactPath.isUnder($0, root) }.count
      if documents > 0 { throw VanbanError.rootEmptied(root, documents: documents, vanished: false) }
    }
  }
}

/// What `Indexer.compact(shards:)` did.
public struct CompactionSummary: Codable, Sendable, Equatable {
  public var documents = 0
  public var shards = 0
  /// Bytes of the index folder's shards before and after.
  public var bytesBefore = 0
  public var bytesAfter = 0
  public var seconds = 0.0
}

extension Indexer {
  /// Rewrites an existing index compacted (`vanban compact`): `shards` shards, or one when nil.
  /// Readers go on answering from the old copy until the manifest is swapped.
  public func compact(shards: Int?) throws -> CompactionSummary {
    let start = Date()
    guard try IndexManifest.read(indexPath) != nil else { throw VanbanError.indexNotFound(indexPath) }
    var summary = CompactionSummary()
    summary.bytesBefore = IndexFolder.shardBytes(in: indexPath)
    do {
      let db = try ShardSet(indexPath: indexPath, requested: nil, rebuild: false)
      summary.documents = try db.documentCount()
      summary.shards = shards ?? 1
      if summary.shards != 1 && summary.shards != db.databases.count {
        // Compaction merges into one shard or keeps the count; any other count is a rebuild.
        throw VanbanError.shardCountMismatch(indexPath, existing: db.databases.count, requested: summary.shards)
      }
      try db.compact(into: summary.shards)
      Self.writeFacetTable(indexPath, observer: nil)
      try db.close()
    } catch let e as XapianError {
      throw VanbanError.from(e, index: indexPath)
    }
    summary.bytesAfter = IndexFolder.shardBytes(in: indexPath)
    summary.seconds = Date().timeIntervalSince(start)
    return summary
  }
}
