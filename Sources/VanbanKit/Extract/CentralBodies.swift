// Central state bodies: their official names and the codes their numbers carry.
//
// When a header's body block cannot be read (an image-only page, a layout the text export
// scrambled), the symbol in the document's own number still names the body: `11/2024/TT-BNV` is
// the Ministry of Home Affairs', `15/2020/NĐ-CP` the Government's. Only codes that mean one body
// are listed (`BTC` is also a Party committee's Ban Tổ chức, but in a state number after a type
// code it is the Ministry of Finance; Party numbers put the type before the slash and never reach
// this table).
//
// Sources: the names as the bodies print them in their own headers, and each code as it appears
// in a number those bodies issued (the example column), all in ../shared/corpora/vn-legal or the
// Official Gazette (congbao.chinhphu.vn); the list of ministries follows Luật Tổ chức Chính phủ
// 2015, Điều 39, and Nghị quyết 176/2025/QH15 (ministries from March 2025).

enum CentralBodies {
  struct Body {
    let name: String
    let codes: [String]
    /// A number the body issued with that code (the source of the row).
    let example: String
  }

  static let all: [Body] = [
    Body(name: "Quốc hội", codes: ["QH"], example: "61/2020/QH14"),
    Body(name: "Ủy ban Thường vụ Quốc hội", codes: ["UBTVQH"], example: "17/2022/UBTVQH15"),
    Body(name: "Văn phòng Quốc hội", codes: ["VPQH"], example: "95/VBHN-VPQH"),
    Body(name: "Chính phủ", codes: ["CP"], example: "128/2020/NĐ-CP"),
    Body(name: "Thủ tướng Chính phủ", codes: ["TTg"], example: "12/2024/QĐ-TTg"),
    Body(name: "Văn phòng Chính phủ", codes: ["VPCP"], example: "2739/VPCP-ĐMDN"),
    Body(name: "Bộ Nội vụ", codes: ["BNV"], example: "11/2024/TT-BNV"),
    Body(name: "Bộ Tài chính", codes: ["BTC"], example: "31/2022/TT-BTC"),
    Body(name: "Bộ Công Thương", codes: ["BCT"], example: "89/2016/TTLT-BTC-BCT"),
    Body(name: "Bộ Y tế", codes: ["BYT"], example: "3500/QĐ-BYT"),
    Body(name: "Bộ Kế hoạch và Đầu tư", codes: ["BKHĐT"], example: "3397/BKHĐT-QLKTTW"),
    Body(name: "Bộ Lao động - Thương binh và Xã hội", codes: ["BLĐTBXH"], example: "12/2021/TT-BLĐTBXH"),
    Body(name: "Bộ Tài nguyên và Môi trường", codes: ["BTNMT"], example: "09/2024/TT-BTNMT"),
    Body(name: "Bộ Nông nghiệp và Môi trường", codes: ["BNNMT"], example: "23/2025/TT-BNNMT"),
    Body(
      name: "Bộ Nông nghiệp và Phát triển nông thôn", codes: ["BNNPTNT"], example: "178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT"
    ),
    Body(name: "Bộ Tư pháp", codes: ["BTP"], example: "173/QĐ-BTP"),
    Body(name: "Bộ Giáo dục và Đào tạo", codes: ["BGDĐT"], example: "08/2021/TT-BGDĐT"),
    Body(name: "Bộ Khoa học và Công nghệ", codes: ["BKHCN"], example: "27/2026/TT-BKHCN"),
    Body(name: "Bộ Công an", codes: ["BCA"], example: "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
    Body(name: "Bộ Quốc phòng", codes: ["BQP"], example: "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
    Body(name: "Bộ Xây dựng", codes: ["BXD"], example: "18/2026/TT-BXD"),
    Body(name: "Bộ Giao thông vận tải", codes: ["BGTVT"], example: "12/2020/TT-BGTVT"),
    Body(name: "Bộ Thông tin và Truyền thông", codes: ["BTTTT"], example: "22/2020/TT-BTTTT"),
    Body(name: "Bộ Văn hóa, Thể thao và Du lịch", codes: ["BVHTTDL"], example: "05/2021/TT-BVHTTDL"),
    Body(name: "Bộ Ngoại giao", codes: ["BNG"], example: "01/2021/TT-BNG"),
    Body(name: "Bộ Dân tộc và Tôn giáo", codes: ["BDTTG"], example: "01/2025/TT-BDTTG"),
    Body(name: "Ngân hàng Nhà nước Việt Nam", codes: ["NHNN"], example: "39/2016/TT-NHNN"),
    Body(name: "Thanh tra Chính phủ", codes: ["TTCP"], example: "06/2021/TT-TTCP"),
    Body(name: "Tổng cục Hải quan", codes: ["TCHQ"], example: "778/TCHQ-GSQL"),
    Body(name: "Tòa án nhân dân tối cao", codes: ["TANDTC"], example: "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
    Body(
      name: "Viện kiểm sát nhân dân tối cao", codes: ["VKSNDTC"], example: "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"
    ),
    Body(name: "Hội đồng Thẩm phán Tòa án nhân dân tối cao", codes: ["HĐTP"], example: "01/2019/NQ-HĐTP"),
    Body(name: "Kiểm toán nhà nước", codes: ["KTNN"], example: "02/2020/QĐ-KTNN"),
  ]

  /// By the code's lookup key (`DocumentNumber.codeKey`: folded, lower case, trailing digits off).
  static let byCode: [String: Body] = {
    var m: [String: Body] = [:]
    for b in all {
      for c in b.codes { m[DocumentNumber.codeKey(Array(c.utf8))] = b }
    }
    return m
  }()

  /// By the name in lower case: restores a body's own capitalisation without changing a letter.
  static let byLowercasedName: [String: Body] = Dictionary(
    all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })

  /// Every body's name folded: a name that is none of them is no central body (a cheap test
  /// before lower-casing it).
  static let foldedNames = Set(all.map { ScalarText.fold($0.name) })

  /// By the folded name, for a body read from a signature's authority (`TM. CHÍNH PHỦ`).
  static let byFoldedName: [String: Body] = {
    var m: [String: Body] = [:]
    for b in all { m[DocumentTypes.compact(b.name)] = b }
    return m
  }()
}
