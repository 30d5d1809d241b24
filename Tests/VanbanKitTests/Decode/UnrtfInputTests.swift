import Testing

@testable import VanbanKit

/// The two escapes rewritten before unrtf reads a file; everything else is kept byte for byte.
@Suite("Decode: the RTF given to unrtf")
struct UnrtfInputTests {
  func prepared(_ rtf: String) -> String { String(decoding: UnrtfInput.prepare(Array(rtf.utf8)), as: UTF8.self) }

  @Test func literalFallbacksBecomeHexEscapes() {
    #expect(prepared(#"{\rtf1 Vi\u7879?t \u193?}"#) == #"{\rtf1 Vi\u7879\'3ft \u193\'3f}"#)
    // A fallback written as \'xx is already right; \uc0 means there is none.
    #expect(prepared(#"{\rtf1 Vi\u7879\'eat}"#) == #"{\rtf1 Vi\u7879\'eat}"#)
    #expect(prepared(#"{\rtf1\uc0 Vi\u7879 t}"#) == #"{\rtf1\uc0 Vi\u7879 t}"#)
    #expect(prepared(#"{\rtf1 a\\b\{c\}}"#) == #"{\rtf1 a\\b\{c\}}"#)
  }

  @Test func codePage1258BytesBecomeUnicodeEscapes() {
    // ê (0xEA) and the combining dot below (0xF2); ASCII escapes stay.
    #expect(
      prepared(#"{\rtf1\ansi\ansicpg1258 Vi\'ea\'f2t\'41}"#)
        == #"{\rtf1\ansi\ansicpg1252 Vi\u234\'3f\u803\'3ft\'41}"#)
    // Under another code page \'xx is left to unrtf.
    #expect(prepared(#"{\rtf1\ansi\ansicpg1252 v\'e0}"#) == #"{\rtf1\ansi\ansicpg1252 v\'e0}"#)
  }

  /// `\\bin` with a count near Int.max overflowed and killed every `vanban index` of the folder.
  @Test func aHugeBinaryCountRunsToTheEnd() {
    let rtf = Array(#"{\rtf1\ansi Cong van kiem tra\par \bin9223372036854775807 xyz}"#.utf8)
    #expect(UnrtfInput.prepare(rtf) == rtf)
    let over = Array(#"{\rtf1 \bin99999999999999999999 xyz}"#.utf8)  // past Int: not a number, kept
    #expect(UnrtfInput.prepare(over) == over)
  }

  @Test func binaryDataIsCopied() {
    let rtf = Array(#"{\rtf1 {\bin4 "#.utf8) + [0x5C, 0x27, 0x3F, 0xFF] + Array("}x}".utf8)
    #expect(UnrtfInput.prepare(rtf) == rtf)
  }
}
