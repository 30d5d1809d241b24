// The parts of OCR that need no tesseract: the cache (keys, atomic writes, the size bound), the
// resolution cap that keeps a huge page from making a huge image, the split of pdftotext's
// output into pages, and the image formats. The OCR itself is tested through the binary
// (vanbanCLITests/OCRTests).

import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite("Decode: OCR parts")
struct OCRPartsTests {
  @Test func theCacheKeepsTextByKeyAndSurvivesANewInstance() throws {
    let dir = try TemporaryDirectory.make(prefix: "vanban-ocr-cache")
    defer { try? FileManager.default.removeItem(at: dir) }
    let key = OCRCache.key(fileDigest: "abc", settings: "tesseract 5|vie", page: 2)
    #expect(key != OCRCache.key(fileDigest: "abc", settings: "tesseract 5|vie", page: 3))
    #expect(key != OCRCache.key(fileDigest: "abc", settings: "tesseract 4|vie", page: 2))
    let cache = OCRCache(directory: dir.path, limit: 1 << 20)
    #expect(cache.text(for: key) == nil)
    cache.store("Công ty Việt Á", for: key)
    #expect(OCRCache(directory: dir.path, limit: 1 << 20).text(for: key) == "Công ty Việt Á")
    // Written by rename: no temporary file is left.
    let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix("/") }
    #expect(files.filter { $0.contains(".tmp") }.isEmpty, "\(files)")
  }

  /// Past its limit, the least recently used entries go first: one read just now stays.
  @Test func theCacheDropsTheLeastRecentlyUsedPastItsLimit() throws {
    let dir = try TemporaryDirectory.make(prefix: "vanban-ocr-cache")
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = String(repeating: "chữ ", count: 100)  // 600 bytes
    let cache = OCRCache(directory: dir.path, limit: 2000)
    let keys = (0..<4).map { OCRCache.key(fileDigest: "f\($0)", settings: "s", page: 1) }
    for k in keys.prefix(3) {
      cache.store(page, for: k)
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(cache.text(for: keys[0]) != nil)  // now the most recently used
    Thread.sleep(forTimeInterval: 0.02)
    cache.store(page, for: keys[3])
    #expect(cache.bytes <= 2000)
    #expect(cache.text(for: keys[1]) == nil, "the oldest use goes")
    #expect(cache.text(for: keys[0]) != nil && cache.text(for: keys[3]) != nil)
    // A new instance reads the same bound off the folder.
    #expect(OCRCache(directory: dir.path, limit: 2000).bytes == cache.bytes)
  }

  @Test func aLargePageIsRenderedAtALowerResolution() {
    let a4 = (width: 595.0, height: 842.0)
    #expect(OCRReader.dpi(forPointSize: a4) == 300)
    #expect(OCRReader.dpi(forPointSize: nil) == 300)
    for size in [(2384.0, 3370.0), (14400.0, 14400.0), (1e6, 1e6)] {
      let dpi = OCRReader.dpi(forPointSize: size)
      #expect(dpi < 300)
      #expect(size.0 / 72 * dpi * size.1 / 72 * dpi <= Double(OCRReader.maxPagePixels))
    }
  }

  @Test func pdftotextOutputSplitsIntoPages() {
    #expect(ScannedPages.pages("one\n\u{0C}\u{0C}").map(String.init) == ["one\n", ""])
    #expect(ScannedPages.pages("\u{0C}\u{0C}\u{0C}").count == 3)
    #expect(ScannedPages.pages("no form feed").count == 1)
    #expect(ScannedPages.lacksText("  12  \n"))
    #expect(ScannedPages.lacksText(""))
    #expect(!ScannedPages.lacksText("Kính gửi: Sở Y tế tỉnh Lai Châu"))
    #expect(ScannedPages.describe([1]) == "page 2")
    #expect(ScannedPages.describe([0, 2]) == "pages 1, 3")
  }

  /// Without tesseract, a PDF with typed pages keeps them and names the pages not read; one with
  /// none is skipped for the missing helper, named with its Debian package.
  @Test func withoutTesseractTypedPagesStay() throws {
    let reader = OCRReader(
      locator: HelperLocator(searchPath: "/nonexistent-vanban-bin"),
      options: OCROptions(mode: .auto, cacheDirectory: nil),
      cache: nil, pages: nil, memoryLimit: nil, maxOutput: 1 << 20)
    let typed = "Kính gửi: Sở Y tế tỉnh Lai Châu về tiêm chủng\n\u{0C}\u{0C}"
    let read = try ScannedPages.read(typed, of: "/nonexistent.pdf", with: reader)
    #expect(read.text == typed && read.ocrPages == 0)
    #expect(
      read.problems == [
        "page 2 not read by OCR: \(DecodeError.missingHelper(program: "tesseract", debianPackage: "tesseract-ocr"))"
      ])
    var always = reader
    always.options.mode = .always
    #expect(try ScannedPages.read(typed, of: "/nonexistent.pdf", with: always).text == typed)
    #expect(throws: DecodeError.missingHelper(program: "tesseract", debianPackage: "tesseract-ocr")) {
      try ScannedPages.read("\u{0C}\u{0C}", of: "/nonexistent.pdf", with: reader)
    }
  }

  /// Only real images reach tesseract, which reads any other file as a list of image paths.
  @Test func onlyPNGJPEGAndTIFFReachTesseract() throws {
    #expect(ImageSignature.isImage([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]))
    #expect(ImageSignature.isImage([0xFF, 0xD8, 0xFF, 0xE0]))
    #expect(ImageSignature.isImage(Array("II*\u{0}".utf8)) && ImageSignature.isImage([0x4D, 0x4D, 0, 0x2A]))
    #expect(!ImageSignature.isImage(Array("/etc/secret.png\n".utf8)))
    #expect(!ImageSignature.isImage([UInt8]()))
    let dir = try TemporaryDirectory.make(prefix: "vanban-image")
    defer { try? FileManager.default.removeItem(at: dir) }
    let list = dir.appendingPathComponent("list.png")
    try Data("/usr/share/some/scan.png\n".utf8).write(to: list)
    #expect(throws: DecodeError.damaged("not a PNG, JPEG or TIFF image")) {
      try DocumentDecoder(ocr: OCROptions(cacheDirectory: nil)).decode(fileAt: list.path)
    }
  }

  @Test func imagesAreFormatsOfTheirOwn() {
    #expect(DocumentFormat.forPath("/a/scan.JPEG") == .jpg)
    #expect(DocumentFormat.forPath("b.tiff") == .tif)
    #expect(DocumentFormat.forPath("c.png") == .png)
    #expect(DocumentFormat.named("htm") == .html)
    #expect(DocumentFormat.png.isImage && !DocumentFormat.pdf.isImage)
  }

  @Test func theDefaultCacheFollowsXDG() {
    #expect(OCROptions.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/vanban/ocr")
    #expect(
      OCROptions.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/vanban/ocr")
    #expect(OCROptions.defaultCacheDirectory(environment: [:]) == nil)
  }
}
