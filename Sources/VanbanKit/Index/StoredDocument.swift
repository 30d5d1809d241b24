// What the index keeps of each document besides its terms: everything a hit, `show` or `cites`
// prints, so that printing never re-reads or re-decodes the source file.

import Foundation

/// What the index keeps of each document besides its terms: where it came from and its metadata.
public struct StoredDocument: Codable, Sendable, Equatable {
  /// File name without extension (not unique across folders; the path is).
  public var id: String
  /// Absolute path of the source file as indexed.
  public var path: String
  public var format: String
  /// Where the text came from (`utf-8`, `windows-1258`, `tcvn3`, …).
  public var encoding: String
  public var size: Int
  /// Modification time (seconds since 1970) of the indexed version.
  public var modified: Double
  /// The inode number of the indexed file (absent in indexes made before it was kept): the
  /// server hands out the original only if the file it opens is still this one.
  public var inode: UInt64?
  public var metadata: DocumentMetadata
  public var embedded: EmbeddedMetadata?
  /// Some of the text was read by OCR, so its words may be misread; nil (no key) when none was.
  public var ocr: Bool?

  /// The id a file at `path` gets: its name without extension. Derived from the path alone, so
  /// that a document known only by its path (value slot `path`) is named without its stored data.
  static func name(ofPath path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  /// Header JSON, a NUL, then the text (see IndexSchema.dataSeparator).
  func encodeData(text: String) throws -> [UInt8] {
    var bytes = Array(try JSONEncoder().encode(self))
    bytes.append(IndexSchema.dataSeparator)
    bytes.append(contentsOf: text.utf8)
    return bytes
  }

  /// Decodes the header; the text only when asked, since most hits need only a snippet window.
  static func decode(data: [UInt8], withText: Bool) throws -> (StoredDocument, String?) {
    let (header, text) = try decodeHeader(data: data)
    return (header, withText ? String(decoding: text, as: UTF8.self) : nil)
  }

  /// The header, and the text still as UTF-8 (a hit reads only the head of a long text).
  static func decodeHeader(data: [UInt8]) throws -> (StoredDocument, ArraySlice<UInt8>) {
    let split = data.firstIndex(of: IndexSchema.dataSeparator) ?? data.endIndex
    let header = try JSONDecoder().decode(StoredDocument.self, from: Data(data[..<split]))
    return (header, text(of: data, after: split))
  }

  /// The text alone, still as UTF-8, without decoding the header (about 60 µs of JSON a document).
  static func text(ofData data: [UInt8]) -> ArraySlice<UInt8> {
    text(of: data, after: data.firstIndex(of: IndexSchema.dataSeparator) ?? data.endIndex)
  }

  private static func text(of data: [UInt8], after split: Int) -> ArraySlice<UInt8> {
    split < data.endIndex ? data[(split + 1)...] : []
  }
}
