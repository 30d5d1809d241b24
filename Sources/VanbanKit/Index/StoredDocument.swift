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

  /// Header JSON, a NUL, then the text (see IndexSchema.dataSeparator), and the guard of long
  /// data (IndexSchema.dataGuardLength). The same file gives the same bytes on every run: keys
  /// sorted (a dictionary's order changes with each process's hash seed).
  func encodeData(text: String) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let header = try encoder.encode(self)
    var bytes: [UInt8] = []
    // One allocation: a long text appended, then its guard, would otherwise copy it twice.
    bytes.reserveCapacity(header.count + 1 + text.utf8.count + IndexSchema.dataGuardLength)
    bytes.append(contentsOf: header)
    bytes.append(IndexSchema.dataSeparator)
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= IndexSchema.dataGuardFrom { Self.appendGuard(to: &bytes) }
    return bytes
  }

  /// A NUL and 32 bytes of a SplitMix64 stream seeded from the data's length and last 4 KB:
  /// coded as literals (no earlier text can hold them, since they depend on it), so when Xapian's
  /// reader runs out of input only a few bytes of output are pending (IndexSchema.dataGuardLength).
  static func appendGuard(to bytes: inout [UInt8]) {
    var state = FNV1a.hash(bytes.suffix(4096), from: FNV1a.offset ^ UInt64(bytes.count))
    bytes.append(IndexSchema.dataSeparator)
    for _ in 0..<(IndexSchema.dataGuardLength - 1) / 8 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      withUnsafeBytes(of: z.littleEndian) { bytes.append(contentsOf: $0) }
    }
  }

  /// Where the text ends: before the guard when the data has one (a text holds no NUL, so an
  /// index written before guards is read as it was).
  static func textEnd(of data: [UInt8]) -> Int {
    let guardStart = data.endIndex - IndexSchema.dataGuardLength
    if data.count >= IndexSchema.dataGuardFrom + IndexSchema.dataGuardLength
      && data[guardStart] == IndexSchema.dataSeparator
    {
      return guardStart
    }
    return data.endIndex
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
    let end = textEnd(of: data)
    return split < end ? data[(split + 1)..<end] : []
  }
}
