import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

/// The signature parser leaves prose lines unsplit (`SignatureParser.Screen`): that must never
/// change the block it finds. Each text here is parsed twice, screened and with every line split,
/// and the two signatures must be the same.
@Suite("Extract: the signature screen finds the same blocks")
struct SignatureScreenTests {
  static let body = """
    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
    Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, UBND tỉnh yêu cầu Sở Y tế, HĐND các huyện
    phối hợp với Công ty Việt Á triển khai xét nghiệm COVID-19 theo kế hoạch./.
    """

  /// Block shapes, each after a body with acronyms, capitals and lower-case prose.
  static let blocks: [(String, String)] = [
    ("prefix, title, name", "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An"),
    ("authority over two lines", "TM. ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Sử"),
    ("capitals run into the title", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nCHỦ TỊCH\nTrần Sỹ Thanh"),
    ("signed note and rank", "BỘ TRƯỞNG\n(Đã ký)\nĐại tướng\nTô Lâm"),
    ("name then signed note", "Võ Chí Công\n(Đã ký)"),
    ("web copy on one line", "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn"),
    ("glued prefix", "KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nPhạm Thị Hoa"),
    ("party block", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thanh Hải"),
    ("no name", "Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
    ("joiners between capitals", "BỘ TRƯỞNG -\nCHỦ NHIỆM\n-\nNguyễn Văn Bình"),
  ]

  @Test("made-up blocks after a body", arguments: blocks.map(\.0))
  func madeUp(_ name: String) {
    let block = Self.blocks.first { $0.0 == name }!.1
    let text = "UBND TỈNH CÀ MAU\nSỞ Y TẾ\n\n" + Self.body + "\n\n" + block + "\n"
    let lines = text.byteLines()[...]
    let screened = SignatureParser.parse(lines)
    #expect(screened == SignatureParser.parse(lines, screening: false))
    #expect(screened.title != nil || name == "name then signed note", "\(name): no block found")
  }

  @Test("the seeds and the real layouts")
  func seedsAndLayouts() throws {
    var texts = RealLayoutTests.cases.map(\.text)
    let corpus = TestPaths.corpus
    for f in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where f.hasSuffix(".txt") {
      texts.append(try ExtractFixtures.normalizedText(corpus.appendingPathComponent(f)))
    }
    #expect(texts.count >= 10)
    for t in texts {
      let lines = t.byteLines()[...]
      #expect(SignatureParser.parse(lines) == SignatureParser.parse(lines, screening: false))
    }
  }

  @Test("what the screen sees in a line")
  func screen() {
    let start = SignatureParser.Screen.start
    let signed = SignatureParser.Screen.signed
    #expect(SignatureParser.Screen.of("Căn cứ Luật Tổ chức chính quyền địa phương;") & start == 0)
    #expect(SignatureParser.Screen.of("yêu cầu UBND, HĐND các huyện và Sở Y tế") & start == 0)
    #expect(SignatureParser.Screen.of("KT. CHỦ TỊCH") & start != 0)
    #expect(SignatureParser.Screen.of("PHÓ GIÁM ĐỐC") & start != 0)
    #expect(SignatureParser.Screen.of("T/M BAN THƯỜNG VỤ") & start != 0)
    #expect(SignatureParser.Screen.of("(Đã ký)") & signed != 0)
    #expect(SignatureParser.Screen.of("   \t| ") & SignatureParser.Screen.blank != 0)
  }
}
