import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// .docx and .odt: a zip archive whose main XML part holds the text, plus a metadata part.
struct ZippedXMLDecoder {
  /// Cap on the decompressed size of any part and of all parts read together (zip bombs).
  var maxUncompressed: Int
  /// Cap on the text of the document, counting expanded spaces (`<text:s text:c="1000"/>`).
  var maxTextBytes: Int = .max
  /// Size past which a part waits for `LargePartGate`.
  var largePart = LargePartGate.threshold

  func decode(_ bytes: [UInt8], format: DocumentFormat) throws(DecodeError) -> DecodedDocument {
    let archive: Archive
    do {
      archive = try Archive(data: Data(bytes), accessMode: .read)
    } catch {
      throw .damaged("not a readable zip archive (truncated or corrupt)")
    }
    var budget = maxUncompressed
    let gate = LargePartGate()
    defer { gate.leave() }
    let mainPath: String
    let metaPath: String
    if format == .odt {
      mainPath = "content.xml"
      metaPath = "meta.xml"
    } else {
      mainPath = try officeDocumentPath(archive, budget: &budget, gate: gate) ?? "word/document.xml"
      metaPath = "docProps/core.xml"
    }
    guard var main = try read(mainPath, from: archive, budget: &budget, gate: gate) else {
      throw .damaged("zip archive without \(mainPath) (not a \(format.rawValue) file?)")
    }
    let extractor = OfficeTextExtractor(flavor: format == .odt ? .odf : .wordprocessingML, maxTextBytes: maxTextBytes)
    let extracted = extractor.run(&main)
    main = Data()  // released before the next part is read
    guard let extracted else {
      if extractor.overLimit { throw .tooMuchText(limit: maxTextBytes) }
      throw .damaged("\(mainPath): \(extractor.errorText ?? "malformed XML")")
    }
    var embedded = EmbeddedMetadata()
    if var meta = try? read(metaPath, from: archive, budget: &budget, gate: gate) {
      embedded = OfficeMetadataExtractor().run(&meta)
    }
    var text = PlainTextDecoder.normalizeLineEndings(extracted)
    var encoding = SourceEncoding.xml
    if let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encoding = repaired.encoding
    }
    if PlainTextDecoder.isBlank(text) { throw .empty }
    return DecodedDocument(text: text, format: format, encoding: encoding, embedded: embedded)
  }

  /// Element depth past which a part is refused: Word nests tables a few levels deep, and a
  /// 246 KB part of 36 million nested elements held 3.5 GB in the parser.
  static let maxDepth = 10_000

  /// Makes office XML safe for Foundation's XMLParser, in place; false when it cannot be. Fuzzing found
  /// two inputs that kill the process inside FoundationXML rather than fail the parse: an element
  /// name that is not UTF-8 (a trap), and a processing instruction without data (`<?x?>`, a
  /// strlen of NULL). Office parts are UTF-8, so anything else is refused; processing
  /// instructions carry no text, so each but the XML declaration is blanked out with spaces.
  /// Office parts have no DTD either, and a DTD is how a kilobyte of XML makes libxml2 expand
  /// an entity for hours (`<!ENTITY x "…">` referenced a million times): one is refused.
  /// (In place: the largest part may be 256 MB, and a copy of it would be another.)
  static func makeParsable(_ data: inout Data) -> Bool {
    let valid = data.withUnsafeBytes { raw -> Bool in
      let b = raw.bindMemory(to: UInt8.self)
      var it = b[bomLength(b)...].makeIterator()
      var utf8 = UTF8()
      while true {
        switch utf8.decode(&it) {
        case .scalarValue: continue
        case .emptyInput: return !hasDTD(b, from: bomLength(b))
        case .error: return false
        }
      }
    }
    guard valid else { return false }
    data.withUnsafeMutableBytes { raw in
      let b = raw.bindMemory(to: UInt8.self)
      let start = bomLength(UnsafeBufferPointer(b))
      var i = start
      while i + 1 < b.count {
        guard b[i] == 0x3C, b[i + 1] == 0x3F else {  // <?
          i += 1
          continue
        }
        var end = i + 2
        while end + 1 < b.count, !(b[end] == 0x3F && b[end + 1] == 0x3E) { end += 1 }  // ?>
        guard end + 1 < b.count else { break }  // unterminated: the parser reports it
        let isDeclaration = i == start && b.count > i + 5 && b[i + 2] == 0x78 && b[i + 3] == 0x6D && b[i + 4] == 0x6C
        if !isDeclaration {
          for k in i...(end + 1) { b[k] = 0x20 }
        }
        i = end + 2
      }
    }
    return true
  }

  /// The length of a UTF-8 byte-order mark at the start, 0 or 3.
  private static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
  }

  /// Whether the prolog, before the root element, holds `<!DOCTYPE`: the only place a DTD (and
  /// so an entity declaration) can stand. Comments and processing instructions are passed over.
  private static func hasDTD(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    func skip(past end: [UInt8], from i: Int) -> Int {
      var k = i
      while k + end.count <= b.count, !end.indices.allSatisfy({ b[k + $0] == end[$0] }) { k += 1 }
      return k + end.count
    }
    var i = start
    while i + 3 < b.count {
      guard b[i] == 0x3C else {
        i += 1
        continue
      }
      switch (b[i + 1], b[i + 2], b[i + 3]) {
      case (0x3F, _, _): i = skip(past: [0x3F, 0x3E], from: i + 2)  // <? … ?>
      case (0x21, 0x2D, 0x2D): i = skip(past: [0x2D, 0x2D, 0x3E], from: i + 4)  // <!-- … -->
      case (0x21, 0x44, _), (0x21, 0x64, _): return true  // <!DOCTYPE
      default: return false  // the root element
      }
    }
    return false
  }

  /// The main part named by `_rels/.rels` (usually `word/document.xml`), if the archive says.
  private func officeDocumentPath(
    _ archive: Archive, budget: inout Int, gate: LargePartGate
  ) throws(DecodeError) -> String? {
    guard var rels = try? read("_rels/.rels", from: archive, budget: &budget, gate: gate) else { return nil }
    let finder = RelationshipFinder()
    guard Self.makeParsable(&rels) else { return nil }
    let parser = XMLParser(data: rels)
    parser.delegate = finder
    _ = parser.parse()
    guard var target = finder.officeDocument else { return nil }
    while target.hasPrefix("/") { target.removeFirst() }
    return archive[target] == nil ? nil : target
  }

  private struct OverBudget: Error {}

  /// The decompressed bytes of one entry, nil if it is absent. A large one waits for `gate`,
  /// held until the decode ends.
  private func read(
    _ path: String, from archive: Archive, budget: inout Int, gate: LargePartGate
  ) throws(DecodeError) -> Data? {
    guard let entry = archive[path] else { return nil }
    if entry.uncompressedSize > UInt64(max(budget, 0)) {
      throw .tooLarge(bytes: Int(clamping: entry.uncompressedSize), limit: maxUncompressed)
    }
    // Sized once: grown by appending, a 256 MB part passes through copies of 128 and 256 MB.
    // (The size the archive declares may be a lie; the gate is also taken as the bytes come.)
    let declared = Int(clamping: min(entry.uncompressedSize, UInt64(max(budget, 0))))
    if declared > largePart { try gate.enter() }
    var data = Data(capacity: declared)
    var remaining = budget
    let cancellation = Cancellation.current
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        remaining -= chunk.count
        if remaining < 0 { throw OverBudget() }
        if cancellation?.isCancelled == true { throw DecodeError.givenUp }
        if data.count + chunk.count > largePart { try gate.enter() }
        data.append(chunk)
      }
    } catch is OverBudget {
      throw .tooLarge(bytes: maxUncompressed - remaining, limit: maxUncompressed)
    } catch let error as DecodeError {
      throw error
    } catch {
      throw .damaged("\(path) cannot be decompressed (truncated or corrupt zip)")
    }
    budget = remaining
    return data
  }
}

/// Element name without its namespace prefix.
@inline(__always) private func localName(_ qName: String) -> Substring {
  if let colon = qName.lastIndex(of: ":") { return qName[qName.index(after: colon)...] }
  return qName[...]
}

/// Finds the officeDocument relationship in an OOXML package's `_rels/.rels`.
private final class RelationshipFinder: NSObject, XMLParserDelegate {
  var officeDocument: String?
  private var depth = 0
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    depth += 1
    if depth > ZippedXMLDecoder.maxDepth { return parser.abortParsing() }
    if localName(elementName) == "Relationship", let type = attributes["Type"], type.hasSuffix("/officeDocument"),
      officeDocument == nil
    {
      officeDocument = attributes["Target"]
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) { depth -= 1 }
}

/// Text of a WordprocessingML (`word/document.xml`) or ODF (`content.xml`) body.
///
/// Runs within a paragraph are concatenated exactly as written (a bold run inside a word neither splits
/// nor glues words); paragraph ends, table cells and line breaks become newlines; tabs become tabs.
final class OfficeTextExtractor: NSObject, XMLParserDelegate {
  enum Flavor { case wordprocessingML, odf }
  let flavor: Flavor
  private var out = ""
  /// Depth inside elements whose character data is text (`w:t`; for ODF `text:p`/`text:h`).
  private var textDepth = 0
  /// Depth inside a `w:r` run (tabs and breaks count only there, not in tab-stop definitions).
  private var runDepth = 0
  /// Depth inside subtrees to skip (mc:Fallback duplicates, deleted text, annotations).
  private var skipDepth = 0
  /// ODF collapses runs of white space in character data.
  private var lastWasSpace = true
  /// Elements open now (`ZippedXMLDecoder.maxDepth` bounds it).
  private var depth = 0
  /// Elements started so far: every 4096th asks whether the file has been given up.
  private var started = 0
  private let cancellation = Cancellation.current
  private(set) var errorText: String?
  /// Cap on `out` in UTF-8 bytes; past it parsing stops and `overLimit` is set.
  let maxTextBytes: Int
  private(set) var overLimit = false

  init(flavor: Flavor, maxTextBytes: Int = .max) {
    self.flavor = flavor
    self.maxTextBytes = maxTextBytes
  }

  /// The text, or nil when the XML is malformed (see `errorText`) or makes too much text (`overLimit`).
  func run(_ data: inout Data) -> String? {
    // Fed to the parser in chunks through a stream: given as one block, libxml2 refuses a part
    // over 10 MB ("huge input lookup") and a large valid document read as malformed XML.
    guard ZippedXMLDecoder.makeParsable(&data) else {
      errorText = "malformed XML (not UTF-8, or a DTD)"
      return nil
    }
    let parser = XMLParser(stream: DataInputStream(data))
    parser.delegate = self
    parser.shouldResolveExternalEntities = false
    let ok = parser.parse()
    if overLimit { return nil }
    if !ok || errorText != nil || parser.parserError != nil {
      if errorText == nil { errorText = "malformed XML at line \(parser.lineNumber)" }
      return nil
    }
    return out
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    if errorText == nil { errorText = "malformed XML at line \(parser.lineNumber)" }
  }

  private func endLine() {
    if !out.isEmpty && !out.hasSuffix("\n") { out.append("\n") }
    lastWasSpace = true
  }

  /// Whether `extra` more bytes still fit under the cap; when not, stops the parser.
  private func fits(_ parser: XMLParser, _ extra: Int = 0) -> Bool {
    if overLimit { return false }
    if out.utf8.count + extra <= maxTextBytes { return true }
    overLimit = true
    parser.abortParsing()
    return false
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    depth += 1
    if depth > ZippedXMLDecoder.maxDepth {
      if errorText == nil { errorText = "XML nested more than \(ZippedXMLDecoder.maxDepth) elements deep" }
      return parser.abortParsing()
    }
    started += 1
    if started & 4095 == 0, cancellation?.isCancelled == true {
      if errorText == nil { errorText = DecodeError.givenUp.description }
      return parser.abortParsing()
    }
    if skipDepth > 0 { skipDepth += 1; return }
    guard fits(parser, 1) else { return }
    let name = localName(elementName)
    switch flavor {
    case .wordprocessingML:
      switch name {
      case "Fallback", "delText", "instrText", "del": skipDepth = 1
      case "r": runDepth += 1
      case "t": textDepth += 1
      case "tab" where runDepth > 0: out.append("\t")
      case "br", "cr": if runDepth > 0 { out.append("\n") }
      case "noBreakHyphen": out.append("-")
      default: break
      }
    case .odf:
      switch name {
      case "annotation", "tracked-changes", "note-citation": skipDepth = 1
      case "p", "h":
        textDepth += 1
        lastWasSpace = true
      case "tab": out.append("\t"); lastWasSpace = false
      case "line-break": out.append("\n"); lastWasSpace = true
      case "s":
        let n = min(max(attributes.first(where: { localName($0.key) == "c" }).flatMap { Int($0.value) } ?? 1, 1), 1000)
        guard fits(parser, n) else { return }  // the expanded spaces count: this is how a 24 KB file made 5 GB
        out.append(String(repeating: " ", count: n))
        lastWasSpace = false
      default: break
      }
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    depth -= 1
    if skipDepth > 0 { skipDepth -= 1; return }
    guard fits(parser, 1) else { return }
    let name = localName(elementName)
    switch flavor {
    case .wordprocessingML:
      switch name {
      case "r": runDepth = max(0, runDepth - 1)
      case "t": textDepth = max(0, textDepth - 1)
      case "p": out.append("\n")
      case "tc": endLine()
      default: break
      }
    case .odf:
      switch name {
      case "p", "h":
        textDepth = max(0, textDepth - 1)
        out.append("\n")
        lastWasSpace = true
      case "table-cell", "list-item": endLine()
      default: break
      }
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard skipDepth == 0, textDepth > 0, fits(parser, string.utf8.count) else { return }
    switch flavor {
    case .wordprocessingML:
      out.append(string)
    case .odf:
      for ch in string {
        if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
          if !lastWasSpace { out.append(" ") }
          lastWasSpace = true
        } else {
          out.append(ch)
          lastWasSpace = false
        }
      }
    }
  }
}

/// Title, author and creation date from docx `docProps/core.xml` or odt `meta.xml`.
final class OfficeMetadataExtractor: NSObject, XMLParserDelegate {
  private var current: String?
  private var buffer = ""
  private var title: String?, creator: String?, initialCreator: String?, created: String?
  private var depth = 0

  func run(_ data: inout Data) -> EmbeddedMetadata {
    guard ZippedXMLDecoder.makeParsable(&data) else { return EmbeddedMetadata() }
    let parser = XMLParser(data: data)
    parser.delegate = self
    parser.shouldResolveExternalEntities = false
    _ = parser.parse()
    return EmbeddedMetadata(title: title, author: initialCreator ?? creator, created: created)
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    depth += 1
    if depth > ZippedXMLDecoder.maxDepth { return parser.abortParsing() }
    let name = String(localName(elementName))
    if ["title", "creator", "initial-creator", "created", "creation-date"].contains(name) {
      current = name
      buffer = ""
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if current != nil { buffer += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    depth -= 1
    guard let name = current, localName(elementName) == name else { return }
    current = nil
    let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !value.isEmpty else { return }
    switch name {
    case "title": title = title ?? value
    case "creator": creator = creator ?? value
    case "initial-creator": initialCreator = initialCreator ?? value
    default: created = created ?? value
    }
  }
}
