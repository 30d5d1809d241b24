/// The kinds of file the decoder understands, chosen by file extension.
public enum DocumentFormat: String, Codable, CaseIterable, Sendable {
  case txt, md, docx, odt, pdf, doc, html, rtf

  /// The format for a path, by its extension (case-insensitive), or nil when the extension is not one we decode.
  /// `.htm` is `html`, `.markdown` is `md`, `.text` is `txt`.
  public static func forPath(_ path: String) -> DocumentFormat? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let ext = name[name.index(after: dot)...].lowercased()
    switch ext {
    case "txt", "text": return .txt
    case "md", "markdown": return .md
    case "docx": return .docx
    case "odt": return .odt
    case "pdf": return .pdf
    case "doc": return .doc
    case "html", "htm": return .html
    case "rtf": return .rtf
    default: return nil
    }
  }
}
