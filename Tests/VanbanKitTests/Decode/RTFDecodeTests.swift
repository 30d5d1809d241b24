import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

/// .rtf through Debian's unrtf (`make deps` installs it: missing, these tests fail). The files are
/// written here the ways Vietnamese RTF comes: `\uN?` escapes, and code page 1258 bytes.
@Suite("Decode: rtf through unrtf")
struct RTFDecodeTests {
  func decode(_ rtf: String) throws -> DecodedDocument {
    try #require(ProcessRunner.which("unrtf") != nil, "unrtf is needed (Debian unrtf): make deps")
    return try DocumentDecoder().decode(bytes: Array(rtf.utf8), format: .rtf)
  }

  @Test func unicodeEscapes() throws {
    let d = try decode(
      #"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}{\info{\title Th\u244?ng b\u225?o}}\f0 "#
        + #"C\u244?ng ty Vi\u7879?t \u193?\par \u272?\u7897?c l\u7853?p - T\u7921? do\par}"#)
    #expect(d.format == .rtf)
    #expect(d.encoding == .helper)
    let text = TextNormalizer.normalize(d.text)
    #expect(text.contains("Công ty Việt Á\nĐộc lập - Tự do"), "\(text)")
    #expect(!text.contains("UnRTF"), "unrtf's header is not text")
  }

  @Test func codePage1258Bytes() throws {
    // `Việt` is V i ê + combining dot below in code page 1258; spaces must survive.
    let d = try decode(#"{\rtf1\ansi\ansicpg1258 C\'f4ng ty Vi\'ea\'f2t \'c1 v\'e0 \'d0\'ea\'ccn\par}"#)
    #expect(TextNormalizer.normalize(d.text).contains("Công ty Việt Á và Đền"), "\(d.text)")
  }

  @Test func notRTFIsDamaged() throws {
    try #require(ProcessRunner.which("unrtf") != nil, "unrtf is needed (Debian unrtf): make deps")
    #expect(throws: DecodeError.damaged("not an RTF file")) {
      try DocumentDecoder().decode(bytes: Array("plain text".utf8), format: .rtf)
    }
  }
}
