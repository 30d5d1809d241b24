// A document's id is its file name without extension (`003_32c798e237f9dc40`), which is what
// scripts and the scorers in ../shared look documents up by. Two files can share that name
// (`x.doc` and `x.pdf`, or `a/x.doc` and `b/x.doc`); then each gets the shortest end of its path
// that no other file with that name shares (`x.pdf`, `b/x.doc`), as editors name tabs, and the
// bare name is ambiguous: `show x` lists the choices instead of picking one.
//
// Ids are worked out when they are shown, from the `XI` name terms, so a file added later with
// the same name changes the first one's id rather than leaving two documents called `x`.
// Names are compared in NFC: a macOS file name in NFD is found by its name typed in NFC.

import Foundation
import Xapian

/// Finds indexed documents by id or path and gives each document an id no other one shares.
struct DocumentNames {
  let db: Database
  /// Files of one name whose paths make an id; past it a hit's id is its path.
  var maxSameName = 1_000

  /// A document found by its id or path, or the reason it was not.
  enum Lookup {
    case found(UInt32)
    case ambiguous([(id: String, path: String)])
    case none
  }

  /// The document `idOrPath` names: an indexed path, a unique id, or the end of a path.
  func lookup(_ idOrPath: String) throws -> Lookup {
    for form in Self.forms(of: FileWalker.absolute(idOrPath)) {
      if let id = try db.postings(IndexSchema.id + IndexSchema.pathKey(form)).first { return .found(id) }
    }
    var byName: [UInt32] = []
    for form in Self.forms(of: idOrPath) { byName += try postings(name: form) }
    if byName.count == 1 { return .found(byName[0]) }
    if byName.count > 1 { return .ambiguous(try choices(byName)) }
    // The end of a path, as the ids of same-named files are (`x.pdf`, `b/x.doc`).
    let wanted = Self.nfc(idOrPath)
    let file = (wanted as NSString).lastPathComponent
    var candidates = Set<UInt32>()
    for name in Set([file, (file as NSString).deletingPathExtension]) {
      for form in Self.forms(of: name) { candidates.formUnion(try postings(name: form)) }
    }
    let matching = try candidates.sorted().filter { Self.path(try stored($0).path, endsWith: wanted) }
    switch matching.count {
    case 0: return .none
    case 1: return .found(matching[0])
    default: return .ambiguous(try choices(matching))
    }
  }

  /// The docid of `idOrPath`; throws `notInIndex` or `ambiguousDocument`.
  func docid(_ idOrPath: String) throws -> UInt32 {
    switch try lookup(idOrPath) {
    case .found(let id): return id
    case .ambiguous(let c): throw VanbanError.ambiguousDocument(idOrPath, choices: c.map { "\($0.id) (\($0.path))" })
    case .none: throw VanbanError.notInIndex(idOrPath)
    }
  }

  /// `stored`'s id: its name when no other document has it, else the shortest end of its path
  /// that is nobody else's (and not itself another document's name).
  func uniqueID(of stored: StoredDocument) throws -> String { try uniqueID(name: stored.id, path: stored.path) }

  /// The id of the document at `path` whose name (file name without extension) is `name`.
  func uniqueID(name: String, path: String) throws -> String {
    let same = try postings(name: name)
    guard same.count > 1 else { return name }
    // Past this many files of one name (`scan.pdf` in every folder of an archive), the path
    // itself: each hit would read every one of their paths.
    guard same.count <= maxSameName else { return path }
    let others = try same.map { try db.document($0).value(IndexSchema.Slot.path.rawValue) }.filter {
      !ExactPath.same($0, path)
    }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    for k in 1...max(1, parts.count) {
      let tail = parts.suffix(k).joined(separator: "/")
      if others.contains(where: { Self.path($0, endsWith: tail) }) { continue }
      if k == 1, tail != name, try !postings(name: tail).isEmpty { continue }
      return tail
    }
    return path
  }

  // MARK: Helpers

  private func postings(name: String) throws -> [UInt32] {
    try db.postings(IndexSchema.name + IndexSchema.truncated(name, bytes: 200))
  }

  private func stored(_ docid: UInt32) throws -> StoredDocument {
    try StoredDocument.decodeHeader(data: try db.document(docid).data()).0
  }

  private func choices(_ ids: [UInt32]) throws -> [(id: String, path: String)] {
    try Set(ids).sorted().map { id in
      let s = try stored(id)
      return (try uniqueID(of: s), s.path)
    }
  }

  /// The spellings to try for a name typed by a user: as typed, NFC and NFD.
  static func forms(of s: String) -> [String] {
    // By bytes: Swift's `==` holds NFC and NFD equal, but Xapian's terms are bytes.
    var out = [s]
    for f in [s.precomposedStringWithCanonicalMapping, s.decomposedStringWithCanonicalMapping]
    where !out.contains(where: { $0.utf8.elementsEqual(f.utf8) }) {
      out.append(f)
    }
    return out
  }

  static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

  /// Whether `path` is `tail` or ends with `/tail`, compared in NFC.
  static func path(_ path: String, endsWith tail: String) -> Bool {
    let p = nfc(path), t = nfc(tail)
    return p == t || p.hasSuffix("/" + t)
  }
}
