import Foundation
import Testing

@testable import VanbanKit

@Suite("Decode: plain text and legacy encodings")
struct PlainTextDecodeTests {
  let decoder = DocumentDecoder()
  static let motto = "Cộng hòa xã hội chủ nghĩa Việt Nam"
  static let committee = "Ủy ban nhân dân tỉnh"

  func decode(_ bytes: [UInt8], _ format: DocumentFormat = .txt) throws -> DecodedDocument {
    try decoder.decode(bytes: bytes, format: format)
  }

  func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

  @Test func formatsByExtension() {
    #expect(DocumentFormat.forPath("/a/b/X.TXT") == .txt)
    #expect(DocumentFormat.forPath("notes.markdown") == .md)
    #expect(DocumentFormat.forPath("page.HTM") == .html)
    #expect(DocumentFormat.forPath("cv.docx") == .docx)
    #expect(DocumentFormat.forPath("dir.d/README") == nil)
    #expect(DocumentFormat.forPath(".hidden") == nil)
    #expect(DocumentFormat.forPath("a.tar.gz") == nil)
  }

  @Test func plainUTF8() throws {
    let d = try decode(Array("\(Self.motto)\n".utf8))
    #expect(d.text == "\(Self.motto)\n")
    #expect(d.encoding == .utf8)
    #expect(d.format == .txt)
  }

  @Test func utf8WithBOM() throws {
    let d = try decode([0xEF, 0xBB, 0xBF] + Array("\(Self.motto)\r\n".utf8), .md)
    #expect(d.text == "\(Self.motto)\n")
    #expect(d.encoding == .utf8BOM)
    #expect(d.format == .md)
  }

  @Test func utf16LittleEndianWithBOM() throws {
    let units = Array("\(Self.committee)\r\n\(Self.motto)".utf16)
    let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let d = try decode(bytes)
    #expect(d.text == "\(Self.committee)\n\(Self.motto)")
    #expect(d.encoding == .utf16LE)
  }

  @Test func utf16BigEndianWithBOM() throws {
    let units = Array("\(Self.committee)\n\(Self.motto)".utf16)
    let bytes: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let d = try decode(bytes)
    #expect(d.text == "\(Self.committee)\n\(Self.motto)")
    #expect(d.encoding == .utf16BE)
  }

  @Test func utf16WithoutBOM() throws {
    let units = Array("Số: 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ".utf16)
    let le: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let d = try decode(le)
    #expect(d.encoding == .utf16LE)
    #expect(d.text == "Số: 16/CT-TTg ngày 20/9/2022 của Thủ tướng Chính phủ")
  }

  /// A few bytes of junk with NULs in every other place are not a UTF-16 document: an odd
  /// length is not whole code units, and NUL or control units are not text.
  @Test func junkWithAlternatingNULsIsBinaryNotUTF16() throws {
    #expect(throws: DecodeError.binary) { try decode([0x00, 0x41, 0x00, 0x42, 0x00, 0x43, 0x99]) }
    #expect(throws: DecodeError.binary) { try decode([0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x1B, 0x00]) }
    #expect(throws: DecodeError.binary) { try decode([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x43, 0x00]) }
    // Whole units that read as text still are UTF-16.
    #expect(try decode([0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x0A, 0x00]).encoding == .utf16LE)
  }

  @Test func crlfAndLoneCR() throws {
    let d = try decode(Array("một\r\nhai\rba\n\rbốn\r".utf8))
    #expect(d.text == "một\nhai\nba\n\nbốn\n")
  }

  // Bytes below are what `iconv -t CP1258` writes: base letters followed by the combining tone bytes
  // 0xCC (grave), 0xD2 (hook), 0xDE (tilde), 0xEC (acute), 0xF2 (dot below).
  static let motto1258: [UInt8] = [
    0x43, 0xF4, 0xF2, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xCC, 0x61, 0x20, 0x78, 0x61, 0xDE, 0x20, 0x68, 0xF4, 0xF2,
    0x69, 0x20, 0x63, 0x68, 0x75, 0xD2, 0x20, 0x6E, 0x67, 0x68, 0x69, 0xDE, 0x61, 0x20, 0x56, 0x69, 0xEA, 0xF2,
    0x74, 0x20, 0x4E, 0x61, 0x6D,
  ]
  static let committee1258: [UInt8] = [
    0x55, 0xD2, 0x79, 0x20, 0x62, 0x61, 0x6E, 0x20, 0x6E, 0x68, 0xE2, 0x6E, 0x20, 0x64, 0xE2, 0x6E, 0x20, 0x74,
    0x69, 0xD2, 0x6E, 0x68,
  ]

  @Test func windows1258() throws {
    let d = try decode(Self.motto1258 + [0x0D, 0x0A] + Self.committee1258 + [0x0D, 0x0A])
    #expect(d.encoding == .windows1258)
    #expect(nfc(d.text) == "\(Self.motto)\n\(Self.committee)\n")
    // Composed here already, so the Text layer's NFC has nothing left to do.
    #expect(d.text == nfc(d.text))
  }

  // TCVN3 (ABC, .VnTime), as `iconv -t TCVN5712-1` writes: ộ=0xE9 ò=0xDF ã=0xB7 ủ=0xF1 ĩ=0xDC ệ=0xD6,
  // â=0xA9 ỉ=0xD8, and the capital Ủ at 0x9E (full TCVN 5712 VN1).
  static let mottoTCVN: [UInt8] = [
    0x43, 0xE9, 0x6E, 0x67, 0x20, 0x68, 0xDF, 0x61, 0x20, 0x78, 0xB7, 0x20, 0x68, 0xE9, 0x69, 0x20, 0x63, 0x68,
    0xF1, 0x20, 0x6E, 0x67, 0x68, 0xDC, 0x61, 0x20, 0x56, 0x69, 0xD6, 0x74, 0x20, 0x4E, 0x61, 0x6D,
  ]
  static let committeeTCVN: [UInt8] = [
    0x9E, 0x79, 0x20, 0x62, 0x61, 0x6E, 0x20, 0x6E, 0x68, 0xA9, 0x6E, 0x20, 0x64, 0xA9, 0x6E, 0x20, 0x74, 0xD8,
    0x6E, 0x68,
  ]

  @Test func tcvn3() throws {
    let d = try decode(Self.mottoTCVN + [0x0A] + Self.committeeTCVN + [0x0A])
    #expect(d.encoding == .tcvn3)
    #expect(d.text == "\(Self.motto)\n\(Self.committee)\n")
  }

  @Test func tcvn3CapitalsInTheControlRange() throws {
    // ủ=0xF1 ư=0xAD ớ=0xED í=0xDD ó=0xE3 ị=0xDE ệ=0xD6, and the capital Ứ at 0x11, in the C0 control
    // range (TCVN 5712 VN1): it must not make the file look binary.
    let bytes: [UInt8] =
      Array("Th".utf8) + [0xF1] + Array(" t".utf8) + [0xAD, 0xED] + Array("ng Ch".utf8) + [0xDD]
      + Array("nh ph".utf8) + [0xF1] + Array(": ".utf8) + [0x11] + Array("ng ph".utf8) + [0xE3] + Array(" d".utf8)
      + [0xDE] + Array("ch b".utf8) + [0xD6] + Array("nh\n".utf8)
    let d = try decode(bytes)
    #expect(d.encoding == .tcvn3)
    #expect(d.text == "Thủ tướng Chính phủ: Ứng phó dịch bệnh\n")
  }

  // VNI-Windows: base letter + mark byte. ộ = "oä" (6F E4), ò = "oø" (6F F8), ã = "aõ" (61 F5),
  // ủ = "uû" (75 FB), ĩ = 0xF3, ệ = "eä" (65 E4); Ủ = "UÛ" (55 DB), â = "aâ" (61 E2), ỉ = 0xE6.
  static let mottoVNI: [UInt8] = [
    0x43, 0x6F, 0xE4, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xF8, 0x61, 0x20, 0x78, 0x61, 0xF5, 0x20, 0x68, 0x6F, 0xE4,
    0x69, 0x20, 0x63, 0x68, 0x75, 0xFB, 0x20, 0x6E, 0x67, 0x68, 0xF3, 0x61, 0x20, 0x56, 0x69, 0x65, 0xE4, 0x74,
    0x20, 0x4E, 0x61, 0x6D,
  ]
  static let committeeVNI: [UInt8] = [
    0x55, 0xDB, 0x79, 0x20, 0x62, 0x61, 0x6E, 0x20, 0x6E, 0x68, 0x61, 0xE2, 0x6E, 0x20, 0x64, 0x61, 0xE2, 0x6E,
    0x20, 0x74, 0xE6, 0x6E, 0x68,
  ]

  @Test func vni() throws {
    let d = try decode(Self.mottoVNI + [0x0D, 0x0A] + Self.committeeVNI + [0x0D, 0x0A])
    #expect(d.encoding == .vni)
    #expect(d.text == "\(Self.motto)\n\(Self.committee)\n")
  }

  @Test func vniHornsAndCapitals() throws {
    // "người Đồng Tháp ĐỘC LẬP": ư=F6 ơ=F4 ờ="ôø", Đ=D1, ồ="oà", á="aù"; capitals Ộ="OÄ", Ậ="AÄ".
    let bytes: [UInt8] = [
      0x6E, 0x67, 0xF6, 0xF4, 0xF8, 0x69, 0x20, 0xD1, 0x6F, 0xE0, 0x6E, 0x67, 0x20, 0x54, 0x68,
      0x61, 0xF9, 0x70, 0x20, 0xD1, 0x4F, 0xC4, 0x43, 0x20, 0x4C, 0x41, 0xC4, 0x50,
    ]
    #expect(VNI.decode(bytes) == "người Đồng Tháp ĐỘC LẬP")
  }

  @Test func legacyTablesAgreeWithSwiftFoundationWhereItCan() throws {
    // Foundation on Linux knows Windows-1258 (CFStringEncoding 0x0508); our table must say the same.
    let encoding = String.Encoding(rawValue: 0x8000_0508)
    if let viaFoundation = String(bytes: Self.motto1258, encoding: encoding) {
      #expect(nfc(viaFoundation) == Windows1258.decode(Self.motto1258))
    }
    #expect(Windows1258.decode(Self.motto1258) == Self.motto)
    #expect(TCVN3.decode(Self.committeeTCVN) == Self.committee)
  }

  @Test func invalidUTF8InTheMiddleStaysUTF8() throws {
    let seed = try DecodeFixtures.seed003()
    var bytes = Array(seed.utf8)
    // A stray Latin-1 byte and a truncated sequence halfway through, at line boundaries.
    let middle = bytes[(bytes.count / 2)...].firstIndex(of: 0x0A)! + 1
    bytes.insert(contentsOf: [0xE9, 0x20, 0xE1, 0xBB, 0x0A], at: middle)
    let d = try decode(bytes)
    #expect(d.encoding == .utf8)
    #expect(d.text.contains("Chỉ thị số 16/CT-TTg"))
    #expect(d.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
    #expect(d.text.replacingOccurrences(of: "\u{FFFD} \u{FFFD}\n", with: "") == seed)
  }

  @Test func binaryJunk() throws {
    #expect(throws: DecodeError.binary) { try decode(decodeTestNoise(count: 4096)) }
    #expect(throws: DecodeError.binary) {
      try decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + decodeTestNoise(count: 200))
    }
    #expect(throws: DecodeError.binary) { try decode(Array("%PDF-1.7\n".utf8) + decodeTestNoise(count: 100)) }
    // High bytes that are no Vietnamese encoding at all (every second byte >= 0x80, nothing syllable-like).
    var junk: [UInt8] = []
    for i in 0..<2000 {
      let high = UInt8(0x80 + (i * 37) % 128)
      let low = UInt8(0x41 + i % 26)
      junk.append(i % 2 == 0 ? high : low)
    }
    #expect(throws: DecodeError.binary) { try decode(junk) }
  }

  @Test func empty() throws {
    #expect(throws: DecodeError.empty) { try decode([]) }
    #expect(throws: DecodeError.empty) { try decode(Array(" \r\n\t \n".utf8)) }
    #expect(throws: DecodeError.empty) { try decode([0xEF, 0xBB, 0xBF, 0x0A]) }
  }

  @Test func fileErrors() throws {
    let dir = try DecodeFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: DecodeError.unreadable("is a directory")) { try decoder.decode(fileAt: dir.path) }
    #expect(throws: DecodeError.unreadable("no such file (vanished?)")) {
      try decoder.decode(fileAt: dir.appendingPathComponent("gone.txt").path)
    }
    let loop = dir.appendingPathComponent("loop.txt").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
    #expect(throws: DecodeError.unreadable("symlink loop")) { try decoder.decode(fileAt: loop) }

    let big = dir.appendingPathComponent("big.txt")
    try Data(repeating: 0x61, count: 2048).write(to: big)
    #expect(throws: DecodeError.tooLarge(bytes: 2048, limit: 1024)) {
      try DocumentDecoder(maxFileSize: 1024).decode(fileAt: big.path)
    }
    let ok = dir.appendingPathComponent("ok.TXT")
    try Data((Self.mottoTCVN + [0x0A])).write(to: ok)
    let d = try decoder.decode(fileAt: ok.path)
    #expect(d.text == Self.motto + "\n")
    #expect(d.encoding == .tcvn3)
    #expect(d.format == .txt)
  }

  @Test func errorDescriptionsAreShort() {
    #expect(DecodeError.binary.description == "binary data, not text")
    #expect(
      DecodeError.missingHelper(program: "pdftotext", debianPackage: "poppler-utils").description.contains(
        "apt-get install poppler-utils"))
    #expect(DecodeError.damaged("no text layer (scanned PDF?)").description.contains("no text layer"))
  }
}
