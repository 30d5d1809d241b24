import Foundation

/// Turns a file into Unicode text, by format: plain text (txt, md), docx/odt (zip + XML), html,
/// and pdf/doc through external helper programs.
public struct DocumentDecoder: Sendable {
  /// Files larger than this are refused with `.tooLarge`.
  public var maxFileSize: Int
  /// A helper program (pdftotext, antiword) still running after this long is killed: `.timedOut`.
  public var helperTimeout: TimeInterval
  /// Where helper programs are looked up (a PATH-style list); nil means the process's PATH.
  public var helperSearchPath: String?

  public init(maxFileSize: Int = 64 << 20, helperTimeout: TimeInterval = 60, helperSearchPath: String? = nil) {
    self.maxFileSize = maxFileSize
    self.helperTimeout = helperTimeout
    self.helperSearchPath = helperSearchPath
  }

  /// Decodes the file at `path`, its format chosen by extension (unknown extensions are read as plain text).
  public func decode(fileAt path: String) throws(DecodeError) -> DecodedDocument {
    let format = DocumentFormat.forPath(path) ?? .txt
    return try decode(fileAt: path, format: format)
  }

  /// Decodes the file at `path` as `format`, whatever its extension.
  public func decode(fileAt path: String, format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    switch format {
    case .pdf, .doc:
      let size = try DecodeFileIO.checkedSize(path, limit: maxFileSize)
      if size == 0 { throw .empty }
      return try externalTools.decode(path: path, format: format)
    default:
      return try decode(bytes: DecodeFileIO.read(path, limit: maxFileSize), format: format)
    }
  }

  /// Decodes bytes held in memory. pdf and doc go through a temporary file, since their helpers read files.
  public func decode(bytes: [UInt8], format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    if bytes.count > maxFileSize { throw .tooLarge(bytes: bytes.count, limit: maxFileSize) }
    if bytes.isEmpty { throw .empty }
    switch format {
    case .txt, .md:
      let (text, encoding) = try PlainTextDecoder.decode(bytes)
      return DecodedDocument(text: text, format: format, encoding: encoding)
    case .html:
      return try HTMLDecoder.decode(bytes)
    case .docx, .odt:
      return try ZippedXMLDecoder(maxUncompressed: maxUncompressedSize).decode(bytes, format: format)
    case .pdf, .doc:
      return try DecodeFileIO.withTemporaryFile(bytes, suffix: "." + format.rawValue) { path throws(DecodeError) in
        try externalTools.decode(path: path, format: format)
      }
    }
  }

  /// Cap on what a docx/odt may decompress to (zip bombs).
  var maxUncompressedSize: Int { min(max(maxFileSize, 1 << 20).multipliedReportingOverflow(by: 8).partialValue, 256 << 20) }

  var externalTools: ExternalToolDecoder {
    ExternalToolDecoder(locator: HelperLocator(searchPath: helperSearchPath), timeout: helperTimeout,
                        maxOutput: maxUncompressedSize)
  }
}
