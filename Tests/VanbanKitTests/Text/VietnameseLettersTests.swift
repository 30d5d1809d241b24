import Foundation
import Testing
import VanbanTestSupport

@_spi(Tools) @testable import VanbanKit

@Suite("Text: VietnameseLetters")
struct VietnameseLettersTests {
  /// The generated tables are what Foundation's Unicode data gives on this toolchain. When this
  /// fails, regenerate them: `swift run vanban-bench letter-tables >
  /// Sources/VanbanKit/Text/VietnameseLetterTables.swift`.
  @Test func generatedTablesAreWhatFoundationGives() {
    let built = VietnameseLetters.builtWithFoundation()
    #expect(VietnameseLetters.shared == built)
    #expect(VietnameseLetters.shared.compose.count == built.compose.count)
    #expect(!VietnameseLetterTables.toned.isEmpty)
  }

  /// The committed file is the generator's output, byte for byte.
  @Test func committedSourceIsTheGeneratorsOutput() throws {
    let path = TestPaths.repoRoot.appendingPathComponent("Sources/VanbanKit/Text/VietnameseLetterTables.swift")
    let committed = try String(contentsOf: path, encoding: .utf8)
    #expect(committed == LetterTableSource.swift())
  }

  @Test func foldsTonesAndDStroke() {
    let l = VietnameseLetters.shared
    #expect(l.foldScalar(0x1EC6) == 0x65)  // Ệ → e
    #expect(l.foldScalar(0x0110) == 0x64)  // Đ → d
    #expect(l.foldScalar(0x0301) == 0)  // a combining acute is dropped
    #expect(l.toneOf(0x1EC7) == ToneMark.dotBelow.rawValue)  // ệ
    #expect(l.tonelessOf(0x1EC7) == 0xEA)  // ê
    #expect(l.compose[VietnameseLetters.key(0xEA, ToneMark.dotBelow.rawValue)] == 0x1EC7)
    #expect(l.isWord(0x1EA0) && !l.isWord(0x2C))
  }
}
