// OCR text kept on disk, so that a rebuild, or the same scan under another name, is not read
// again: about 3 s of CPU a page. One file per page, named by the SHA-256 of the file's content,
// the OCR settings and the page. Outside the index folder, so `--rebuild` keeps it; bounded in
// size, least recently used first out. Every write is a temporary file renamed into place, so a
// crash or two runs side by side never leave half an entry.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A size-bounded folder of OCR page texts, shared by the worker threads of one run.
final class OCRCache: Sendable {
  let directory: String
  let limit: Int
  /// Entries' sizes and last use, read from the folder at first use; nil until then.
  private let entries = LockedBox<[String: (bytes: Int, used: Date)]?>(nil)

  init(directory: String, limit: Int) {
    self.directory = directory
    self.limit = limit
  }

  /// The key of one page: the file's digest, the settings that shape the text, and the page.
  static func key(fileDigest: String, settings: String, page: Int) -> String {
    FileDigest.sha256(of: "\(fileDigest)\n\(settings)\n\(page)")
  }

  private func path(_ key: String) -> String { "\(directory)/\(key.prefix(2))/\(key).txt" }

  /// The cached text for `key`, or nil. A hit counts as a use (it moves to the back of the line).
  func text(for key: String) -> String? {
    let p = path(key)
    guard let data = FileManager.default.contents(atPath: p) else { return nil }
    let now = Date()
    try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: p)
    withEntries { $0[key]?.used = now }
    return String(decoding: data, as: UTF8.self)
  }

  /// Stores `text` under `key`, then removes the least recently used entries past the limit.
  /// A cache that cannot be written (read-only, full disk) costs only its benefit: nothing is thrown.
  func store(_ text: String, for key: String) {
    let p = path(key)
    let folder = (p as NSString).deletingLastPathComponent
    let data = Data(text.utf8)
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
    else { return }
    let temporary = "\(folder)/.\(key).\(UUID().uuidString).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
    guard rename(temporary, p) == 0 else {
      unlink(temporary)
      return
    }
    withEntries { $0[key] = (data.count, Date()) }
    evict()
  }

  /// Total bytes of the entries.
  var bytes: Int { withEntries { $0.values.reduce(0) { $0 + $1.bytes } } }

  private func evict() {
    let doomed: [String] = withEntries { entries in
      var total = entries.values.reduce(0) { $0 + $1.bytes }
      guard total > limit else { return [] }
      var out: [String] = []
      for (key, entry) in entries.sorted(by: { $0.value.used < $1.value.used }) where total > limit {
        total -= entry.bytes
        entries[key] = nil
        out.append(key)
      }
      return out
    }
    for key in doomed { unlink(path(key)) }
  }

  /// Runs `body` on the entry table, reading the folder the first time.
  private func withEntries<R>(_ body: (inout [String: (bytes: Int, used: Date)]) -> R) -> R {
    entries.withLock { table in
      if table == nil { table = scan() }
      return body(&table!)
    }
  }

  private func scan() -> [String: (bytes: Int, used: Date)] {
    var table: [String: (bytes: Int, used: Date)] = [:]
    let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
    guard
      let walk = FileManager.default.enumerator(
        at: URL(fileURLWithPath: directory), includingPropertiesForKeys: keys)
    else { return table }
    for case let url as URL in walk where url.pathExtension == "txt" && !url.lastPathComponent.hasPrefix(".") {
      guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
      table[url.deletingPathExtension().lastPathComponent] = (
        values.fileSize ?? 0, values.contentModificationDate ?? .distantPast
      )
    }
    return table
  }
}
