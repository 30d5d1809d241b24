// Reading pages with Tesseract's Vietnamese model. A PDF page is first rendered to a grey image
// by poppler's pdftoppm at 300 dpi (less for a page so large that 300 dpi would pass the pixel
// cap), then read by `tesseract … -l vie`. Each tesseract runs on one thread (OMP_THREAD_LIMIT=1)
// and at most one per core runs at once, across all files: the pages of one large scan are spread
// over the cores, and many small scans do not run more tesseracts than there are cores.

import Foundation

/// Runs OCR on images and on PDF pages, through the cache; one per run (it holds the cache).
struct OCRReader: Sendable {
  var locator: HelperLocator
  var options: OCROptions
  var cache: OCRCache?
  var pages: OCRPageCount?
  /// Address-space limit of each helper, in bytes (nil: none).
  var memoryLimit: Int?
  /// Output of one page beyond this is an error: the per-document text cap.
  var maxOutput: Int

  static let language = "vie"
  static let dpi = 300.0
  /// A rendered page is at most this many grey pixels (bytes): an A4 page at 300 dpi is 8.7 M, an
  /// A0 poster 140 M. Past it the page is rendered at a lower resolution.
  static let maxPagePixels = 36_000_000
  /// A page with fewer letters than this has no text layer worth keeping (a page number, a stamp).
  static let minLettersOfTextPage = 20

  /// Tesseract runs at once, one per core, for the whole process.
  private static let slots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

  struct Tesseract: Sendable {
    var path: String
    /// `tesseract 5.3.0`: part of the cache key, as another version reads differently.
    var version: String
  }

  private static let found = LockedBox<[String: Result<Tesseract, DecodeError>]>([:])

  /// Tesseract with the Vietnamese model, looked up once per search path: `.missingHelper` names
  /// the Debian package to install when either is missing.
  func tesseract() throws(DecodeError) -> Tesseract {
    let key = locator.searchPath ?? ""
    if let known = Self.found.withLock({ $0[key] }) { return try known.get() }
    // Outside the file's cancellation: the answer is kept for every later file, so a file given up
    // while its probe runs must not make OCR fail for the rest of the run.
    let result = Cancellation.with(nil) { Result { () throws(DecodeError) -> Tesseract in try probe() } }
    if case .failure(.timedOut) = result { return try result.get() }  // asked again next time
    Self.found.withLock { $0[key] = result }
    return try result.get()
  }

  private func probe() throws(DecodeError) -> Tesseract {
    guard let path = locator.locate("tesseract") else {
      throw .missingHelper(program: "tesseract", debianPackage: "tesseract-ocr")
    }
    let version = try HelperProcess.run(path, ["--version"], timeout: 30, maxOutput: 1 << 16)
    let langs = try HelperProcess.run(path, ["--list-langs"], timeout: 30, maxOutput: 1 << 16)
    // The first line says where the models are; each later line is one model's name.
    let names = String(decoding: langs.stdout, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
    guard langs.status == 0, names.contains(where: { $0.trimmingCharacters(in: .whitespaces) == Self.language })
    else {
      throw .missingHelper(program: "tesseract's Vietnamese model", debianPackage: "tesseract-ocr-vie")
    }
    let first =
      ExternalToolDecoder.firstLine(version.stdout) ?? ExternalToolDecoder.firstLine(version.stderr) ?? "tesseract"
    return Tesseract(path: path, version: first)
  }

  /// The text of an image file (every frame of a multi-page TIFF).
  func readImage(_ path: String) throws(DecodeError) -> String {
    try ImageSignature.check(fileAt: path)
    let tesseract = try tesseract()
    pages?.found(1)
    defer { pages?.done(1) }
    let digest = cache == nil ? nil : try FileDigest.sha256(ofFileAt: path)
    let key = digest.map { OCRCache.key(fileDigest: $0, settings: settings(tesseract, dpi: nil), page: 0) }
    if let key, let text = cache?.text(for: key) { return text }
    Self.slots.wait()
    defer { Self.slots.signal() }
    if Cancellation.current?.isCancelled == true { throw .givenUp }
    let text = try recognise(Self.argument(path), with: tesseract)
    if let key { cache?.store(text, for: key) }
    return text
  }

  /// The text of each of `pageNumbers` (1-based) of the PDF at `path`, read in parallel; a page
  /// that fails or runs past its time limit has its error instead.
  func readPages(ofPDF path: String, _ pageNumbers: [Int]) throws(DecodeError) -> [Int: Result<String, DecodeError>] {
    let tesseract = try tesseract()
    guard let pdftoppm = locator.locate("pdftoppm") else {
      throw .missingHelper(program: "pdftoppm", debianPackage: "poppler-utils")
    }
    let sizes = pageSizes(path, first: pageNumbers.min() ?? 1, last: pageNumbers.max() ?? 1)
    let digest = cache == nil ? nil : try FileDigest.sha256(ofFileAt: path)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-ocr-\(UUID().uuidString)").path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .unreadable("cannot make a temporary folder: \(error.localizedDescription)")
    }
    Leftovers.add(folder)
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      Leftovers.remove(folder)
    }
    pages?.found(pageNumbers.count)
    let cancellation = Cancellation.current
    let results = LockedBox<[Int: Result<String, DecodeError>]>([:])
    Self.forEachInParallel(pageNumbers.count) { i in
      let page = pageNumbers[i]
      let dpi = Self.dpi(forPointSize: sizes[page])
      let key = digest.map { OCRCache.key(fileDigest: $0, settings: settings(tesseract, dpi: dpi), page: page) }
      let result: Result<String, DecodeError>
      if let key, let text = cache?.text(for: key) {
        result = .success(text)
      } else if cancellation?.isCancelled == true {
        // The file has been given up: its remaining pages are not read.
        result = .failure(.givenUp)
      } else {
        Self.slots.wait()
        result = Result { () throws(DecodeError) -> String in
          if cancellation?.isCancelled == true { throw .givenUp }
          let image = try render(path, page: page, dpi: dpi, with: pdftoppm, into: folder)
          defer { unlink(image) }
          return try recognise(image, with: tesseract)
        }
        Self.slots.signal()
        if let key, case .success(let text) = result { cache?.store(text, for: key) }
      }
      results.withLock { $0[page] = result }
      pages?.done(1)
    }
    return results.withLock { $0 }
  }

  /// Runs `body` for 0..<count on up to one thread per core, and returns when all are done. Plain
  /// threads, not the dispatch pool: they wait on `slots`, and a pool whose threads all wait
  /// starves whatever else is queued on it. They work under the caller's
  /// `Cancellation.current`, so the helpers they run are killed when the file is given up.
  private static func forEachInParallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let cancellation = Cancellation.current
    let next = LockedBox(0)
    let finished = DispatchGroup()
    for _ in 0..<min(count, max(1, ProcessInfo.processInfo.activeProcessorCount)) {
      finished.enter()
      Thread {
        while let i = next.withLock({ n -> Int? in
          defer { n += 1 }
          return n < count ? n : nil
        }) {
          Cancellation.with(cancellation) { body(i) }
        }
        finished.leave()
      }.start()
    }
    finished.wait()
  }

  /// Renders one page to `folder/page-N.pgm` (grey, `dpi`) and returns its path.
  private func render(
    _ pdf: String, page: Int, dpi: Double, with pdftoppm: String, into folder: String
  ) throws(DecodeError) -> String {
    let prefix = "\(folder)/page-\(page)"
    let r = try HelperProcess.run(
      pdftoppm,
      [
        "-r", Self.format(dpi), "-gray", "-f", String(page), "-l", String(page), "-singlefile", Self.argument(pdf),
        prefix,
      ],
      timeout: options.pageTimeout, maxOutput: 1 << 16, memoryLimit: memoryLimit)
    let image = prefix + ".pgm"
    guard r.status == 0, FileManager.default.fileExists(atPath: image) else {
      throw .damaged(
        "page \(page) cannot be rendered: "
          + (ExternalToolDecoder.firstLine(r.stderr) ?? "pdftoppm exited with status \(r.status)"))
    }
    return image
  }

  /// Tesseract's text of one image, on one thread.
  private func recognise(_ image: String, with tesseract: Tesseract) throws(DecodeError) -> String {
    let r = try HelperProcess.run(
      tesseract.path, [image, "stdout", "-l", Self.language, "--psm", "3", "--oem", "1"],
      timeout: options.pageTimeout, maxOutput: maxOutput, memoryLimit: memoryLimit,
      environment: ["OMP_THREAD_LIMIT": "1"])
    guard r.status == 0 else {
      throw .helperFailed(
        program: "tesseract",
        detail: (ExternalToolDecoder.firstLine(r.stderr) ?? "exited with status \(r.status)")
          .replacingOccurrences(of: image, with: "file"))
    }
    // Tesseract ends each page with a form feed; pages are joined by the caller.
    return String(decoding: r.stdout, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
  }

  /// What shapes the OCR text besides the file: the cache key's settings part.
  private func settings(_ tesseract: Tesseract, dpi: Double?) -> String {
    "\(tesseract.version)|\(Self.language)|psm 3|oem 1|"
      + (dpi.map { "pdftoppm \(Self.format($0)) dpi gray" } ?? "image")
  }

  /// `300`, `119.5`: a resolution as pdftoppm takes it.
  static func format(_ dpi: Double) -> String {
    dpi == dpi.rounded() ? String(Int(dpi)) : String(format: "%.3f", dpi)
  }

  /// 300 dpi, or less for a page that would pass `maxPagePixels` (its size in points, 1/72 inch);
  /// pdftoppm takes a fractional resolution, so even an absurd page size fits.
  static func dpi(forPointSize size: (width: Double, height: Double)?) -> Double {
    guard let size, size.width > 0, size.height > 0 else { return dpi }
    let squareInches = size.width / 72 * size.height / 72
    let fitting = (Double(maxPagePixels) / squareInches).squareRoot()
    // Rounded down to a thousandth, as it is passed and as the cache key says it.
    return min(dpi, (fitting * 1000).rounded(.down) / 1000)
  }

  /// Each page's size in points from `pdfinfo -f FIRST -l LAST` (`Page    3 size: 595.3 x 841.9
  /// pts`), asked for the range from the first page read to the last (from page 1, a line per page
  /// of a million-page file ran past the output cap, and every page then went at the default
  /// resolution); pages it does not list are rendered at the default resolution, still under the
  /// memory limit.
  private func pageSizes(_ pdf: String, first: Int, last: Int) -> [Int: (width: Double, height: Double)] {
    guard let pdfinfo = locator.locate("pdfinfo"),
      let r = try? HelperProcess.run(
        pdfinfo, ["-f", String(first), "-l", String(last), Self.argument(pdf)], timeout: options.pageTimeout,
        maxOutput: 4 << 20, memoryLimit: memoryLimit),
      r.status == 0
    else { return [:] }
    var sizes: [Int: (width: Double, height: Double)] = [:]
    for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Page ") {
      let words = line.split(separator: " ")
      // ["Page", "3", "size:", "595.3", "x", "841.9", "pts", ...]
      guard words.count >= 6, words[2] == "size:", let page = Int(words[1]), let w = Double(words[3]),
        words[4] == "x", let h = Double(words[5])
      else { continue }
      sizes[page] = (w, h)
    }
    return sizes
  }

  /// A path as a program argument that cannot be read as an option.
  static func argument(_ path: String) -> String { path.hasPrefix("-") ? "./" + path : path }
}
