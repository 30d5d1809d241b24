// The first bytes of an image file, checked before tesseract sees it: tesseract reads a file that
// is not an image as a list of image paths, one a line, so a text file named `.png` would make it
// read (and vanban index) whatever images those lines name. Only PNG, JPEG and TIFF go through.

import Foundation

enum ImageSignature {
  /// PNG, JPEG (any JFIF/Exif marker), TIFF little- and big-endian.
  static let signatures: [[UInt8]] = [
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
    [0xFF, 0xD8, 0xFF],
    [0x49, 0x49, 0x2A, 0x00],
    [0x4D, 0x4D, 0x00, 0x2A],
  ]

  /// Whether `header` (a file's first bytes) starts like a PNG, JPEG or TIFF image.
  static func isImage<C: Collection<UInt8>>(_ header: C) -> Bool {
    signatures.contains { header.starts(with: $0) }
  }

  /// Throws `.damaged` unless the file at `path` starts like a PNG, JPEG or TIFF image.
  static func check(fileAt path: String) throws(DecodeError) {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(DecodeFileIO.errnoText()) }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 8)) ?? nil
    guard let header, isImage(header) else { throw .damaged("not a PNG, JPEG or TIFF image") }
  }
}
