// A path as a key compared byte for byte.
//
// Swift's String equality is canonical equivalence: `Công văn.txt` spelt in NFC and in NFD are
// equal Strings, but two files on Linux (a folder copied from a Mac holds NFD names). Keyed by
// String, an incremental run took a renamed file for the one it replaced, and one of two such
// files for the other.

/// A path (or path key) that equals another only when their UTF-8 bytes do.
///
/// `ExactPath.isUnder` and `ExactPath.same` compare plain Strings the same way: a link's target
/// is inside the folders being indexed only when its bytes say so, not when a sibling folder's
/// name is the root's in another normalisation.
struct ExactPath: Hashable, Sendable {
  let path: String

  init(_ path: String) { self.path = path }

  static func == (a: ExactPath, b: ExactPath) -> Bool { a.path.utf8.elementsEqual(b.path.utf8) }

  func hash(into hasher: inout Hasher) {
    var s = path
    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension ExactPath {
  /// `a` and `b` are the same path, byte for byte.
  static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

  /// `path` is `root` or lies below it, byte for byte (`/a/b` is under `/a` and `/a/`, not under `/a/bc`).
  static func isUnder(_ path: String, _ root: String) -> Bool {
    let p = path.utf8
    let r = root.utf8
    guard p.starts(with: r) else { return false }
    if p.count == r.count || r.last == UInt8(ascii: "/") { return true }
    return p[p.index(p.startIndex, offsetBy: r.count)] == UInt8(ascii: "/")
  }
}
