import Foundation

/// Turns a file into Unicode text, by format: plain text (txt, md), docx/odt (zip + XML), html,
/// and pdf/doc/rtf through external helper programs.
public struct DocumentDecoder: Sendable {
  /// Files larger than this are refused with `.tooLarge`.
  public var maxFileSize: Int
  /// A helper program (pdftotext, antiword) still running after this long is killed: `.timedOut`.
  public var helperTimeout: TimeInterval
  /// Where helper programs are looked up (a PATH-style list); nil means the process's PATH.
  public var helperSearchPath: String?
  /// Cap on the text one file may decode to, in UTF-8 bytes (expanded spaces and entities count):
  /// past it the file is refused with `.tooMuchText`. Enforced as the decoders produce text.
  public var maxTextBytes: Int
  /// Address-space limit for each helper program, in bytes (nil: none); 1 GB by default.
  public var helperMemoryLimit: Int?
  /// OCR of PDF pages without text and of image files (nil: none, as `OCRMode.never`).
  public var ocr: OCROptions? {
    didSet { ocrCache = ocr?.cacheDirectory.map { OCRCache(directory: $0, limit: ocr?.cacheLimit ?? 0) } }
  }
  /// The cache of OCR text, one for the decoder's life (its size is tracked as entries are added).
  private(set) var ocrCache: OCRCache?
  /// Pages found to need OCR and read, for progress.
  var ocrPages: OCRPageCount?

  /// 16 MB: thousands of pages, more than any official document, and preparing a document costs
  /// about 14 times its text (a 31 MB text peaked at 451 MB), which keeps vanban under 500 MB.
  public static let defaultMaxTextBytes = 16 << 20
  public static let defaultHelperMemoryLimit = 1 << 30

  public init(
    maxFileSize: Int = 64 << 20, helperTimeout: TimeInterval = 60, helperSearchPath: String? = nil,
    maxTextBytes: Int = DocumentDecoder.defaultMaxTextBytes,
    helperMemoryLimit: Int? = DocumentDecoder.defaultHelperMemoryLimit, ocr: OCROptions? = nil
  ) {
    self.maxFileSize = maxFileSize
    self.helperTimeout = helperTimeout
    self.helperSearchPath = helperSearchPath
    self.maxTextBytes = maxTextBytes
    self.helperMemoryLimit = helperMemoryLimit
    self.ocr = ocr
    ocrCache = ocr?.cacheDirectory.map { OCRCache(directory: $0, limit: ocr?.cacheLimit ?? 0) }
  }

  /// Decodes the file at `path`, its format chosen by extension (unknown extensions are read as plain text).
  public func decode(fileAt path: String) throws(DecodeError) -> DecodedDocument {
    let format = DocumentFormat.forPath(path) ?? .txt
    return try decode(fileAt: path, format: format)
  }

  /// Decodes the file at `path` as `format`, whatever its extension. With `roots` (real paths), a
  /// file that is not inside one of them when opened is refused (DecodeFileIO.open); the file is
  /// opened once, and read, or handed to its helper program, as that open file.
  public func decode(
    fileAt path: String, format: DocumentFormat, within roots: [String]? = nil
  ) throws(DecodeError) -> DecodedDocument {
    let file = try DecodeFileIO.open(path, limit: maxFileSize, within: roots)
    switch format {
    case .pdf, .doc, .rtf, .png, .jpg, .tif:
      if file.size == 0 { throw .empty }
      // The descriptor stays open until the helper is done with it.
      return try withExtendedLifetime(file) { () throws(DecodeError) in
        try externalTools.decode(path: file.helperPath, format: format)
      }
    default:
      return try decode(bytes: DecodeFileIO.read(file, limit: maxFileSize), format: format)
    }
  }

  /// Decodes bytes held in memory. pdf, doc and images go through a temporary file, since their helpers read files.
  public func decode(bytes: [UInt8], format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    if bytes.count > maxFileSize { throw .tooLarge(bytes: bytes.count, limit: maxFileSize) }
    if bytes.isEmpty { throw .empty }
    switch format {
    case .txt, .md:
      let (text, encoding) = try PlainTextDecoder.decode(bytes)
      if text.utf8.count > maxTextBytes { throw .tooMuchText(limit: maxTextBytes) }
      return DecodedDocument(text: text, format: format, encoding: encoding)
    case .html:
      return try HTMLDecoder.decode(bytes, maxTextBytes: maxTextBytes)
    case .docx, .odt:
      return try ZippedXMLDecoder(maxUncompressed: maxUncompressedSize, maxTextBytes: maxTextBytes).decode(
        bytes, format: format)
    case .pdf, .doc, .rtf, .png, .jpg, .tif:
      return try DecodeFileIO.withTemporaryFile(bytes, suffix: "." + format.rawValue) { path throws(DecodeError) in
        try externalTools.decode(path: path, format: format)
      }
    }
  }

  /// Cap on what a docx/odt may decompress to (zip bombs).
  var maxUncompressedSize: Int {
    min(max(maxFileSize, 1 << 20).multipliedReportingOverflow(by: 8).partialValue, 256 << 20)
  }

  var externalTools: ExternalToolDecoder {
    ExternalToolDecoder(
      locator: HelperLocator(searchPath: helperSearchPath), timeout: helperTimeout,
      maxOutput: maxTextBytes, memoryLimit: helperMemoryLimit,
      ocr: ocr.map {
        OCRReader(
          locator: HelperLocator(searchPath: helperSearchPath), options: $0, cache: ocrCache, pages: ocrPages,
          memoryLimit: helperMemoryLimit, maxOutput: maxTextBytes)
      })
  }
}
