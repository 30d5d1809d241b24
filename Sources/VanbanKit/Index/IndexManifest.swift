// vanban's own list of the shards in an index folder, `vanban-index.json`.
//
// Xapian can open a folder through a `XAPIANDB` stub file, but a stub line `remote :PROG` makes
// Xapian run PROG, so a folder someone else wrote could run a program on `vanban search`. vanban
// therefore never opens a stub: it reads this manifest, accepts only shard paths that stay inside
// the index folder, and opens each shard as a glass database.
//
// A rebuild writes a new generation (`gen-N/shard-MM`) beside the old one and swaps the manifest
// in with a rename, so a reader sees the old index or the new one, never half of one.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The contents of `vanban-index.json`.
public struct IndexManifest: Codable, Equatable, Sendable {
  /// Always `vanban-index`: says what the file is to someone who finds it.
  public var format = "vanban-index"
  /// `IndexSchema.version` of the shards.
  public var schema: String
  /// Shard folders are `gen-<generation>/shard-NN`; a rebuild moves to the next generation.
  public var generation: Int
  /// Shard folders, relative to the index folder.
  public var shards: [String]

  public static let fileName = "vanban-index.json"

  public init(schema: String = IndexSchema.version, generation: Int, shardCount: Int) {
    self.schema = schema
    self.generation = generation
    shards = (0..<shardCount).map { Self.shardPath(generation: generation, shard: $0) }
  }

  static func generationName(_ g: Int) -> String { "gen-\(g)" }
  /// The generations vanban makes: one per rebuild or compaction, so a billion is never reached;
  /// a number past it (`Int.max`, planted) would overflow the next one.
  static let generations = 1...1_000_000_000
  /// A manifest lists at most 1,024 shards, a few dozen bytes each: a larger file is not one, and
  /// is not read into memory to find out.
  static let maxBytes = 1 << 20
  static func shardPath(generation: Int, shard: Int) -> String {
    generationName(generation) + "/" + String(format: "shard-%02d", shard)
  }

  /// The manifest of the index folder `indexPath`, nil if it has none.
  /// - throws: `VanbanError.notAnIndex` for a manifest that can't be read or names a shard outside
  ///   the folder, `.indexVersion` for another schema.
  static func read(_ indexPath: String) throws -> IndexManifest? {
    let file = indexPath + "/" + fileName
    var st = stat()
    if stat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > maxBytes {
      throw VanbanError.notAnIndex(indexPath, "\(fileName) is damaged (\(st.st_size) bytes)")
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      if FileManager.default.fileExists(atPath: file) {
        throw VanbanError.notAnIndex(indexPath, "\(fileName) cannot be read")
      }
      return nil
    }
    let manifest: IndexManifest
    do {
      manifest = try JSONDecoder().decode(IndexManifest.self, from: data)
    } catch {
      throw VanbanError.notAnIndex(indexPath, "\(fileName) is damaged")
    }
    guard manifest.format == "vanban-index" else {
      throw VanbanError.notAnIndex(indexPath, "\(fileName) is not vanban's")
    }
    guard manifest.schema == IndexSchema.version else {
      throw VanbanError.indexVersion(indexPath, found: manifest.schema)
    }
    guard !manifest.shards.isEmpty, manifest.shards.count <= 1024 else {
      throw VanbanError.notAnIndex(indexPath, "\(fileName) lists no shards")
    }
    guard generations.contains(manifest.generation) else {
      throw VanbanError.notAnIndex(indexPath, "\(fileName) is damaged (generation \(manifest.generation))")
    }
    return manifest
  }

  /// The absolute folder of each shard, checked to be inside `indexPath` and to hold only plain
  /// files (a pipe or a link named `iamglass` would hang or redirect the open).
  func shardFolders(in indexPath: String) throws -> [String] {
    var seen = Set<String>()
    return try shards.map { shard in
      let folder = try Self.resolve(shard, in: indexPath)
      // A name gone by the time it is looked at is Xapian's temporary file, renamed by a commit in
      // another process (`v.tmp`): not a hazard, and a reader must not fail on it.
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      where IndexFolder.kind(folder + "/" + name) != .file && !IndexFolder.vanished(folder + "/" + name) {
        throw VanbanError.notAnIndex(indexPath, "`\(shard)/\(name)` is not a plain file")
      }
      // A shard listed twice would count, and answer, every document of it twice.
      guard seen.insert(folder).inserted else {
        throw VanbanError.notAnIndex(indexPath, "\(Self.fileName) lists shard `\(shard)` twice")
      }
      return folder
    }
  }

  /// `relative` under `indexPath`, refusing absolute paths, `.`/`..` components and symlinks that
  /// lead out of the folder (both sides resolved with realpath).
  static func resolve(_ relative: String, in indexPath: String) throws -> String {
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    guard !relative.hasPrefix("/"), !parts.isEmpty,
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
    else {
      throw VanbanError.notAnIndex(indexPath, "shard `\(relative)` is not a folder inside it")
    }
    let joined = indexPath + "/" + relative
    guard let base = realPath(indexPath) else { throw VanbanError.indexNotFound(indexPath) }
    guard let target = realPath(joined) else { return joined }  // missing: opening says so
    guard ExactPath.isUnder(target, base), !ExactPath.same(target, base) else {
      throw VanbanError.notAnIndex(indexPath, "shard `\(relative)` leads outside the index folder")
    }
    return target
  }

  /// Writes the manifest atomically: a reader sees the old file or the new one.
  func write(to indexPath: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let tmp = indexPath + "/" + Self.fileName + ".tmp"
    let final = indexPath + "/" + Self.fileName
    do {
      var data = try encoder.encode(self)
      data.append(0x0A)
      try data.write(to: URL(fileURLWithPath: tmp))
      // The data must be on disk before the rename makes it the index.
      let fd = open(tmp, O_RDONLY)
      if fd >= 0 {
        fsync(fd)
        close(fd)
      }
      guard rename(tmp, final) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    } catch {
      unlink(tmp)
      throw VanbanError.io("cannot write \(final): \(error.localizedDescription)")
    }
  }
}

/// realpath(3), nil if the path does not exist.
func realPath(_ path: String) -> String? {
  guard let p = realpath(path, nil) else { return nil }
  defer { free(p) }
  return String(cString: p)
}
