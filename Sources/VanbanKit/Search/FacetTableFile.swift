// The facet table kept on disk beside the index (`vanban-facets.bin`), so that a one-off CLI
// search with `--facets` counts from it as the server does, instead of reading four values of
// every match (issue K: facets p99 at 100,000 documents).
//
// Each commit a writer makes (`vanban index`, a watch's batch, `vanban compact`) is followed by
// the table of that state, written to a temporary file and renamed into place, so a reader finds
// a whole file or none. A reader uses it only when the state it names is the reader's own
// (`Searcher.stateKey`: each shard's UUID and revision); any other file (older, from a crash
// between the commit and the table, damaged, or not vanban's) is ignored and the spies count.
// Lucene writes its doc values with each segment for the same reason: read at search time, never
// rebuilt by a reader.
//
// Layout, integers as 32-bit little-endian: the magic line; the state's length and bytes; the
// number of shards and each one's docid end; for each facet the number of values, then each
// value's length and bytes; then for each shard and facet, `end` codes. Nothing else, and every
// length is checked against the file's size before it is read.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension FacetTable {
  /// The file's name in the index folder.
  static let fileName = "vanban-facets.bin"
  static let magic = Array("vanban-facets 1\n".utf8)

  /// The file's bytes.
  func encoded() -> [UInt8] {
    var out = Self.magic
    func put(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { out.append(contentsOf: $0) } }
    func put(bytes: some Collection<UInt8>) {
      put(bytes.count)
      out.append(contentsOf: bytes)
    }
    put(bytes: Array(state.utf8))
    put(codes.count)
    for shard in codes { put(shard.first?.count ?? 0) }
    for names in values {
      put(names.count)
      for name in names { put(bytes: Array(name.utf8)) }
    }
    for shard in codes {
      for column in shard {
        out.reserveCapacity(out.count + column.count * 4)
        for code in column { withUnsafeBytes(of: code.littleEndian) { out.append(contentsOf: $0) } }
      }
    }
    return out
  }

  /// The table in `bytes`, if they hold one whole and of the state `state`; nil otherwise.
  static func decode(_ bytes: UnsafeRawBufferPointer, state: String) -> FacetTable? {
    var at = 0
    func take(_ n: Int) -> UnsafeRawBufferPointer? {
      guard n >= 0, n <= bytes.count - at else { return nil }
      defer { at += n }
      return UnsafeRawBufferPointer(rebasing: bytes[at..<at + n])
    }
    func number() -> Int? { take(4).map { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) } }
    guard let head = take(magic.count), head.elementsEqual(magic),
      let stateLength = number(), let stateBytes = take(stateLength), stateBytes.elementsEqual(state.utf8),
      let shardCount = number(), shardCount <= 1 << 16
    else { return nil }
    var ends: [Int] = []
    var docids = 0
    for _ in 0..<shardCount {
      guard let end = number() else { return nil }
      docids += end
      guard docids <= maxDocumentIDs + shardCount else { return nil }
      ends.append(end)
    }
    var values: [[String]] = []
    for _ in Facets.fields {
      // Each value takes at least its 4-byte length: a count past what is left is not a table.
      guard let count = number(), count <= (bytes.count - at) / 4 else { return nil }
      var names: [String] = []
      names.reserveCapacity(count)
      for _ in 0..<count {
        guard let length = number(), let name = take(length) else { return nil }
        names.append(String(decoding: name, as: UTF8.self))
      }
      values.append(names)
    }
    guard bytes.count - at == ends.reduce(0, +) * 4 * Facets.fields.count else { return nil }
    var codes: [[[UInt32]]] = []
    for end in ends {
      var shard: [[UInt32]] = []
      for _ in Facets.fields {
        guard let raw = take(end * 4) else { return nil }
        var column = [UInt32](repeating: 0, count: end)
        column.withUnsafeMutableBytes { $0.copyMemory(from: raw) }
        if UInt32(1).littleEndian != 1 { column = column.map { UInt32(littleEndian: $0) } }
        shard.append(column)
      }
      codes.append(shard)
    }
    return FacetTable(state: state, values: values, codes: codes)
  }
}

extension Searcher {
  /// The facet table file of this searcher's index folder, if it is of this searcher's state:
  /// only for a searcher of one local index.
  public func readFacetTableFile(maxBytes: Int = maxFacetTableFileBytes) -> FacetTable? {
    guard locations.count == 1, let location = locations.first, !location.hasPrefix("tcp://"),
      let state = stateKey(), let ends = try? shards.map({ Int(try $0.lastDocumentID()) + 1 }),
      let bytes = Self.readRegularFile(location + "/" + FacetTable.fileName, maxBytes: maxBytes),
      let table = bytes.withUnsafeBytes({ FacetTable.decode($0, state: state) })
    else { return nil }
    // A file that names this state but not these shards' docids (made by hand to match a state
    // anyone can read) is not a table of them: each shard's column must cover its docids.
    guard table.codes.count == shards.count,
      zip(table.codes, ends).allSatisfy({ shard, end in shard.allSatisfy { $0.count == end } })
    else { return nil }
    return table
  }

  /// Largest table file read: 16 bytes for each of `maxDocumentIDs` docids and room for values.
  public static let maxFacetTableFileBytes = FacetTable.maxDocumentIDs * 16 + (64 << 20)

  /// The bytes of the regular file at `path`, not through a link and not past `maxBytes`; nil
  /// otherwise.
  static func readRegularFile(_ path: String, maxBytes: Int) -> [UInt8]? {
    let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { Glibc.close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size <= maxBytes else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      done += n
    }
    return bytes
  }

  /// Writes the table of this searcher's state into the index folder `indexPath`, replacing the one
  /// there at once (a rename); removes the file when no table can be kept (too many documents), so
  /// none is left that a later state could not use anyway.
  func writeFacetTableFile(indexPath: String) throws {
    let path = indexPath + "/" + FacetTable.fileName
    guard let table = try makeFacetTable() else {
      try? FileManager.default.removeItem(atPath: path)
      return
    }
    let temporary = path + ".tmp"
    func failed() -> VanbanError {
      let reason = String(cString: strerror(errno))
      _ = unlink(temporary)
      return VanbanError.io("cannot write \(path): \(reason)")
    }
    // A new file of its own: whatever is at the temporary name (a leftover, or a link planted to
    // make vanban write elsewhere) is removed, not followed, and `O_EXCL | O_NOFOLLOW` refuse
    // anything put there since. The rename replaces a link at `path` itself, never its target.
    _ = unlink(temporary)
    let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failed() }
    let bytes = table.encoded()
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let e = failed()
        Glibc.close(fd)
        throw e
      }
      written += n
    }
    guard Glibc.close(fd) == 0, rename(temporary, path) == 0 else { throw failed() }
  }
}
