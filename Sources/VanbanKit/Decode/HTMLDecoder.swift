import Foundation

/// .html / .htm: charset detection, then a tolerant tokenizer (a state machine over tags, attributes,
/// comments and entities, in the spirit of the HTML5 tokenizer) that keeps text, drops `script`/`style`,
/// turns block elements into line breaks and collects `<title>`.
enum HTMLDecoder {
  static func decode(_ bytes: [UInt8], maxTextBytes: Int = .max) throws(DecodeError) -> DecodedDocument {
    let (source, encoding) = try decodeCharset(bytes)
    let extracted = HTMLTextExtractor.extract(source, maxTextBytes: maxTextBytes)
    if extracted.overLimit { throw .tooMuchText(limit: maxTextBytes) }
    var text = extracted.text, title = extracted.title
    var encodingOut = encoding
    // Pages declared as Latin-1 / Windows-1252 but typed in VNI or TCVN3 fonts.
    if encoding == .utf8 || encoding == .utf8BOM, let repaired = LegacyDetector.repair(text) {
      text = repaired.text
      encodingOut = repaired.encoding
      if let t = title, let r = LegacyDetector.repair(t), r.encoding == repaired.encoding { title = r.text }
    }
    if PlainTextDecoder.isBlank(text) && title == nil { throw .empty }
    return DecodedDocument(text: text, format: .html, encoding: encodingOut, embedded: EmbeddedMetadata(title: title))
  }

  /// The page's characters: BOM first, then a declared `<meta charset>`, else plain-text detection.
  static func decodeCharset(_ bytes: [UInt8]) throws(DecodeError) -> (String, SourceEncoding) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      || PlainTextDecoder.looksLikeBOMlessUTF16(bytes) != nil
    {
      return try PlainTextDecoder.detectAndDecode(bytes)
    }
    let declared = declaredCharset(bytes)?.lowercased()
    switch declared {
    case "windows-1258", "cp1258", "x-cp1258":
      return (Windows1258.decode(bytes), .windows1258)
    case "tcvn", "tcvn3", "tcvn-3", "tcvn5712-1", "x-viet-tcvn5712", "x-viet-tcvn":
      return (TCVN3.decode(bytes), .tcvn3)
    case "vni", "x-viet-vni":
      return (VNI.decode(bytes), .vni)
    case "iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii":
      // Often a lie on Vietnamese pages typed with VNI/TCVN3 fonts; check the bytes first.
      if UTF8Stats(bytes).invalidSequences > 0, let (enc, _) = LegacyDetector.detect(bytes) {
        return (LegacyDetector.decode(bytes, as: enc), enc)
      }
      if UTF8Stats(bytes).invalidSequences == 0 { return (String(decoding: bytes, as: UTF8.self), .utf8) }
      // Markup is ASCII, so the mojibake repair after text extraction can still catch legacy fonts.
      return (Windows1252.decode(bytes), .utf8)
    default:
      // utf-8, no declaration, or something we do not know: the same detection as plain text.
      if PlainTextDecoder.looksBinary(bytes) { throw .binary }
      return try PlainTextDecoder.decodeUnmarked(bytes)
    }
  }

  /// The charset named by `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
  /// in the first 8 KB (read as Latin-1, since markup is ASCII).
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(8192).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    var found: String?
    var tokenizer = HTMLTokenizer(head)
    tokenizer.run { token in
      guard found == nil, case .startTag(let name, let attributes, _) = token, name == "meta" else { return }
      if let cs = attributes["charset"], !cs.isEmpty {
        found = cs.trimmingCharacters(in: .whitespaces)
      } else if let content = attributes["content"]?.lowercased(), let r = content.range(of: "charset=") {
        let value = content[r.upperBound...].prefix { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" }
        if !value.isEmpty { found = String(value) }
      }
    }
    return found
  }
}

/// Tokens of an HTML document.
enum HTMLToken {
  case text(String)
  case startTag(name: String, attributes: [String: String], selfClosing: Bool)
  case endTag(name: String)
}

/// A forgiving HTML tokenizer: never fails, treats a stray `<` as text, skips comments, doctype and
/// processing instructions, reads raw-text elements (`script`, `style`) up to their end tag, and decodes
/// character references in text and attribute values.
struct HTMLTokenizer {
  private let s: [Unicode.Scalar]
  private var i = 0

  init(_ source: String) { s = Array(source.unicodeScalars) }

  private static let rawText: Set<String> = [
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes",
  ]

  mutating func run(_ emit: (HTMLToken) -> Void) {
    var text = String.UnicodeScalarView()
    func flushText() {
      if !text.isEmpty {
        emit(.text(HTMLEntities.decode(String(text))))
        text.removeAll(keepingCapacity: true)
      }
    }
    while i < s.count {
      let c = s[i]
      guard c == "<", i + 1 < s.count else { text.append(c); i += 1; continue }
      let n = s[i + 1]
      if n == "!" {
        flushText()
        if startsWith("<!--", at: i) {
          i = indexAfter("-->", from: i + 4) ?? s.count
        } else if startsWith("<![cdata[", at: i) {
          let end = index(of: "]]>", from: i + 9) ?? s.count
          emit(.text(String(String.UnicodeScalarView(s[(i + 9)..<end]))))
          i = min(end + 3, s.count)
        } else {
          i = indexAfter(">", from: i + 2) ?? s.count
        }
      } else if n == "?" {
        flushText()
        i = indexAfter(">", from: i + 2) ?? s.count
      } else if n == "/" && i + 2 < s.count && isASCIILetter(s[i + 2]) {
        flushText()
        i += 2
        let name = readName()
        i = indexAfter(">", from: i) ?? s.count
        emit(.endTag(name: name))
      } else if isASCIILetter(n) {
        flushText()
        i += 1
        let name = readName()
        let (attributes, selfClosing) = readAttributes()
        emit(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
        if Self.rawText.contains(name) && !selfClosing {
          // Raw text up to the matching end tag, case-insensitively.
          let end = indexOfEndTag(name, from: i) ?? s.count
          let body = String(String.UnicodeScalarView(s[i..<end]))
          if name == "title" || name == "textarea" {
            emit(.text(HTMLEntities.decode(body)))
          } else {
            emit(.text(body))
          }
          i = end
          if i < s.count {
            i += 2
            _ = readName()
            i = indexAfter(">", from: i) ?? s.count
            emit(.endTag(name: name))
          }
        }
      } else {
        text.append(c)
        i += 1
      }
    }
    flushText()
  }

  private func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

  private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }

  /// ASCII case-insensitive match of `p` (lowercase ASCII) at `k`.
  private func startsWith(_ p: String, at k: Int) -> Bool {
    var j = k
    for u in p.utf8 {
      guard j < s.count else { return false }
      var v = s[j].value
      if v >= 0x41 && v <= 0x5A { v += 0x20 }
      guard v == UInt32(u) else { return false }
      j += 1
    }
    return true
  }

  private func index(of p: String, from k: Int) -> Int? {
    guard let first = p.unicodeScalars.first else { return k }
    var j = k
    while j < s.count {
      if s[j] == first && startsWith(p, at: j) { return j }
      j += 1
    }
    return nil
  }

  private func indexAfter(_ p: String, from k: Int) -> Int? {
    index(of: p, from: k).map { $0 + p.unicodeScalars.count }
  }

  private func indexOfEndTag(_ name: String, from k: Int) -> Int? {
    var j = k
    let count = name.unicodeScalars.count
    while let at = index(of: "</" + name, from: j) {
      let after = at + 2 + count
      if after >= s.count || isSpace(s[after]) || s[after] == ">" || s[after] == "/" { return at }
      j = at + 1
    }
    return nil
  }

  private mutating func readName() -> String {
    var name = String.UnicodeScalarView()
    while i < s.count, !isSpace(s[i]), s[i] != ">", s[i] != "/" || name.isEmpty {
      name.append(s[i])
      i += 1
    }
    return String(name).lowercased()
  }

  private mutating func readAttributes() -> ([String: String], Bool) {
    var attributes: [String: String] = [:]
    var selfClosing = false
    while i < s.count {
      while i < s.count, isSpace(s[i]) { i += 1 }
      guard i < s.count else { break }
      if s[i] == ">" { i += 1; break }
      if s[i] == "/" {
        i += 1
        if i < s.count, s[i] == ">" { selfClosing = true; i += 1; break }
        continue
      }
      var name = String.UnicodeScalarView()
      while i < s.count, !isSpace(s[i]), s[i] != ">", s[i] != "=" && s[i] != "/" || name.isEmpty && s[i] == "=" {
        name.append(s[i])
        i += 1
      }
      while i < s.count, isSpace(s[i]) { i += 1 }
      var value = ""
      if i < s.count, s[i] == "=" {
        i += 1
        while i < s.count, isSpace(s[i]) { i += 1 }
        var v = String.UnicodeScalarView()
        if i < s.count, s[i] == "\"" || s[i] == "'" {
          let quote = s[i]
          i += 1
          while i < s.count, s[i] != quote { v.append(s[i]); i += 1 }
          // An unclosed quote runs to the end; stepping past it would leave `i` beyond the text
          // (found by fuzzing: the raw-text slice after `<title a="…` then trapped).
          if i < s.count { i += 1 }
        } else {
          while i < s.count, !isSpace(s[i]), s[i] != ">" { v.append(s[i]); i += 1 }
        }
        value = HTMLEntities.decode(String(v))
      }
      let key = String(name).lowercased()
      if !key.isEmpty && attributes[key] == nil { attributes[key] = value }
    }
    return (attributes, selfClosing)
  }
}

/// Turns tokens into text lines and the title.
enum HTMLTextExtractor {
  static let blocks: Set<String> = [
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main", "hr", "form",
    "fieldset", "address", "figure", "figcaption", "caption", "tbody", "thead", "tfoot", "center", "body", "html",
    "option", "legend", "details", "summary",
  ]
  static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "iframe", "object", "svg", "select", "noembed", "noframes",
  ]

  /// Linear in the size of the page: the open dropped elements are counted by name (closing
  /// `</b>` under 100,000 open `<svg>` was a scan of them all), and whether the line holds text
  /// is a flag (`&nbsp;<br>` repeated trimmed an ever longer line of spaces at every `<br>`).
  /// Stops adding text past `maxTextBytes` and says so in `overLimit`.
  static func extract(_ source: String, maxTextBytes: Int = .max) -> (text: String, title: String?, overLimit: Bool) {
    var out = ""
    var line = ""
    var lineHasText = false
    var pendingSpace = false
    var dropDepth: [String] = []
    var dropCounts: [String: Int] = [:]
    var inTitle = false
    var title = ""
    var preDepth = 0
    var overLimit = false

    func endLine() {
      let trimmed = lineHasText ? line.trimmingCharacters(in: .whitespaces) : ""
      if !trimmed.isEmpty || (!out.isEmpty && !out.hasSuffix("\n\n")) {
        out += trimmed
        out += "\n"
      }
      line = ""
      lineHasText = false
      pendingSpace = false
      if out.utf8.count > maxTextBytes { overLimit = true }
    }
    func endLineIfNeeded() {
      if lineHasText { endLine() }
    }

    var tokenizer = HTMLTokenizer(source)
    tokenizer.run { token in
      if overLimit { return }
      switch token {
      case .startTag(let name, _, let selfClosing):
        if name == "title" { inTitle = true; return }
        if dropped.contains(name) && !selfClosing {
          dropDepth.append(name)
          dropCounts[name, default: 0] += 1
          return
        }
        if name == "pre" { preDepth += 1 }
        if blocks.contains(name) { endLineIfNeeded() }
        if name == "td" || name == "th" { pendingSpace = false }
        if name == "img", !selfClosing { return }
      case .endTag(let name):
        if name == "title" { inTitle = false; return }
        if dropCounts[name, default: 0] > 0 {
          // Close the innermost open `name` and everything opened inside it.
          while let last = dropDepth.popLast() {
            dropCounts[last, default: 0] -= 1
            if last == name { break }
          }
          return
        }
        if name == "pre" { preDepth = max(0, preDepth - 1) }
        if blocks.contains(name) { endLineIfNeeded() }
      case .text(let t):
        if inTitle {
          if title.utf8.count < 4096 { title += t }  // a title is a line, not a document
          return
        }
        guard dropDepth.isEmpty else { return }
        if line.utf8.count > maxTextBytes { overLimit = true; return }
        if preDepth > 0 {
          for ch in t {
            if ch == "\n" || ch == "\r\n" || ch == "\r" {
              endLine()
            } else {
              line.append(ch)
              if !ch.isWhitespace { lineHasText = true }
            }
          }
          return
        }
        for ch in t {
          if ch.isWhitespace && ch != "\u{A0}" {
            pendingSpace = !line.isEmpty
          } else {
            if pendingSpace { line.append(" "); pendingSpace = false }
            if ch == "\u{A0}" {
              line.append(" ")
            } else {
              line.append(ch)
              lineHasText = true
            }
          }
        }
      }
    }
    if !line.isEmpty && !overLimit { endLine() }
    while out.hasSuffix("\n\n") { out.removeLast() }
    let t = title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    return (out, t.isEmpty ? nil : t, overLimit)
  }
}
