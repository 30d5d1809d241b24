import ArgumentParser
import Foundation
import VanbanKit

extension OCRMode: ExpressibleByArgument {}

/// `vanban index`'s OCR options: `--ocr`, `--ocr-timeout`, `--ocr-cache`, `--ocr-cache-size`.
struct OCRCommandOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "OCR (tesseract, Vietnamese): auto reads PDF pages without text and images; always reads every PDF page; never reads none.",
      valueName: "MODE"))
  var ocr: OCRMode = .auto
  @Option(help: ArgumentHelp("Time limit of OCR on one page.", valueName: "SECONDS"))
  var ocrTimeout = Int(OCROptions.defaultPageTimeout)
  @Option(
    help: ArgumentHelp(
      "Where OCR text is cached, so a rebuild does not read scans again. (default: $XDG_CACHE_HOME/vanban/ocr or ~/.cache/vanban/ocr)",
      valueName: "DIR"),
    completion: .directory)
  var ocrCache: String?
  @Option(
    help: ArgumentHelp("Size of the OCR cache, in MB; past it the least recently used entries go.", valueName: "MB"))
  var ocrCacheSize = OCROptions.defaultCacheLimit >> 20

  /// The options as the indexer takes them; a bad value is a usage error (exit 2).
  func options() throws -> OCROptions {
    guard (1...86_400).contains(ocrTimeout) else { throw ValidationError("--ocr-timeout takes 1 to 86400 (seconds)") }
    guard (1...1_048_576).contains(ocrCacheSize) else {
      throw ValidationError("--ocr-cache-size takes 1 to 1048576 (MB)")
    }
    return OCROptions(
      mode: ocr, pageTimeout: TimeInterval(ocrTimeout),
      cacheDirectory: ocrCache.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        ?? OCROptions.defaultCacheDirectory(),
      cacheLimit: ocrCacheSize << 20)
  }
}
