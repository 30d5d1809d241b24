/// The kinds of file the decoder understands, chosen by file extension.
public enum DocumentFormat: String, Codable, CaseIterable, Sendable {
  case txt, md, docx, odt, pdf, doc, html, rtf
  /// Images, read by OCR: `.png`, `.jpg`/`.jpeg`, `.tif`/`.tiff`.
  case png, jpg, tif

  /// The format for a path, by its extension (case-insensitive), or nil when the extension is not one we decode.
  /// `.htm` is `html`, `.markdown` is `md`, `.text` is `txt`, `.jpeg` is `jpg`, `.tiff` is `tif`.
  public static func forPath(_ path: String) -> DocumentFormat? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return named(String(name[name.index(after: dot)...]))
  }

  /// The format an extension or format name stands for (`htm`, `JPEG`, `tiff`), or nil.
  public static func named(_ ext: String) -> DocumentFormat? {
    switch ext.lowercased() {
    case "txt", "text": return .txt
    case "md", "markdown": return .md
    case "docx": return .docx
    case "odt": return .odt
    case "pdf": return .pdf
    case "doc": return .doc
    case "html", "htm": return .html
    case "rtf": return .rtf
    case "png": return .png
    case "jpg", "jpeg": return .jpg
    case "tif", "tiff": return .tif
    default: return nil
    }
  }

  /// An image, whose only text is what OCR reads.
  public var isImage: Bool { self == .png || self == .jpg || self == .tif }
}
