// libFuzzer entry point for the office and HTML decoders past their containers: random bytes
// almost never make a valid zip, so the input becomes the main XML part of a .docx or .odt
// (wrapped here in a stored zip), or an HTML page. Byte 0 picks which. Decoding may throw
// DecodeError; nothing may trap, and no input may make more text than the cap.

import Foundation
import VanbanKit

private let decoder = DocumentDecoder(maxFileSize: 1 << 20, maxTextBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func officeFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let decoded: DecodedDocument
  do {
    switch data[0] % 3 {
    case 0: decoded = try decoder.decode(bytes: StoredZip.make([("word/document.xml", body)]), format: .docx)
    case 1: decoded = try decoder.decode(bytes: StoredZip.make([("content.xml", body)]), format: .odt)
    default: decoded = try decoder.decode(bytes: body, format: .html)
    }
  } catch {
    return 0
  }
  precondition(decoded.text.utf8.count <= 1 << 20 + 4096, "text over the cap")
  return 0
}

/// A zip archive of uncompressed entries (enough for the decoders, no dependency).
enum StoredZip {
  static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }

  static func make(_ entries: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func u32(_ v: UInt32, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
    for (name, data) in entries {
      let offset = UInt32(out.count)
      let crc = crc32(data)
      let n = Array(name.utf8)
      u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
      u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(n.count, &out); u16(0, &out)
      out += n
      out += data
      u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
      u16(0, &central); u16(0, &central); u32(crc, &central); u32(UInt32(data.count), &central)
      u32(UInt32(data.count), &central); u16(n.count, &central); u16(0, &central); u16(0, &central); u16(0, &central)
      u16(0, &central); u32(0, &central); u32(offset, &central)
      central += n
    }
    let centralOffset = UInt32(out.count)
    out += central
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
    return out
  }
}
