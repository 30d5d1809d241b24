// The JSON objects of `show` and `cites`, shared by the CLI and the server so both print the same
// keys.

/// `show --format json`: a document's stored metadata and, unless asked for metadata only, its text.
public struct ShownAnswer: Encodable, Sendable {
  /// `WireFormat.version`, as every JSON answer carries it.
  public var version = WireFormat.version
  public var document: StoredDocument
  /// Some of the text was read by OCR: its words may be misread.
  public var ocr: Bool
  public var text: String?

  public init(document: StoredDocument, text: String?) {
    self.document = document
    ocr = document.ocr ?? false
    self.text = text
  }
}

/// `cites --format json`: what a document cites, each number linked to the indexed documents that carry it.
public struct CitesAnswer: Encodable, Sendable {
  /// `WireFormat.version`, as every JSON answer carries it.
  public var version = WireFormat.version
  public var id: String
  public var path: String
  public var number: String?
  public var cites: [CitedDocument]

  public init(stored: StoredDocument, cites: [CitedDocument]) {
    id = stored.id
    path = stored.path
    number = stored.metadata.number
    self.cites = cites
  }
}
