// SHA-256 of a file's bytes, read in chunks so a large scan is never held whole: the OCR cache's
// key, which follows the content, not the name or the modification time.

import Crypto
import Foundation

enum FileDigest {
  /// The hex SHA-256 of the file at `path`.
  static func sha256(ofFileAt path: String) throws(DecodeError) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(DecodeFileIO.errnoText()) }
    defer { try? handle.close() }
    var hasher = SHA256()
    while true {
      let chunk: Data?
      do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw .unreadable("\(error.localizedDescription)") }
      guard let chunk, !chunk.isEmpty else { break }
      hasher.update(data: chunk)
    }
    return hex(hasher.finalize())
  }

  /// The hex SHA-256 of `text`'s UTF-8 bytes.
  static func sha256(of text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

  private static func hex<D: Sequence<UInt8>>(_ digest: D) -> String {
    digest.map { String(format: "%02x", $0) }.joined()
  }
}
