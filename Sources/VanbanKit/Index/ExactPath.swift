// A path as a key compared byte for byte.
//
// Swift's String equality is canonical equivalence: `Công văn.txt` spelt in NFC and in NFD are
// equal Strings, but two files on Linux (a folder copied from a Mac holds NFD names). Keyed by
// String, an incremental run took a renamed file for the one it replaced, and one of two such
// files for the other.

/// A path (or path key) that equals another only when their UTF-8 bytes do.
struct ExactPath: Hashable, Sendable {
  let path: String

  init(_ path: String) { self.path = path }

  static func == (a: ExactPath, b: ExactPath) -> Bool { a.path.utf8.elementsEqual(b.path.utf8) }

  func hash(into hasher: inout Hasher) {
    var s = path
    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
