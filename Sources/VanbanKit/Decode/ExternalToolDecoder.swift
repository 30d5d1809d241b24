import Foundation

/// pdf, doc and rtf through helper programs run as subprocesses (never through a shell), with a timeout.
struct ExternalToolDecoder: Sendable {
  var locator: HelperLocator
  var timeout: TimeInterval
  /// Output beyond this is an error (a runaway helper): the per-document text cap.
  var maxOutput: Int
  /// Address-space limit for each helper, in bytes (nil: none).
  var memoryLimit: Int? = nil
  /// Reads pages without text (nil: no OCR, a PDF without text is damaged).
  var ocr: OCRReader? = nil

  func decode(path: String, format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    switch format {
    case .pdf: return try decodePDF(path)
    case .doc: return try decodeDOC(path)
    case .rtf: return try decodeRTF(path)
    case .png, .jpg, .tif: return try decodeImage(path, format: format)
    default: throw .damaged("no helper for .\(format.rawValue)")
    }
  }

  // MARK: pdf

  func decodePDF(_ path: String) throws(DecodeError) -> DecodedDocument {
    guard let pdftotext = locator.locate("pdftotext") else {
      throw .missingHelper(program: "pdftotext", debianPackage: "poppler-utils")
    }
    let result = try HelperProcess.run(
      pdftotext, ["-layout", "-enc", "UTF-8", path, "-"],
      timeout: timeout, maxOutput: maxOutput, memoryLimit: memoryLimit)
    guard result.status == 0 else {
      // Poppler's wording for a PDF with a user password (exit status 1, like any open error).
      if String(decoding: result.stderr, as: UTF8.self).contains("Incorrect password") { throw .encrypted }
      throw .damaged(Self.firstLine(result.stderr) ?? "pdftotext exited with status \(result.status)")
    }
    var text = String(decoding: result.stdout, as: UTF8.self)
    var read = ScannedPages(text: text, ocrPages: 0, problems: [])
    if let ocr, ocr.options.mode != .never {
      // Before the line endings are normalised: they turn the form feeds between pages into newlines.
      read = try ScannedPages.read(text, of: path, with: ocr)
      text = read.text
    }
    text = PlainTextDecoder.normalizeLineEndings(text)
    if PlainTextDecoder.isBlank(text) {
      throw .damaged(read.ocrPages > 0 ? "no text layer, and OCR read no words" : "no text layer (scanned PDF?)")
    }
    text = PDFLayout.readingOrder(text)
    var encoding = SourceEncoding.helper
    if let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encoding = repaired.encoding
    }
    var decoded = DecodedDocument(text: text, format: .pdf, encoding: encoding, embedded: pdfMetadata(path))
    decoded.ocrPages = read.ocrPages
    decoded.problems = read.problems
    return decoded
  }

  // MARK: images

  func decodeImage(_ path: String, format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    guard let ocr, ocr.options.mode != .never else { throw .damaged("an image, and OCR is off") }
    let text = PlainTextDecoder.normalizeLineEndings(try ocr.readImage(path))
    if PlainTextDecoder.isBlank(text) { throw .empty }
    var decoded = DecodedDocument(text: text, format: format, encoding: .helper)
    decoded.ocrPages = 1
    return decoded
  }

  /// Title, Author and CreationDate from `pdfinfo -isodates`, when pdfinfo is installed.
  func pdfMetadata(_ path: String) -> EmbeddedMetadata {
    guard let pdfinfo = locator.locate("pdfinfo"),
      let result = try? HelperProcess.run(
        pdfinfo, ["-isodates", "-enc", "UTF-8", path], timeout: timeout,
        maxOutput: 1 << 20, memoryLimit: memoryLimit),
      result.status == 0
    else { return EmbeddedMetadata() }
    var meta = EmbeddedMetadata()
    for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon]
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard !value.isEmpty else { continue }
      switch key {
      case "Title": meta.title = value
      case "Author": meta.author = value
      case "CreationDate": meta.created = value
      default: break
      }
    }
    return meta
  }

  // MARK: doc

  func decodeDOC(_ path: String) throws(DecodeError) -> DecodedDocument {
    let result: HelperProcess.Result
    let program: String
    if let antiword = locator.locate("antiword") {
      program = "antiword"
      result = try HelperProcess.run(
        antiword, ["-m", "UTF-8.txt", "-w", "0", path], timeout: timeout, maxOutput: maxOutput,
        memoryLimit: memoryLimit)
    } else if let catdoc = locator.locate("catdoc") {
      program = "catdoc"
      result = try HelperProcess.run(
        catdoc, ["-d", "utf-8", "-w", path], timeout: timeout, maxOutput: maxOutput,
        memoryLimit: memoryLimit)
    } else {
      throw .missingHelper(program: "antiword", debianPackage: "antiword")
    }
    guard result.status == 0 else {
      let detail =
        Self.firstLine(result.stderr) ?? Self.firstLine(result.stdout)
        ?? "\(program) exited with status \(result.status)"
      // antiword says "FILE is not a Word Document." for anything it cannot parse.
      throw .damaged(detail.replacingOccurrences(of: path, with: "file"))
    }
    var text = PlainTextDecoder.normalizeLineEndings(String(decoding: result.stdout, as: UTF8.self))
    if PlainTextDecoder.isBlank(text) { throw .empty }
    if program == "antiword" { text = TableCells.antiwordReadingOrder(text) }
    var encoding = SourceEncoding.helper
    // Old government .doc files use TCVN3 / VNI fonts: their text comes out as Latin-1 mojibake.
    if let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encoding = repaired.encoding
    }
    return DecodedDocument(text: text, format: .doc, encoding: encoding)
  }

  static func firstLine(_ bytes: [UInt8]) -> String? {
    String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
  }
}
