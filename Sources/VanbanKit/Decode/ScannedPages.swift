// A PDF's pages as pdftotext gives them (one form feed after each page), with the pages that
// have no text layer, or every page under `OCRMode.always`, replaced by what OCR reads from the
// page's image: a PDF that mixes typed and scanned pages keeps both, in page order.

import Foundation

/// The text of a PDF after OCR of the pages that need it.
struct ScannedPages {
  /// Pages joined by form feeds, as pdftotext writes them.
  var text: String
  var ocrPages: Int
  /// Pages that OCR could not read, one line each (`page 3: tesseract timed out after 60 s`).
  var problems: [String]

  /// pdftotext's text split into pages (the form feed after the last page ends it, not a page).
  static func pages(_ text: String) -> [Substring] {
    var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
    return pages
  }

  /// A page with (almost) no letters: a scan, perhaps with a page number or a stamp in text.
  static func lacksText(_ page: Substring) -> Bool {
    var letters = 0
    for c in page.unicodeScalars where c.properties.isAlphabetic {
      letters += 1
      if letters >= OCRReader.minLettersOfTextPage { return false }
    }
    return true
  }

  /// Reads by OCR the pages of `pdf` (whose pdftotext output is `text`) that `ocr`'s mode asks for.
  /// When tesseract or its model is missing, a PDF with some text keeps it and says which pages
  /// were not read; one with none throws `.missingHelper`. When every page to read fails and the
  /// PDF has no other text, the first page's error is thrown.
  static func read(_ text: String, of pdf: String, with ocr: OCRReader) throws(DecodeError) -> ScannedPages {
    var pages = pages(text).map(String.init)
    var wanted = pages.indices.filter { ocr.options.mode == .always || lacksText(Substring(pages[$0])) }
    guard !wanted.isEmpty else { return ScannedPages(text: text, ocrPages: 0, problems: []) }
    var problems: [String] = []
    if wanted.count > OCROptions.maxPagesPerFile {
      let left = Array(wanted[OCROptions.maxPagesPerFile...])
      wanted.removeLast(left.count)
      problems.append("\(describe(left)) not read by OCR: at most \(OCROptions.maxPagesPerFile) pages of a file are")
    }
    // A text layer (under `always`, one OCR was to replace) is kept when OCR cannot read its page.
    let hasText = pages.contains { !lacksText(Substring($0)) }
    let read: [Int: Result<String, DecodeError>]
    do {
      read = try ocr.readPages(ofPDF: pdf, wanted.map { $0 + 1 })
    } catch {
      guard hasText, case .missingHelper = error else { throw error }
      return ScannedPages(
        text: text, ocrPages: 0, problems: problems + ["\(describe(wanted)) not read by OCR: \(error)"])
    }
    var firstError: DecodeError?
    var readCount = 0
    for index in wanted {
      switch read[index + 1] ?? .failure(.damaged("page \(index + 1) was not read")) {
      case .success(let ocrText):
        pages[index] = ocrText
        readCount += 1
      case .failure(let error):
        firstError = firstError ?? error
        problems.append("page \(index + 1): \(error)")
      }
    }
    if readCount == 0, !hasText, let firstError { throw firstError }
    return ScannedPages(
      text: pages.joined(separator: "\u{0C}") + "\u{0C}", ocrPages: readCount, problems: problems)
  }

  /// `page 3` or `pages 2, 3, 7` (1-based) from page indexes.
  static func describe(_ indexes: [Int]) -> String {
    let numbers = indexes.prefix(10).map { String($0 + 1) }.joined(separator: ", ") + (indexes.count > 10 ? ", …" : "")
    return (indexes.count == 1 ? "page " : "pages ") + numbers
  }
}
