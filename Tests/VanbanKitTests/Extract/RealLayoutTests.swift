import Foundation
import Testing

@testable import VanbanKit

/// The shapes real headers and signature blocks take, each made up here (no shared data), with
/// the fields they must give. Each row is one mechanism: a web copy's run-on lines, the Gazette's
/// blank lines and running heads, wrapped body names, blocks before annexes, consolidated texts.
@Suite("Extract: real layouts")
struct RealLayoutTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var type: String? = nil
    var number: String? = nil
    var issuer: String? = nil
    var parent: String?? = nil
    var date: String? = nil
    var subject: String? = nil
    var signer: String? = nil
    var title: String? = nil
    var testDescription: String { name }
  }

  static let body = """
    Điều 1. Phạm vi điều chỉnh
    Văn bản này quy định chi tiết một số nội dung.
    Điều 2. Hiệu lực thi hành
    Văn bản này có hiệu lực từ ngày ký./.
    """

  static let cases: [Case] = [
    Case(
      name: "web copy: one line for the block, the name after the title",
      text: """
        Thông tư 11/2024/TT-BNV
        BỘ NỘI VỤ -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
        Số: 11/2024/TT-BNV
        Hà Nội, ngày 31 tháng 7 năm 2024
        THÔNG TƯ
        Sửa đổi, bổ sung một số điều của Thông tư số 04/2019/TT-BNV ngày 24 tháng 5 năm 2019 của Bộ trưởng Bộ Nội vụ
        Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;
        \(body)
        Nơi nhận:
        - Như Điều 3;
        - Lưu: VT, CQĐP.
        KT. BỘ TRƯỞNG THỨ TRƯỞNG Trương Hải Long
        """,
      type: "Thông tư", number: "11/2024/TT-BNV", issuer: "Bộ Nội vụ", parent: .some(nil), date: "2024-07-31",
      subject:
        "Sửa đổi, bổ sung một số điều của Thông tư số 04/2019/TT-BNV ngày 24 tháng 5 năm 2019 của Bộ trưởng Bộ Nội vụ",
      signer: "Trương Hải Long", title: "THỨ TRƯỞNG"),
    Case(
      name: "wrapped body name, number on its own line, place and type run on",
      text: """
        BỘ
        NỘI VỤ
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
        Số:
        05/2025/TT-BNV Hà Nội, ngày 02 tháng 4 năm 2025 THÔNG TƯ HƯỚNG DẪN CHẾ ĐỘ BÁO CÁO THỐNG KÊ
        Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015;
        \(body)
        """,
      type: "Thông tư", number: "05/2025/TT-BNV", issuer: "Bộ Nội vụ", parent: .some(nil), date: "2025-04-02",
      subject: "HƯỚNG DẪN CHẾ ĐỘ BÁO CÁO THỐNG KÊ"),
    Case(
      name: "a customs office is not a district (HẢI QUAN is not Hải quận)",
      text: """
        BỘ TÀI CHÍNH
        TỔNG CỤC HẢI QUAN
        Số: 778/TCHQ-GSQL
        V/v xử lý hàng hóa tồn đọng
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Hà Nội, ngày 05 tháng 02 năm 2016
        Kính gửi: Cục Hải quan TP. Hồ Chí Minh.
        Tổng cục Hải quan có ý kiến như sau./.
        KT. TỔNG CỤC TRƯỞNG
        PHÓ TỔNG CỤC TRƯỞNG
        Vũ Ngọc Anh
        """,
      type: "Công văn", number: "778/TCHQ-GSQL", issuer: "Tổng cục Hải quan", parent: .some("Bộ Tài chính"),
      date: "2016-02-05", subject: "V/v xử lý hàng hóa tồn đọng", signer: "Vũ Ngọc Anh", title: "PHÓ TỔNG CỤC TRƯỞNG"),
    Case(
      name: "a Căn cứ line's date is never the document's",
      text: """
        ỦY BAN NHÂN DÂN TỈNH TÂY NINH -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
        Số: 3745/QĐ-UBND Tây Ninh, ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH ỦY BAN NHÂN DÂN TỈNH TÂY NINH
        Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch ngày 20 tháng 11 năm 2018;
        \(body)
        Nơi nhận:
        - Như Điều 3;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Chiến
        """,
      type: "Quyết định", number: "3745/QĐ-UBND", issuer: "UBND tỉnh Tây Ninh", date: "2021-12-30",
      subject: "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH", signer: "Trần Văn Chiến",
      title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "the Gazette: running heads, blank lines, a block before the annexes",
      text: """
        CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022

        3

        CHÍNH PHỦ

        Số: 162/2026/NĐ-CP

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

        Độc lập - Tự do - Hạnh phúc

        Hà Nội, ngày 15 tháng 5 năm 20264

        NGHỊ ĐỊNH

        Điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội

        và trợ cấp hằng tháng

        Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
        \(body)

        TM. CHÍNH PHỦ

        KT. THỦ TƯỚNG

        PHÓ THỦ TƯỚNG


        Phạm Thị Thanh Trà

        Phụ lục

        MẪU BÁO CÁO

        THỦ TRƯỞNG ĐƠN VỊ
        (Ký, ghi rõ họ tên)
        """,
      type: "Nghị định", number: "162/2026/NĐ-CP", issuer: "Chính phủ", date: "2026-05-15",
      subject: "Điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội và trợ cấp hằng tháng", signer: "Phạm Thị Thanh Trà",
      title: "PHÓ THỦ TƯỚNG"),
    Case(
      name: "a law without a place line is dated by its closing line",
      text: """
        QUỐC HỘI
        Luật số: 67/2014/QH13
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        LUẬT
        ĐẦU TƯ
        Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
        \(body)
        Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII,
        kỳ họp thứ 8 thông qua ngày 26 tháng 11 năm 2014./.

        CHỦ TỊCH QUỐC HỘI

        Nguyễn Sinh Hùng
        """,
      type: "Luật", number: "67/2014/QH13", issuer: "Quốc hội", date: "2014-11-26", subject: "ĐẦU TƯ",
      signer: "Nguyễn Sinh Hùng", title: "CHỦ TỊCH QUỐC HỘI"),
    Case(
      name: "an old law signed with (Đã ký) and no title",
      text: """
        LUẬT
        QUY ĐỊNH QUYỀN LẬP HỘI
        Điều 1. Quyền lập hội của nhân dân được tôn trọng.
        Hồ Chí Minh
        (Đã ký)
        """,
      type: "Luật", signer: "Hồ Chí Minh"),
    Case(
      name: "a ministry's consolidated text: fields from the closing block",
      text: """
        CÔNG BÁO/Số 288/Ngày 29-05-2026
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        THÔNG TƯ1
        Quy định giao dịch cổ phiếu niêm yết
        Thông tư số 120/2020/TT-BTC ngày 31 tháng 12 năm 2020 của Bộ trưởng Bộ Tài chính được sửa đổi, bổ sung bởi:
        \(body)
        BỘ TÀI CHÍNH
        Số: 08/VBHN-BTC
        XÁC THỰC VĂN BẢN HỢP NHẤT
        Hà Nội, ngày 17 tháng 4 năm 2026
        KT. BỘ TRƯỞNG
        THỨ TRƯỞNG

        Nguyễn Đức Chi
        """,
      type: "Văn bản hợp nhất", number: "08/VBHN-BTC", issuer: "Bộ Tài chính", date: "2026-04-17",
      subject: "Thông tư Quy định giao dịch cổ phiếu niêm yết", signer: "Nguyễn Đức Chi", title: "THỨ TRƯỞNG"),
    Case(
      name: "a joint circular: every body, and the signer for the first",
      text: """
        BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
        Số: 89/2016/TTLT-BTC-BCT
        Hà Nội, ngày 23 tháng 6 năm 2016 THÔNG TƯ LIÊN TỊCH HƯỚNG DẪN THỰC HIỆN CƠ CHẾ MỘT CỬA QUỐC GIA
        Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;
        \(body)
        KT. BỘ TRƯỞNG BỘ CÔNG THƯƠNG THỨ TRƯỞNG Nguyễn Cẩm Tú KT. BỘ TRƯỞNG BỘ TÀI CHÍNH THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn
        Nơi nhận:
        - Như trên;
        """,
      type: "Thông tư liên tịch", number: "89/2016/TTLT-BTC-BCT", issuer: "Bộ Tài chính - Bộ Công Thương",
      date: "2016-06-23", subject: "HƯỚNG DẪN THỰC HIỆN CƠ CHẾ MỘT CỬA QUỐC GIA", signer: "Đỗ Hoàng Anh Tuấn",
      title: "THỨ TRƯỞNG"),
    Case(
      name: "page marks and stamps are never a body; the number's code names it",
      text: """
        --- PAGE 1 ---
        Người ký: Cổng Thông tin điện tử Chính phủ
        Số: 21/CT-TTg
        Hà Nội, ngày 12 tháng 5 năm 2026
        CHỈ THỊ
        Về tăng cường phòng cháy, chữa cháy
        \(body)
        """,
      type: "Chỉ thị", number: "21/CT-TTg", issuer: "Thủ tướng Chính phủ", date: "2026-05-12",
      subject: "Về tăng cường phòng cháy, chữa cháy"),
    Case(
      name: "a law of the 1990s: the state's name in its title is not the motto",
      text: """
        QUỐC HỘI ********
        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ********
        Số: 16/1999/QH10
        Hà Nội, ngày 21 tháng 12 năm 1999
        LUẬT
        CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 16/1999/QH10 VỀ SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM
        Căn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992;
        \(body)
        """,
      type: "Luật", number: "16/1999/QH10", issuer: "Quốc hội", date: "1999-12-21",
      subject:
        "CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 16/1999/QH10 VỀ SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM"),
  ]

  /// A công văn as provincial offices send it, with `line` changed by the case.
  static func dispatch(
    date: String = "Quảng Nam, ngày 5 tháng 3 năm 2024", number: String = "Số: 123/UBND-KTTH",
    summary: String = "V/v tăng cường phòng, chống dịch bệnh", signed: String = "(Đã ký)",
    name: String = "Nguyễn Văn An", closing: String? = nil
  ) -> String {
    """
    ỦY BAN NHÂN DÂN
    TỈNH QUẢNG NAM
    \(number)
    \(summary)
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    \(date)

    Kính gửi: Các sở, ban, ngành.
    UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.
    \(closing ?? "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\(signed)\n\(name)")
    """
  }

  /// Web copies and Word files as offices send them: each row one way of writing a field that
  /// real files use (found by building them as .txt, .docx, .odt and .pdf).
  static let variants: [Case] =
    [
      "[đã ký]", "(Đã ký và đóng dấu)", "Đã ký", "( Ký, đóng dấu )", "(đã ký tên và đóng dấu)", "(Signed)", "(Đã ký).",
    ].map {
      Case(name: "signing note \($0)", text: dispatch(signed: $0), signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH")
    } + [
      Case(
        name: "signing note after the name", text: dispatch(signed: "", name: "Nguyễn Văn An (Đã ký và đóng dấu)"),
        signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
      Case(
        name: "signing note and a full stop after the name",
        text: dispatch(signed: "", name: "Nguyễn Văn An (Đã ký)."),
        signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
      Case(
        name: "day and month left as dots", text: dispatch(date: "Quảng Nam, ngày ... tháng ... năm 2024"), date: "2024"
      ),
      Case(
        name: "day left as an ellipsis", text: dispatch(date: "Quảng Nam, ngày …… tháng 3 năm 2024"), date: "2024-03"),
      Case(
        name: "day and month left as underscores", text: dispatch(date: "Quảng Nam, ngày __ tháng __ năm 2024"),
        date: "2024"),
      Case(
        name: "a công văn's summary spelt Về việc",
        text: dispatch(summary: "Về việc tăng cường phòng, chống dịch bệnh"),
        type: "Công văn", number: "123/UBND-KTTH"),
      Case(name: "a soft hyphen after a word", text: dispatch(name: "Nguyễn Văn\u{00AD} An"), signer: "Nguyễn Văn An"),
      Case(name: "a soft hyphen inside a word", text: dispatch(name: "Ngu\u{00AD}yễn Văn An"), signer: "Nguyễn Văn An"),
      Case(name: "a thin space in the name", text: dispatch(name: "Nguyễn\u{2009}Văn An"), signer: "Nguyễn Văn An"),
      Case(
        name: "Nơi nhận beside the signature, set with tabs",
        text: dispatch(
          closing: "Nơi nhận:\t\t\tKT. CHỦ TỊCH\n- Như trên;\t\t\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\n\t\t\tNguyễn Văn An"),
        signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
      Case(
        name: "Nơi nhận beside the signature, set with spaces, a decision's Như Điều 3",
        text: dispatch(
          closing: "Nơi nhận:                    TM. ỦY BAN NHÂN DÂN\n- Như Điều 3;                 CHỦ TỊCH\n"
            + "- Lưu: VT, KTTH.\n\n                              Lê Văn Dũng"),
        signer: "Lê Văn Dũng", title: "CHỦ TỊCH"),
      Case(
        name: "the title a line above Nơi nhận, set with tabs",
        text: dispatch(
          closing:
            "\t\t\tKT. CHỦ TỊCH\nNơi nhận:\t\t\tPHÓ CHỦ TỊCH\n- Như trên;\n- Lưu: VT.\t\t\t(Đã ký)\n\t\t\tNguyễn Văn An"
        ),
        signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
      Case(
        name: "an en space after Số:", text: dispatch(number: "Số:\u{2002}123/UBND-KTTH"), number: "123/UBND-KTTH",
        date: "2024-03-05"),
    ]

  @Test(arguments: variants)
  func variant(_ c: Case) { fields(c) }

  /// Where web copies put the place and date: run on after a `V/v` summary, or without the
  /// place's comma.
  static let placeDates: [Case] = [
    Case(
      name: "the place and date run on after the summary, then Kính gửi",
      text: dispatch(
        date: "",
        number: "Số: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 "
          + "tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam",
        summary: ""),
      number: "3397/BKHĐT-QLKTTW", date: "2019-05-23",
      subject: "V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014"),
    Case(
      name: "a summary citing a date goes on after it: the date line dates the document",
      text: dispatch(summary: "V/v góp ý văn bản của UBND tỉnh Quảng Nam, ngày 5 tháng 3 năm 2020 về đất đai"),
      date: "2024-03-05"),
    Case(
      name: "a summary wrapped onto a body's name and a date is not the place line",
      text: dispatch(summary: "V/v thực hiện Công văn số 1234/BTNMT-TCMT của\nBộ TNMT ngày 02/3/2021 về môi trường"),
      date: "2024-03-05"),
    Case(
      name: "a summary ending with a date it cites, the place line after it",
      text: dispatch(
        date: "Quảng Nam, ngày 12 tháng 3 năm 2024 Kính gửi: Sở Y tế.",
        number: "Số: 12/UBND-VX V/v triển khai kết luận của Tỉnh ủy Quảng Nam, ngày 10 tháng 3 năm 2024", summary: ""),
      date: "2024-03-12"),
    Case(
      name: "a title in capitals ending with a date keeps its summary",
      text: dispatch(summary: "BÁO CÁO\nKẾT LUẬN CUỘC HỌP NGÀY 10/3/2024"), date: "2024-03-05",
      subject: "KẾT LUẬN CUỘC HỌP NGÀY 10/3/2024"),
    Case(
      name: "the place's comma left out",
      text: dispatch(date: "", number: "Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025"),
      number: "87/2025/NĐ-CP", date: "2025-04-11"),
    Case(
      name: "a town's place without its comma",
      text: dispatch(date: "Thành phố Hồ Chí Minh ngày 2 tháng 9 năm 2024"), date: "2024-09-02"),
  ]

  @Test(arguments: placeDates)
  func placeDate(_ c: Case) { fields(c) }

  /// A gazette page whose header table the PDF printed after the page's body, with the
  /// Gazette's signature stamp after it: `stamp` closes the page.
  static func displaced(type: String, title: String, block: String, stamp: Bool = true) -> String {
    """
    CÔNG BÁO/Số 245/Ngày 23-04-2026
    2

    \(type)
    \(title)

    Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
    Theo đề nghị của Bộ trưởng;
    Điều 1. Phạm vi điều chỉnh
    Văn bản này quy định chi tiết một số nội dung.
    3. Các tổ chức, cá nhân có liên quan.
    \(block)
    \(stamp ? "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2026-04-23 10:42:36 +07:00\n" : "")
    CÔNG BÁO/Số 245/Ngày 23-04-2026
    3
    Điều 2. Hiệu lực thi hành
    Văn bản này có hiệu lực từ ngày ký./.
    TM. CHÍNH PHỦ
    KT. THỦ TƯỚNG
    PHÓ THỦ TƯỚNG

    Trần Văn Bình
    """
  }

  /// A header table printed after the first page's body (the Gazette's 2026 PDFs): the body,
  /// number and date come from it, the type and title from the top.
  static let displacedHeaders: [Case] = [
    Case(
      name: "the body, a rule and the number above the motto, the date below",
      text: displaced(
        type: "NGHỊ ĐỊNH", title: "Quy định cơ chế, chính sách ưu đãi cho đơn vị điều độ",
        block: "CHÍNH PHỦ\n_________\n \nSố: 135/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          + "Độc lập - Tự do - Hạnh phúc\n____________\nHà Nội, ngày 07 tháng 4 năm 2026"),
      type: "Nghị định", number: "135/2026/NĐ-CP", issuer: "Chính phủ", date: "2026-04-07",
      subject: "Quy định cơ chế, chính sách ưu đãi cho đơn vị điều độ"),
    Case(
      name: "a title citing a date: the block's date dates the document",
      text: displaced(
        type: "THÔNG TƯ",
        title: "Sửa đổi một số điều của Thông tư số 21/2021/TT-BLĐTBXH ngày 15\ntháng 12 năm 2021 của Bộ trưởng",
        block: "BỘ NỘI VỤ\n \n \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n \n"
          + "Số: 09/2026/TT-BNV\nHà Nội, ngày 15 tháng 05 năm 2026"),
      type: "Thông tư", number: "09/2026/TT-BNV", issuer: "Bộ Nội vụ", date: "2026-05-15"),
    Case(
      name: "a block with no stamp after it, the motto glued to the body's line",
      text: displaced(
        type: "QUYẾT ĐỊNH", title: "Về việc phê duyệt kế hoạch",
        block: "ỦY BAN NHÂN DÂN TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          + "Số: 45/QĐ-UBND\nKon Tum, ngày 3 tháng 6 năm 2025",
        stamp: false),
      type: "Quyết định", number: "45/QĐ-UBND", issuer: "UBND tỉnh Kon Tum", date: "2025-06-03"),
    Case(
      name: "the body's QUYẾT ĐỊNH: just above the block",
      text: displaced(
        type: "QUYẾT ĐỊNH", title: "Ban hành Quy chế quản lý vật liệu nổ",
        block: "QUYẾT ĐỊNH:\nTHỦ TƯỚNG CHÍNH PHỦ\n_______\nSố: 18/2026/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          + "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 12 tháng 5 năm 2026"),
      number: "18/2026/QĐ-TTg", issuer: "Thủ tướng Chính phủ", date: "2026-05-12"),
    Case(
      name: "a Party block: the star under the body, Số: alone before the number",
      text: displaced(
        type: "QUY ĐỊNH", title: "về công tác kiểm tra, giám sát",
        block: "HUYỆN ỦY KIM BẢNG\n*\nSố:\n145-QĐ/HU\nĐẢNG CỘNG SẢN VIỆT NAM\nKim Bảng, ngày 12 tháng 3 năm 2025"),
      number: "145-QĐ/HU", issuer: "Huyện ủy Kim Bảng", date: "2025-03-12"),
    Case(
      name: "a law's block has no place line: its Luật số: under its LUẬT",
      text: displaced(
        type: "LUẬT", title: "ĐẦU TƯ CÔNG",
        block: "QUỐC HỘI\n________\nLuật số: 57/2026/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          + "Độc lập - Tự do - Hạnh phúc"),
      type: "Luật", number: "57/2026/QH15", issuer: "Quốc hội"),
  ]

  @Test(arguments: displacedHeaders)
  func displacedHeader(_ c: Case) { fields(c) }

  /// An annexed form's blank block, and a block without its place line, are no header; a header
  /// at the top is never replaced by a block further down.
  @Test func blocksThatAreNoDisplacedHeader() {
    let extract = { MetadataExtractor().extract(from: TextNormalizer.normalize($0)) }
    let form = extract(
      Self.displaced(
        type: "THÔNG TƯ", title: "Ban hành mẫu biểu",
        block: "Mẫu số 01\nTÊN CƠ QUAN\nSố: …/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          + "Độc lập - Tự do - Hạnh phúc\n…, ngày … tháng … năm …"))
    #expect(form.number == nil && form.date == nil)
    let undated = extract(
      Self.displaced(
        type: "THÔNG TƯ", title: "Ban hành mẫu biểu",
        block: "BỘ NỘI VỤ\nSố: 09/2026/TT-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"))
    #expect(undated.number == nil && undated.issuer != "Bộ Nội vụ")
    let topFirst = extract(
      Self.dispatch()
        + "\nPhụ lục\nBỘ NỘI VỤ\nSố: 09/2026/TT-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        + "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 15 tháng 05 năm 2026")
    #expect(topFirst.number == "123/UBND-KTTH" && topFirst.date?.iso == "2024-03-05")
    #expect(ExtractFixtures.same(topFirst.issuer, "UBND tỉnh Quảng Nam"))
    // Under a type line, another document's block: an attached dispatch (no type code), a
    // sample decision in an annex (its own title after its date), another type's number.
    let block = { (number: String, after: String) in
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: \(number)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        + "Nghệ An, ngày 12 tháng 9 năm 2024\n\(after)"
    }
    for (type, number, after) in [
      ("THÔNG BÁO", "1520/SGDĐT-GDTRH", "V/v tổ chức dạy học"),
      ("QUYẾT ĐỊNH", "356/QĐ-SGDĐT", "QUYẾT ĐỊNH\nVề việc mẫu"),
      ("THÔNG TƯ", "356/QĐ-SGDĐT", ""),
    ] {
      let m = extract(Self.displaced(type: type, title: "Hướng dẫn mẫu văn bản", block: block(number, after)))
      #expect(m.number == nil && m.issuer?.contains("Giáo dục") != true, "\(type) over \(number)")
    }
    // A consolidated text's header stands at its end (ConsolidationBlock), never read this way.
    let consolidated = extract(
      Self.displaced(
        type: "THÔNG TƯ", title: "Hướng dẫn mẫu văn bản (văn bản hợp nhất 12/VBHN-BTC)",
        block: block("25/2021/TT-SGDĐT", "")))
    #expect(consolidated.number != "25/2021/TT-SGDĐT")
  }

  /// A digital signature's visible text, as a signed PDF's text layer keeps it.
  static let stamp =
    "Ký bởi: Ủy ban Nhân dân tỉnh Quảng Nam\nEmail: ubnd@quangnam.gov.vn\nCơ quan: Tỉnh Quảng Nam\n"
    + "Thời gian ký: 05.03.2024 10:15:20 +07:00"

  /// Where signing software puts its stamp: none of it is the document's summary or signer.
  static let stamps: [Case] = [
    Case(
      name: "the stamp set left of the header, a column of its own",
      text: """
        Ký bởi: Văn phòng UBND tỉnh    ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Email: vp@quangnam.gov.vn       TỈNH QUẢNG NAM           Độc lập - Tự do - Hạnh phúc
        Cơ quan: Tỉnh Quảng Nam         Số: 123/UBND-KTTH        Quảng Nam, ngày 5 tháng 3 năm 2024
        Thời gian ký: 05.03.2024        V/v tăng cường phòng, chống dịch bệnh

        Kính gửi: Các sở, ban, ngành.
        UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.
        KT. CHỦ TỊCH
        Ký bởi: Ủy ban Nhân dân tỉnh Quảng Nam   PHÓ CHỦ TỊCH
        Thời gian ký: 05.03.2024 10:15:20 +07:00
        Nguyễn Văn An
        """,
      number: "123/UBND-KTTH", issuer: "UBND tỉnh Quảng Nam", date: "2024-03-05",
      subject: "V/v tăng cường phòng, chống dịch bệnh", signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "the stamp between the summary and Kính gửi",
      text: dispatch(summary: "V/v tăng cường phòng, chống dịch bệnh\n" + stamp),
      number: "123/UBND-KTTH", date: "2024-03-05", subject: "V/v tăng cường phòng, chống dịch bệnh"),
    Case(
      name: "the stamp splitting a wrapped summary",
      text: dispatch(summary: "V/v tăng cường phòng, chống\n" + stamp + "\ndịch bệnh trên địa bàn tỉnh"),
      subject: "V/v tăng cường phòng, chống dịch bệnh trên địa bàn tỉnh"),
    Case(
      name: "the stamp at the end of the header's lines, after a column's gap",
      text: """
        ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM        Ký bởi: Ủy ban Nhân dân tỉnh Quảng Nam
        TỈNH QUẢNG NAM               Độc lập - Tự do - Hạnh phúc            Email: ubnd@quangnam.gov.vn
        Số: 123/UBND-KTTH        Quảng Nam, ngày 5 tháng 3 năm 2024         Cơ quan: Tỉnh Quảng Nam
        V/v tăng cường phòng, chống dịch bệnh\tThời gian ký: 05.03.2024 10:15:20 +07:00

        Kính gửi: Các sở, ban, ngành.
        UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Nguyễn Văn An
        """,
      number: "123/UBND-KTTH", issuer: "UBND tỉnh Quảng Nam", date: "2024-03-05",
      subject: "V/v tăng cường phòng, chống dịch bệnh", signer: "Nguyễn Văn An"),
    Case(
      name: "the stamp above the header", text: stamp + "\n" + dispatch(), number: "123/UBND-KTTH",
      issuer: "UBND tỉnh Quảng Nam", date: "2024-03-05", subject: "V/v tăng cường phòng, chống dịch bệnh"),
    Case(
      name: "the signer's own stamp between the title and the name",
      text: dispatch(signed: "Người ký: Nguyễn Văn An\nThời gian ký: 05.03.2024 10:15:20 +07:00"),
      signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "the signer's own stamp beside the list of recipients",
      text: dispatch(
        closing: "Nơi nhận:                         KT. CHỦ TỊCH\n- Như trên;                        PHÓ CHỦ TỊCH\n"
          + "- Lưu: VT.                        Ký bởi: Nguyễn Văn An\n"
          + "                                  Thời gian ký: 05.03.2024 10:15:20 +07:00\n"
          + "                                  Nguyễn Văn An"),
      signer: "Nguyễn Văn An", title: "PHÓ CHỦ TỊCH"),
  ]

  @Test(arguments: stamps)
  func signingStamp(_ c: Case) { fields(c) }

  /// Only a stamp goes: `ký bởi` in a sentence, and `Cơ quan:` or `Email:` with no opener before
  /// them (a form, an address), stay.
  @Test func linesThatAreNoStamp() {
    let text = """
      Văn bản được ký bởi: Chủ tịch UBND tỉnh theo ủy quyền.
      Cơ quan: Sở Y tế
      Email: syt@quangnam.gov.vn
      """
    let lines = text.byteLines()[...]
    #expect(SigningStamp.removed(from: lines, text: FoldedText(text)) == nil)
    let stamped = "Ký bởi: Sở Y tế\nNội dung.\nCơ quan: Sở Y tế"
    let kept = SigningStamp.removed(from: stamped.byteLines()[...], text: FoldedText(stamped))
    #expect(kept == ["Nội dung."])
    let far = "Ký bởi: Sở Y tế\n1\n2\n3\n4\n5\n6\nCơ quan: Sở Tài chính"
    let farKept = SigningStamp.removed(from: far.byteLines()[...], text: FoldedText(far))
    #expect(farKept?.last == "Cơ quan: Sở Tài chính")
  }

  /// A place's name, not the words of a sentence that cites a date.
  @Test func barePlaces() {
    for place in ["Hà Nội", "Thành phố Hồ Chí Minh", "TP. Vinh", "Buôn Ma Thuột"] {
      #expect(HeaderParser.barePlace(place) == place)
    }
    for words in [
      "Căn cứ Hiến pháp", "Chính phủ", "Quốc hội", "Luật Đất đai", "Điều 3 Nghị quyết", "", "Bộ TNMT",
      "KẾT LUẬN CUỘC HỌP",
    ] {
      #expect(HeaderParser.barePlace(words) == nil)
    }
  }

  /// Names as offices print them beyond `Nguyễn Văn An`: in capitals, and the Ê Đê names of the
  /// Central Highlands (`Y` before a man's name, `H'` before a woman's).
  static let names: [Case] = [
    Case(
      name: "a name in capitals on a line of its own", text: dispatch(signed: "", name: "TRẦN VĂN TÂN"),
      signer: "Trần Văn Tân", title: "PHÓ CHỦ TỊCH"),
    Case(name: "a name in capitals after (Đã ký)", text: dispatch(name: "TRẦN VĂN TÂN"), signer: "Trần Văn Tân"),
    Case(
      name: "a name in capitals after the title on its line, whose second word is a surname too",
      text: dispatch(closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH NGUYỄN HOÀNG LÂM"),
      signer: "Nguyễn Hoàng Lâm", title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "a name in capitals under a general's rank",
      text: dispatch(closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nBỘ TRƯỞNG\nĐẠI TƯỚNG\nPHAN VĂN GIANG"),
      signer: "Phan Văn Giang", title: "BỘ TRƯỞNG"),
    Case(name: "an Ê Đê man's name", text: dispatch(name: "Y Giang Gry Niê Knơng"), signer: "Y Giang Gry Niê Knơng"),
    Case(name: "an Ê Đê woman's name", text: dispatch(name: "H'Yim Kđoh"), signer: "H'Yim Kđoh"),
    Case(
      name: "an Ê Đê name with a curly apostrophe", text: dispatch(name: "H\u{2019}Yim Kđoh"),
      signer: "H\u{2019}Yim Kđoh"),
    Case(name: "an Ê Đê name in capitals", text: dispatch(signed: "", name: "H'YIM KĐOH"), signer: "H'Yim Kđoh"),
    // The Công báo's PDFs of 2026 leave a mark where the signature's image was.
    Case(
      name: "a bracket of its own between the title and the name", text: dispatch(signed: "[", name: "Lê Minh Hưng"),
      signer: "Lê Minh Hưng", title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "a name in capitals, then an annex's heading",
      text: dispatch(signed: "", name: "TRẦN VĂN TÂN\n\nPHỤ LỤC\nHỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG"), signer: "Trần Văn Tân",
      title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "two blocks side by side with names in capitals: the first body's signer",
      text: dispatch(
        closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH          KT. GIÁM ĐỐC\n"
          + "PHÓ CHỦ TỊCH          PHÓ GIÁM ĐỐC\n\nTRẦN VĂN TÂN          LÊ VĂN HÙNG"),
      signer: "Trần Văn Tân"),
    Case(
      name: "a place in capitals under the title, then the name",
      text: dispatch(
        closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHỒ CHÍ MINH\n\nPhan Văn Mãi"),
      signer: "Phan Văn Mãi"),
    Case(
      name: "an agency's name in capitals under the title is not the signer",
      text: dispatch(
        closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC SỞ\nNÔNG NGHIỆP VÀ MÔI TRƯỜNG\n\nNguyễn Văn Bình"),
      signer: "Nguyễn Văn Bình"),
    Case(
      name: "an unsigned block and its annex, then the signed block",
      text: dispatch(
        closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nPHỤ LỤC\nTIÊU CHÍ ĐÁNH GIÁ\n"
          + "(Kèm theo Công văn)\n\nNội dung phụ lục.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Trí Thanh"),
      signer: "Lê Trí Thanh"),
    Case(
      name: "a bracket glued to the title",
      text: dispatch(closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCHky]\n\nHồ Quốc Dũng"),
      signer: "Hồ Quốc Dũng", title: "PHÓ CHỦ TỊCH"),
    Case(
      name: "a bracket glued to the name, annexed forms after the block",
      text: dispatch(
        closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\ny]Phạm Thị Thanh Hà\n\n\n"
          + "Phụ lục I\nMẪU ĐƠN\nNơi nhận:\n- Như trên;\n- …………\n- Lưu: VT,...\nGIÁM ĐỐC\n(Ký, ghi rõ họ tên)"),
      signer: "Phạm Thị Thanh Hà", title: "PHÓ CHỦ TỊCH"),
  ]

  @Test(arguments: names)
  func name(_ c: Case) { fields(c) }

  /// Capitals after an unsigned title are a heading unless a surname opens them: no signer. Marks
  /// count (`TỔNG` is not the surname `Tống`), and a title is never a name.
  @Test(arguments: [
    "TỔNG HỢP Ý KIẾN", "PHỤ LỤC KÈM THEO", "BỘ TÀI CHÍNH", "CHỦ TỊCH", "HỒ SƠ ĐỀ NGHỊ", "LÂM ĐỒNG", "HÀ NỘI",
    "VĂN BẢN HỢP NHẤT", "TIÊU CHÍ ĐÁNH GIÁ", "ĐOÀN ĐẠI BIỂU QUỐC HỘI", "ĐOÀN THANH NIÊN", "Y TẾ DỰ PHÒNG",
    // A heading of two lines.
    "ĐOÀN THANH TRA LIÊN NGÀNH\nDANH SÁCH THÀNH VIÊN",
  ])
  func headingInCapitalsIsNoName(_ heading: String) {
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(Self.dispatch(signed: "", name: heading)))
    #expect(m.signer == nil)
    #expect(m.signerTitle == "PHÓ CHỦ TỊCH")
  }

  /// A `Nơi nhận` block set in columns is read as its left lines, then its right lines; a text
  /// without one is left alone.
  @Test func columnsOfAClosingBlock() {
    let lines = "Điều 3. Thi hành./.\nNơi nhận:\t\tKT. CHỦ TỊCH\n- Như trên;   PHÓ CHỦ TỊCH\n\t\tNguyễn Văn An\nPhụ lục"
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      SignatureColumns.readingOrder(lines[...])
        == [
          "Điều 3. Thi hành./.", "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "Phụ lục",
        ])
    let plain = "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH".split(separator: "\n")
    #expect(SignatureColumns.readingOrder(plain[...]) == nil)
    #expect(SignatureColumns.cells("  - Như trên;") == ("- Như trên;", ""))
    #expect(SignatureColumns.cells("a b\tc  d") == ("a b", "c  d"))
    // A second cue whose right-only line above belongs to the block before: no overlap (this
    // built a range 2..<1 and trapped).
    let twice: [Substring] = ["Nơi nhận:", "\t\tA", "Nơi nhận:"]
    #expect(SignatureColumns.readingOrder(twice[...]) == ["Nơi nhận:", "A", "Nơi nhận:"])
  }

  /// `Về việc` under a decision's number whose type line was lost gives no type, not a wrong one.
  @Test func veViecUnderATypedSymbolIsNoDispatch() {
    let text = Self.dispatch(number: "Số: 45/QĐ-UBND", summary: "Về việc thành lập Ban chỉ đạo")
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(text)).type == nil)
    #expect(DocumentTypes.symbolNamesAType("15/2020/NĐ-CP") && !DocumentTypes.symbolNamesAType("123/UBND-KTTH"))
  }

  @Test(arguments: cases)
  func fields(_ c: Case) {
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(c.text))
    if let v = c.type { #expect(m.type == v) }
    if let v = c.number { #expect(m.number == v) }
    if let v = c.issuer { #expect(ExtractFixtures.same(m.issuer, v)) }
    if let v = c.parent { #expect(ExtractFixtures.same(m.parent, v)) }
    if let v = c.date { #expect(m.date?.iso == v) }
    if let v = c.subject { #expect(ExtractFixtures.same(m.subject, v)) }
    if let v = c.signer { #expect(m.signer == v) }
    if let v = c.title { #expect(m.signerTitle == v) }
  }

  /// Titles the list lacks, with no `KT.`/`TM.` above them: a listed title and its unit's name,
  /// a post named `… trưởng`, a diplomat's or an editor's; taken when a name signs under them.
  @Test(arguments: [
    "GIÁM ĐỐC TRUNG TÂM", "TRƯỞNG BAN TUYÊN GIÁO", "CHỦ NHIỆM ỦY BAN KINH TẾ", "CHỈ HUY TRƯỞNG", "PHÓ ĐỒN TRƯỞNG",
    "KIỂM TOÁN TRƯỞNG", "ĐẠI SỨ", "TỔNG BIÊN TẬP", "CHÁNH VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND",
  ])
  func unlistedTitle(_ title: String) {
    let text = Self.dispatch(closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\(title)\n\n(Đã ký)\n\nNguyễn Thanh Hải")
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == "Nguyễn Thanh Hải")
    #expect(m.signerTitle == title)
  }

  /// A degree before the name (a hospital's, a university's), alone or joined by dots, and a
  /// rank in capitals on the name's line, are not the name's.
  @Test(arguments: [
    ("ThS. Nguyễn Thanh Hải", "Nguyễn Thanh Hải"), ("Ths. Nguyễn Thanh Hải", "Nguyễn Thanh Hải"),
    ("PGS.TS. Nguyễn Thanh Hải", "Nguyễn Thanh Hải"), ("TS.BS. Nguyễn Thanh Hải", "Nguyễn Thanh Hải"),
    ("BSCKII. Nguyễn Thanh Hải", "Nguyễn Thanh Hải"), ("PGS. TS Nguyễn Thanh Hải", "Nguyễn Thanh Hải"),
    ("ĐẠI TÁ NGUYỄN THANH HẢI", "Nguyễn Thanh Hải"),
  ])
  func degreeOrRankBeforeTheName(_ line: String, _ signer: String) {
    let text = Self.dispatch(closing: "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\n\n\(line)")
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == signer)
    #expect(m.signerTitle == "GIÁM ĐỐC")
  }

  /// The name's post after it on its line, after a comma, is not the name's.
  @Test(arguments: ["Lê Văn Dũng, Phó Chủ tịch", "Lê Văn Dũng, Phó Chủ tịch UBND tỉnh", "Lê Văn Dũng,"])
  func aPostAfterTheNameAndAComma(_ line: String) {
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(Self.dispatch(name: line)))
    #expect(m.signer == "Lê Văn Dũng")
    #expect(m.signerTitle == "PHÓ CHỦ TỊCH")
  }

  /// Minutes are signed by the secretary and the chair, set one above the other when the columns
  /// are lost: the chair is the signer, in either order. Outside minutes, and in minutes the
  /// secretary signs alone, the secretary's block stands.
  @Test func minutesAreSignedByTheChairNotTheSecretary() {
    func minutes(_ type: String, _ blocks: String) -> String {
      "ỦY BAN NHÂN DÂN XÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\(type)\n"
        + "Họp về việc triển khai kế hoạch của xã\nHôm nay, ngày 10 tháng 5 năm 2022, tại trụ sở UBND xã.\n"
        + "Cuộc họp kết thúc lúc 11 giờ cùng ngày./.\n" + blocks
    }
    let secretary = "THƯ KÝ CUỘC HỌP\nNguyễn Thị Hoa\n"
    let chair = "CHỦ TỊCH UBND XÃ\nTrần Văn Bình\n"
    for (s, c) in [(secretary, chair), ("THƯ KÝ\nNguyễn Thị Hoa\n", chair)] {
      for blocks in [s + c, c + s] {
        let m = MetadataExtractor().extract(from: TextNormalizer.normalize(minutes("BIÊN BẢN", blocks)))
        #expect(m.type == "Biên bản")
        #expect(m.signer == "Trần Văn Bình", "\(blocks)")
      }
    }
    let alone = MetadataExtractor().extract(from: TextNormalizer.normalize(minutes("BIÊN BẢN", secretary)))
    #expect(alone.signer == "Nguyễn Thị Hoa")
    let notice = MetadataExtractor().extract(from: TextNormalizer.normalize(minutes("THÔNG BÁO", secretary + chair)))
    #expect(notice.signer == "Nguyễn Thị Hoa")
  }

  /// A recipient in capitals, or a heading, then a line of capitalised words in the body, is no
  /// signature: the signed block at the end is found.
  @Test(arguments: [
    "Kính gửi: CHỦ TỊCH UBND XÃ ĐIỆN PHƯỚC\nÔng Nguyễn Văn Bình, trú tại thôn 3, có đơn đề nghị.",
    "Kính gửi:\nBỘ TRƯỞNG BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nBáo Tuổi Trẻ ngày 5 tháng 3 năm 2024 có bài viết.",
    "Kính gửi: CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\nTrường Tiểu Học Kim Đồng có tờ trình.",
    "III. MÔI TRƯỜNG\nCông Ty Môi Trường Đô Thị đã thu gom rác.",
    "NHÀ TRƯỜNG\nBan Giám Hiệu đã họp.",
  ])
  func capitalsThenCapitalisedWordsAreNoBlock(_ body: String) {
    let text = Self.dispatch(
      closing: body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Văn Tân")
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == "Trần Văn Tân")
    #expect(m.signerTitle == "PHÓ CHỦ TỊCH")
  }

  /// Such a title with no name in small letters under it signs nothing (a form), and a word in
  /// capitals alone is no title.
  @Test func unlistedTitlesNeedAName() {
    for closing in [
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC TRUNG TÂM\n(Ký, ghi rõ họ tên)",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC TRUNG TÂM\nNGUYỄN THANH HẢI",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nLƯU\nNguyễn Thanh Hải", "ĐỒN\n\nNguyễn Thanh Hải",
      // Not a post: `TRƯỜNG` without the mark of `TRƯỞNG`; a name cut short.
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nVỀ MÔI TRƯỜNG\nNguyễn Thanh Hải",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG BAN TỔ CHỨC\nNguyễn Thị Thu, giáo viên",
    ] {
      let m = MetadataExtractor().extract(from: TextNormalizer.normalize(Self.dispatch(closing: closing)))
      #expect(m.signerTitle == nil, "\(closing)")
    }
  }

  /// A heading whose words the text also writes in small letters is no name: a person's names
  /// are always capitalised.
  @Test func aHeadingTheTextWritesInSmallLettersIsNoName() {
    let text = Self.dispatch(signed: "", name: "ĐOÀN CÔNG TÁC\n\nThành lập đoàn công tác của tỉnh.")
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(text)).signer == nil)
  }

  /// A line of thousands of `Y` where a name would be (an Ê Đê name opens with one) is no name,
  /// and reading it takes no stack per word.
  @Test func aLineOfYIsNoName() {
    let text = Self.dispatch(name: String(repeating: "Y ", count: 30_000) + "Nam")
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(text)).signer == nil)
  }

  /// A made-up title word never becomes a name, and a form's blank signature gives no signer.
  @Test func formsGiveNoSigner() {
    let text = """
      QUYẾT ĐỊNH
      Về việc ban hành mẫu biểu
      \(Self.body)
      Mẫu số 01
      THỦ TRƯỞNG ĐƠN VỊ
      (Ký, ghi rõ họ tên, đóng dấu)
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == nil)
  }

  /// The Gazette goes on printing a text in a later issue under the name an index gives it,
  /// `Thông tư số … ngày …` over its summary in small letters, and then its annexes' forms: the
  /// text is the Thông tư with that summary, not the form's `BÁO CÁO`.
  @Test func aGazetteContinuationIsNamedByItsTitleLine() {
    let text = """
      2
      CÔNG BÁO/Số 203 + 204/Ngày 18-02-2019

      VĂN BẢN QUY PHẠM PHÁP LUẬT

      BỘ TÀI CHÍNH

      Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018
      hướng dẫn kế toán Bảo hiểm xã hội

      (Tiếp theo Công báo số 201 + 202)

      Phụ lục số 04
      HỆ THỐNG BÁO CÁO TÀI CHÍNH
      Mẫu số: B11-BH
      BÁO CÁO THANH TOÁN VỀ THU BHXH, BHYT, BHTN
      Quý.... năm.....
      1. Số thu kỳ trước chưa nộp về BHXH cấp trên
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.type == "Thông tư")
    #expect(m.number == "102/2018/TT-BTC")
    #expect(m.date?.iso == "2018-11-14")
    #expect(m.issuer == "Bộ Tài chính")
    #expect(m.subject == "hướng dẫn kế toán Bảo hiểm xã hội")
    // A date that a sentence goes on after (`… năm 2018 của Bộ Tài chính`) is a citation's, not
    // the end of a text's name.
    #expect(HeaderParser.isTitleDate("ngày 14 tháng 11 năm 2018"))
    #expect(!HeaderParser.isTitleDate("ngày 14 tháng 11 năm 2018 của Bộ Tài chính"))
  }

  /// An annex's heading ends the header: the capitals of its form (`KẾ HOẠCH TIÊM CHỦNG`) are no
  /// type line, where a header that named no type left one open.
  @Test(arguments: ["Phụ lục I", "PHỤ LỤC", "Phụ lục số 04", "PHỤ LỤC 2.1: MẪU BIỂU"])
  func anAnnexHeadingEndsTheHeader(_ heading: String) {
    let text = """
      BỘ Y TẾ
      Số: 45/BYT-KH
      Hà Nội, ngày 3 tháng 4 năm 2021
      \(heading)
      KẾ HOẠCH TIÊM CHỦNG
      1. Đối tượng tiêm
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.number == "45/BYT-KH")
    #expect(m.type == nil)
    #expect(HeaderParser.isAnnexHeading(heading))
  }

  /// A line that opens with the word but goes on in words, or wraps a title, is no annex's heading.
  @Test(arguments: [
    "Phụ lục này quy định mẫu biểu", "Phụ lục I của Thông tư số 01/2020/TT-BYT", "phụ lục",
    "Phụ lục: Danh sách đơn vị được phân bổ vắc xin",
  ])
  func aSentenceAboutAnAnnexIsNoHeading(_ line: String) {
    #expect(!HeaderParser.isAnnexHeading(line))
  }

  /// Two blocks side by side, set with spaces or tabs (a text copy, Word's tab stops): each
  /// column is read as a block. Minutes are signed by their chair, beside the secretary; the
  /// two names do not run into one.
  @Test(arguments: [
    "THƯ KÝ                              CHỦ TỌA\n(Đã ký)                             (Đã ký)\n\nLê Thị Hoa                          Trần Văn Bình",
    "    THƯ KÝ CUỘC HỌP                     CHỦ TRÌ CUỘC HỌP\n\n    Lê Thị Hoa                          Trần Văn Bình",
    "THƯ KÝ\t\t\t\tCHỦ TỌA\nLê Thị Hoa\t\t\tTrần Văn Bình",
    "THƯ KÝ                              CHỦ TỊCH UBND XÃ\n\nLê Thị Hoa                          Trần Văn Bình\n\n",
  ])
  func minutesSignedSideBySide(_ blocks: String) {
    let text = """
      ỦY BAN NHÂN DÂN XÃ AN PHÚ
      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc
      BIÊN BẢN
      Họp về việc triển khai kế hoạch của xã
      Hôm nay, ngày 10 tháng 5 năm 2022, tại trụ sở UBND xã.
      Cuộc họp kết thúc lúc 11 giờ cùng ngày./.
      \(blocks)
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == "Trần Văn Bình")
    #expect(m.signerTitle.map(ScalarText.fold)?.hasPrefix("chu t") == true)
  }

  /// A joint text's two ministers sign side by side: the signer is the one for the body its
  /// header names first, here in the right column.
  @Test func jointBlocksSideBySideGiveTheFirstBodysSigner() {
    let text = """
      BỘ Y TẾ - BỘ TÀI CHÍNH
      Số: 12/2021/TTLT-BYT-BTC
      Hà Nội, ngày 5 tháng 3 năm 2021
      THÔNG TƯ LIÊN TỊCH
      Hướng dẫn chi trả phụ cấp chống dịch
      Điều 1. Phạm vi điều chỉnh
      Thông tư này hướng dẫn chi trả phụ cấp./.
      KT. BỘ TRƯỞNG BỘ TÀI CHÍNH              KT. BỘ TRƯỞNG BỘ Y TẾ
      THỨ TRƯỞNG                              THỨ TRƯỞNG
      Trần Văn Nam                            Nguyễn Thị Lan
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.signer == "Nguyễn Thị Lan")
    #expect(m.signerTitle == "THỨ TRƯỞNG")
  }

  /// Two cells in capitals that a table of data ends with are left as lines when no names
  /// follow on both sides.
  @Test func aTableRowInCapitalsIsNoPairOfBlocks() {
    let lines = "Nội dung\nTỔNG CỘNG                 HAI TỶ ĐỒNG\n".split(separator: "\n")[...]
    #expect(SignatureColumns.sideBySide(lines) == nil)
  }

  /// A web copy's page title names the text (`Nghị quyết số … ngày …`) over its header: the
  /// header's type line and summary still give the summary. Only a summary in small letters right
  /// under such a name is read as the text's (a Gazette continuation).
  @Test(arguments: [
    (
      "Nghị quyết số 01/2021/NQ-HĐND ngày 10 tháng 7 năm 2021\nHỘI ĐỒNG NHÂN DÂN\nTỈNH NGHỆ AN\n"
        + "Số: 01/2021/NQ-HĐND\nNghệ An, ngày 10 tháng 7 năm 2021\nNGHỊ QUYẾT\n"
        + "Quy định mức thu phí tham quan của tỉnh\nCăn cứ Luật Tổ chức chính quyền địa phương;",
      "Quy định mức thu phí tham quan của tỉnh"
    ),
    (
      "Công văn số 778/TCHQ-GSQL ngày 15 tháng 02 năm 2021\nBỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\n"
        + "Số: 778/TCHQ-GSQL\nV/v xử lý hàng hóa tồn đọng của doanh nghiệp\nHà Nội, ngày 15 tháng 02 năm 2021\n"
        + "Kính gửi: Cục Hải quan các tỉnh, thành phố.",
      "xử lý hàng hóa tồn đọng của doanh nghiệp"
    ),
    (
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH NGHỆ AN\nNghị quyết số 01/2021/NQ-HĐND ngày 10 tháng 7 năm 2021\nNGHỊ QUYẾT\n"
        + "VỀ MỨC THU PHÍ THAM QUAN CỦA TỈNH\nHỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ Luật Tổ chức chính quyền;",
      "VỀ MỨC THU PHÍ THAM QUAN CỦA TỈNH"
    ),
  ])
  func aTextsNameOverItsHeaderLeavesTheHeadersSummary(_ text: String, _ subject: String) {
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.subject?.hasSuffix(subject) == true, "\(m.subject ?? "nil")")
  }

  /// A summary that wraps onto a line opening with `Phụ lục` goes on there: only a heading after
  /// the summary ends the header.
  @Test func aSummaryWrappedOntoAnAnnexsNameGoesOn() {
    let text = """
      BỘ LAO ĐỘNG - THƯƠNG BINH
      VÀ XÃ HỘI
      Số: 25/QĐ-LĐTBXH
      Hà Nội, ngày 10 tháng 01 năm 2022
      QUYẾT ĐỊNH
      Về việc sửa đổi, bổ sung
      Phụ lục II - Danh mục thủ tục hành chính của Bộ
      Căn cứ Nghị định số 14/2017/NĐ-CP ngày 17 tháng 02 năm 2017;
      """
    let m = MetadataExtractor().extract(from: TextNormalizer.normalize(text))
    #expect(m.subject == "Về việc sửa đổi, bổ sung Phụ lục II - Danh mục thủ tục hành chính của Bộ")
  }

  /// Side by side, the issuing side signs on the right: an inspection's minutes are the team
  /// leader's, not the inspected unit's; a `Nơi nhận` list under the blocks is not part of them.
  @Test func sideBySideTheRightBlockIssuesTheText() {
    let inspection = """
      SỞ Y TẾ TỈNH NGHỆ AN
      ĐOÀN KIỂM TRA
      BIÊN BẢN
      Kiểm tra công tác phòng, chống dịch tại cơ sở của huyện
      Hôm nay, ngày 10 tháng 5 năm 2022, Đoàn kiểm tra của Sở Y tế làm việc tại Trung tâm Y tế huyện.
      Biên bản lập xong hồi 11 giờ cùng ngày./.
      ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA                 TRƯỞNG ĐOÀN KIỂM TRA
      GIÁM ĐỐC                                      PHÓ GIÁM ĐỐC SỞ Y TẾ
      Hồ Văn Lợi                                    Nguyễn Thị Xuân
      """
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(inspection)).signer == "Nguyễn Thị Xuân")
    let listed = """
      BỘ TÀI CHÍNH - BỘ Y TẾ
      Số: 14/2021/TTLT-BTC-BYT
      Hà Nội, ngày 5 tháng 3 năm 2021
      THÔNG TƯ LIÊN TỊCH
      Hướng dẫn chi trả phụ cấp của cán bộ y tế
      Điều 1. Phạm vi điều chỉnh
      Thông tư này có hiệu lực từ ngày ký./.
      KT. BỘ TRƯỞNG BỘ TÀI CHÍNH              KT. BỘ TRƯỞNG BỘ Y TẾ
      THỨ TRƯỞNG                              THỨ TRƯỞNG
      Trần Văn Nam                            Nguyễn Thị Lan
      Nơi nhận:
      - Văn phòng Trung ương và các Ban của Đảng;
      - Văn phòng Chủ tịch nước, Văn phòng Quốc hội;
      - Lưu: VT BYT, VT BTC.
      """
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(listed)).signer == "Trần Văn Nam")
  }

  /// A table whose head row is two cells in capitals (`HỌ VÀ TÊN    CHỨC VỤ`), or a roster of two
  /// names a column under a signature, is no pair of blocks; nor does a pair whose right block is
  /// not read give the left one's signer (`DUYỆT CỦA HIỆU TRƯỞNG` beside the one who submits).
  @Test func tablesRostersAndApproversAreNoSigners() {
    let head =
      "SỞ NỘI VỤ TỈNH THÁI BÌNH\nSố: 89/TB-SNV\nThái Bình, ngày 20 tháng 7 năm 2022\nTHÔNG BÁO\nLịch trực\nNội dung./.\n"
    let table =
      head + "HỌ VÀ TÊN                       CHỨC VỤ\nNguyễn Văn Tâm                  GIÁM ĐỐC SỞ TÀI CHÍNH\n"
      + "Lê Thị Mai                      PHÓ GIÁM ĐỐC SỞ Y TẾ\nHoàng Văn Long                  CHÁNH VĂN PHÒNG"
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(table)).signer == nil)
    let roster =
      head
      + "                                           GIÁM ĐỐC\n                                           Đặng Văn Tùng\n"
      + "TRƯỞNG BAN                      PHÓ TRƯỞNG BAN\nNguyễn Văn Khải                 Trần Thị Liên\n"
      + "Lê Văn Quang                    Phạm Thị Thơm"
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(roster)).signer == "Đặng Văn Tùng")
    let approval =
      head + "      DUYỆT CỦA HIỆU TRƯỞNG                    TỔ TRƯỞNG TỔ HÀNH CHÍNH\n"
      + "      Đỗ Minh Khoa                             Phạm Thu Trang"
    #expect(MetadataExtractor().extract(from: TextNormalizer.normalize(approval)).signer != "Đỗ Minh Khoa")
  }
}
