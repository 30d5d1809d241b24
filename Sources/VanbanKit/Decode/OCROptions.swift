// What OCR does in a run: which pages it reads, how long a page may take, and where its text is
// cached. Scanned dispatches (signed and stamped, then scanned) have no text layer at all.

import Foundation

/// Which PDF pages are read by OCR. Image files are always read by OCR unless it is `never`.
public enum OCRMode: String, CaseIterable, Sendable, Codable {
  /// Only the pages that have no text layer (the default).
  case auto
  /// Every page, even one with a text layer (a text layer that is wrong or garbled).
  case always
  /// None: a PDF without text is skipped as damaged, and image files are not read.
  case never
}

/// OCR settings for `DocumentDecoder`: mode, per-page time limit, and the cache of OCR text.
public struct OCROptions: Sendable {
  public var mode: OCRMode
  /// Each page's rendering and recognition may take this long; past it the page is reported and left out.
  public var pageTimeout: TimeInterval
  /// The cache folder (nil: no cache). Entries are keyed by the file's SHA-256 and the OCR settings.
  public var cacheDirectory: String?
  /// The cache's size bound in bytes: past it the least recently used entries are removed.
  public var cacheLimit: Int

  public static let defaultPageTimeout: TimeInterval = 60
  /// Pages of one PDF read by OCR at most. A 2 KB PDF whose page tree shares its subtrees holds a
  /// million blank pages, each rendered and read; a real scan of a file is a few hundred at most.
  public static let maxPagesPerFile = 500
  public static let defaultCacheLimit = 1 << 30

  public init(
    mode: OCRMode = .auto, pageTimeout: TimeInterval = OCROptions.defaultPageTimeout,
    cacheDirectory: String? = OCROptions.defaultCacheDirectory(),
    cacheLimit: Int = OCROptions.defaultCacheLimit
  ) {
    self.mode = mode
    self.pageTimeout = pageTimeout
    self.cacheDirectory = cacheDirectory
    self.cacheLimit = cacheLimit
  }

  /// `$XDG_CACHE_HOME/vanban/ocr`, else `~/.cache/vanban/ocr`; nil when neither is known.
  public static func defaultCacheDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    // The XDG spec: a relative XDG_CACHE_HOME is invalid and is ignored.
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/vanban/ocr" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/vanban/ocr" }
    return nil
  }

  /// Whether files of `format` can need OCR under this mode.
  func mayRead(_ format: DocumentFormat) -> Bool {
    mode != .never && (format == .pdf || format.isImage)
  }
}
