/// Where the decoded text came from; the raw values are what summaries print ("converted from windows-1258: 3").
public enum SourceEncoding: String, Codable, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf8BOM = "utf-8-bom"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  case windows1258 = "windows-1258"
  /// TCVN 5712 / ABC, the `.VnTime` fonts.
  case tcvn3
  /// VNI-Windows, two bytes per accented letter.
  case vni
  /// Came from a zip/xml container (docx, odt).
  case xml
  /// Came from an external helper program (pdftotext, antiword, catdoc, tesseract) whose output was Unicode.
  case helper

  /// True when the bytes were in a legacy Vietnamese encoding and had to be converted.
  public var isLegacy: Bool { self == .windows1258 || self == .tcvn3 || self == .vni }
}

/// Metadata stored inside the file itself (docx core.xml, odt meta.xml, PDF info, HTML title).
public struct EmbeddedMetadata: Codable, Sendable, Equatable {
  public var title: String?
  public var author: String?
  /// An ISO date or date-time, as found in the file.
  public var created: String?

  public init(title: String? = nil, author: String? = nil, created: String? = nil) {
    self.title = title
    self.author = author
    self.created = created
  }

  public var isEmpty: Bool { title == nil && author == nil && created == nil }
}

/// A file turned into Unicode text.
public struct DecodedDocument: Sendable {
  /// Unicode text with LF line endings. Not NFC-normalised yet (the Text layer does that), but legacy
  /// encodings are already converted to Unicode.
  public var text: String
  public var format: DocumentFormat
  public var encoding: SourceEncoding
  public var embedded: EmbeddedMetadata
  /// Pages (or images) whose text was read by OCR: their words may be misread.
  public var ocrPages = 0
  /// What went wrong without stopping the file (a page that timed out in OCR), one line each.
  public var problems: [String] = []

  public init(
    text: String, format: DocumentFormat, encoding: SourceEncoding, embedded: EmbeddedMetadata = EmbeddedMetadata()
  ) {
    self.text = text
    self.format = format
    self.encoding = encoding
    self.embedded = embedded
  }
}
