// The writer's view of an index folder: what in it vanban made (and may delete), the folder-wide
// write lock, and the checks that keep `--index` from pointing at the documents themselves.
//
// `--rebuild` deletes, so it must only ever delete what vanban created: the manifest, shard and
// generation folders, and Xapian's own files. Anything else in the folder means the user pointed
// --index at a folder of theirs, and the run is refused rather than emptying it.

import Foundation
import Xapian

#if canImport(Glibc)
  import Glibc
#endif

enum IndexFolder {
  static let lockName = "vanban-index.lock"
  /// Files a user may keep beside an index (a checked-in `index/` folder).
  static let userKept: Set<String> = ["README.md", ".gitkeep"]
  /// The stub file of indexes written before the manifest (schema 2 and older).
  static let legacyStub = "XAPIANDB"

  // MARK: - What vanban made

  /// Names at the top of the folder that vanban made (or Xapian made for it).
  /// Xapian's file names are common ones (`notes.tmp`, `CUSTOMERS.DB`, `photo.glass`), so a file
  /// is taken for Xapian's only beside a database's own `iamglass` (`databaseHere`).
  static func isOwnedTopLevel(_ name: String, isDirectory: Bool, databaseHere: Bool) -> Bool {
    if isDirectory { return generationNumber(name) != nil || isShardName(name) }
    return [
      IndexManifest.fileName, IndexManifest.fileName + ".tmp", lockName, legacyStub, legacyStub + ".tmp",
      FacetTable.fileName, FacetTable.fileName + ".tmp",
    ]
    .contains(name) || (databaseHere && isXapianFile(name))
  }

  /// Whether `folder` holds a glass database (its `iamglass`, a plain file).
  static func hasDatabase(_ folder: String) -> Bool { kind(folder + "/iamglass") == .file }

  /// Files Xapian writes in a glass (or older chert) database folder.
  static func isXapianFile(_ name: String) -> Bool {
    if ["iamglass", "iamchert", "flintlock"].contains(name) { return true }
    for suffix in [".glass", ".DB", ".baseA", ".baseB", ".tmp"] where name.hasSuffix(suffix) { return true }
    return name.hasPrefix("changes") && name.dropFirst("changes".count).allSatisfy(\.isNumber)
  }

  static func isShardName(_ name: String) -> Bool {
    name.hasPrefix("shard-") && name.count > 6 && name.dropFirst(6).allSatisfy(\.isNumber)
  }

  /// N for a folder named `gen-N`.
  static func generationNumber(_ name: String) -> Int? {
    guard name.hasPrefix("gen-"), name.count > 4, name.dropFirst(4).allSatisfy(\.isNumber),
      let n = Int(name.dropFirst(4)), IndexManifest.generations.contains(n)
    else { return nil }
    return n
  }

  /// The first entry under `indexPath` that vanban did not make, as a path relative to it; nil if
  /// everything there is vanban's (or the folder does not exist). Symbolic links count as foreign:
  /// vanban never makes one, and deleting through one could reach outside the folder.
  static func foreignEntry(in indexPath: String) -> String? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: indexPath) else { return nil }
    let databaseHere = hasDatabase(indexPath)
    for name in names.sorted() where !userKept.contains(name) {
      let kind = Self.kind(indexPath + "/" + name)
      if kind == .other { return name }
      guard isOwnedTopLevel(name, isDirectory: kind == .directory, databaseHere: databaseHere) else { return name }
      if kind == .directory,
        let inner = foreignEntry(inFolder: indexPath + "/" + name, generation: generationNumber(name) != nil)
      {
        return name + "/" + inner
      }
    }
    return nil
  }

  /// The first Xapian database in the folder that vanban did not write, as a path relative to it,
  /// with why; nil if there is none. It is looked for where the layouts before the manifest kept
  /// theirs: the folder's top and its `shard-NN` folders. vanban writes its schema into every
  /// database's metadata, so one without it (an omega or notmuch index, a database of the user's)
  /// is someone else's, and a rebuild would delete it. Read-only, and glass only: a stub is never
  /// opened.
  static func foreignDatabase(in indexPath: String) -> (path: String, reason: String)? {
    let fm = FileManager.default
    let shards = ((try? fm.contentsOfDirectory(atPath: indexPath)) ?? []).filter(isShardName).sorted()
    for relative in [""] + shards {
      let folder = relative.isEmpty ? indexPath : indexPath + "/" + relative
      let shown = relative.isEmpty ? "" : relative + "/"
      if kind(folder + "/iamchert") == .file {
        return (shown + "iamchert", "a chert database, which vanban never writes")
      }
      guard kind(folder + "/iamglass") == .file else { continue }
      let schema: String
      do {
        schema = try Database(path: folder).metadata(IndexSchema.versionKey)
      } catch {
        return (shown + "iamglass", "a Xapian database that cannot be opened (\(error))")
      }
      if schema.isEmpty {
        return (shown + "iamglass", "a Xapian database that vanban did not write (it has no \(IndexSchema.versionKey))")
      }
    }
    return nil
  }

  /// Written in a generation folder while vanban creates its shards (a new build's writers, or
  /// `ShardSet.compact`), removed once every shard has its `iamglass`. Xapian writes a database's
  /// `iamglass` after its tables, both when it creates one and when it compacts into one, so a run
  /// killed in between leaves table files without it; the marker says they are vanban's
  /// leftovers, which the next run deletes, not someone else's files that would make the folder
  /// refused.
  static let incompleteMarker = "vanban-incomplete"

  /// Runs `body` with `incompleteMarker` in the generation folder `folder` (made here if missing),
  /// and removes the marker when `body` returns.
  static func whileIncomplete(_ folder: String, _ body: () throws -> Void) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let marker = folder + "/" + incompleteMarker
    guard FileManager.default.createFile(atPath: marker, contents: nil) else {
      throw VanbanError.io("cannot write \(marker)")
    }
    try body()
    try FileManager.default.removeItem(atPath: marker)
  }

  /// Inside `gen-N`: only shard folders (and the compaction marker); inside a shard folder: only
  /// Xapian's files, beside an `iamglass` or in a generation still being made (`partial`).
  private static func foreignEntry(inFolder path: String, generation: Bool, partial: Bool = false) -> String? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
    let incomplete = generation && kind(path + "/" + incompleteMarker) == .file
    for name in names.sorted() {
      let kind = Self.kind(path + "/" + name)
      if generation {
        if name == incompleteMarker && kind == .file { continue }
        guard kind == .directory, isShardName(name) else { return name }
        if let inner = foreignEntry(inFolder: path + "/" + name, generation: false, partial: incomplete) {
          return name + "/" + inner
        }
      } else {
        guard kind == .file, isXapianFile(name), hasDatabase(path) || partial else { return name }
      }
    }
    return nil
  }

  enum Kind { case file, directory, other }

  /// lstat's answer: a symbolic link is `.other`, whatever it points at.
  static func kind(_ path: String) -> Kind {
    var st = stat()
    guard lstat(path, &st) == 0 else { return .other }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// Whether nothing is at `path` any more (lstat: no such file).
  static func vanished(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) != 0 && errno == ENOENT
  }

  /// Whether the folder holds an index in the layout before the manifest (a stub or a database).
  static func hasLegacyLayout(_ indexPath: String) -> Bool {
    let fm = FileManager.default
    if fm.fileExists(atPath: indexPath + "/" + legacyStub) || fm.fileExists(atPath: indexPath + "/iamglass")
      || fm.fileExists(atPath: indexPath + "/iamchert")
    {
      return true
    }
    return ((try? fm.contentsOfDirectory(atPath: indexPath)) ?? []).contains(where: isShardName)
  }

  /// Deletes everything vanban made at the top of the folder except the generations in `keep`.
  /// Call only with the lock held and after `foreignEntry` found nothing foreign.
  static func removeOwned(in indexPath: String, keepingGenerations keep: Set<Int>) {
    let fm = FileManager.default
    let databaseHere = hasDatabase(indexPath)  // read once: `iamglass` goes with the rest
    for name in (try? fm.contentsOfDirectory(atPath: indexPath)) ?? [] {
      if userKept.contains(name) || name == lockName || name == IndexManifest.fileName { continue }
      let kind = Self.kind(indexPath + "/" + name)
      guard kind != .other, isOwnedTopLevel(name, isDirectory: kind == .directory, databaseHere: databaseHere)
      else { continue }
      if let g = generationNumber(name), keep.contains(g) { continue }
      try? fm.removeItem(atPath: indexPath + "/" + name)
    }
  }

  /// Old generations only (after a new manifest is in place).
  static func removeGenerations(in indexPath: String, except current: Int) {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: indexPath)) ?? [] {
      guard let g = generationNumber(name), g != current, Self.kind(indexPath + "/" + name) == .directory,
        foreignEntry(inFolder: indexPath + "/" + name, generation: true) == nil
      else { continue }
      try? fm.removeItem(atPath: indexPath + "/" + name)
    }
  }

  /// Bytes of the regular files in the generation folders (the shards, as `du` counts them).
  static func shardBytes(in indexPath: String) -> Int {
    let fm = FileManager.default
    var total = 0
    for name in (try? fm.contentsOfDirectory(atPath: indexPath)) ?? [] where generationNumber(name) != nil {
      guard let walk = fm.enumerator(atPath: indexPath + "/" + name) else { continue }
      while walk.nextObject() != nil {
        let attrs = walk.fileAttributes
        if attrs?[.type] as? FileAttributeType == .typeRegular { total += (attrs?[.size] as? Int) ?? 0 }
      }
    }
    return total
  }

  /// The highest `gen-N` present, 0 if none.
  static func highestGeneration(in indexPath: String) -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: indexPath)) ?? []).compactMap(generationNumber).max() ?? 0
  }

  // MARK: - The write lock

  /// Takes the folder's write lock (flock on `vanban-index.lock`), held until `release` or exit —
  /// a kill -9 releases it too. Taken before anything in the folder is deleted or written.
  /// - throws: `VanbanError.indexLocked` when another process holds it.
  static func lock(_ indexPath: String) throws -> Int32 {
    let path = indexPath + "/" + lockName
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else {
      throw VanbanError.io("cannot write to the index at \(indexPath): \(String(cString: strerror(errno)))")
    }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let err = errno
      close(fd)
      if err == EWOULDBLOCK { throw VanbanError.indexLocked(indexPath) }
      throw VanbanError.io("cannot lock the index at \(indexPath): \(String(cString: strerror(err)))")
    }
    return fd
  }

  static func release(_ fd: Int32) {
    flock(fd, LOCK_UN)
    close(fd)
  }

  // MARK: - Roots

  /// Refuses an index folder that is one of the indexed roots or contains one: rebuilding it would
  /// delete the documents. An index folder inside a root is fine (the walker skips it).
  static func checkNotOverRoots(_ indexPath: String, roots: [String]) throws {
    let index = realPath(indexPath) ?? FileWalker.absolute(indexPath)
    for root in roots {
      guard let r = realPath(root) else { continue }
      // String comparison (canonical equivalence), not bytes: on a file system that ignores
      // normalisation (ZFS, an SMB share of a Mac) the NFC and NFD spellings are one folder, and
      // refusing both is the safe side of a check that guards against deleting documents.
      if r == index || index == "/" || r.hasPrefix(index + "/") {
        throw VanbanError.unsafeIndexFolder(
          indexPath,
          "it \(r == index ? "is" : "contains") the folder being indexed (\(root)); keep the index in its own folder")
      }
    }
  }
}
