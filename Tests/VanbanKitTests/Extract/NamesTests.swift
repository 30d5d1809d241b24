import Testing

@testable import VanbanKit

@Suite("Extract: provinces, agencies, types")
struct NamesTests {
  @Test func sixtyThree() {
    #expect(Provinces.all.count == 63)
    #expect(Set(Provinces.all).count == 63)
  }

  @Test(arguments: [
    ("Son La", "Sơn La"), ("SƠN LA", "Sơn La"), ("sơn la", "Sơn La"), ("tỉnh Lai Châu", "Lai Châu"),
    ("Hoà Bình", "Hòa Bình"), ("hoa binh", "Hòa Bình"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("Hồ Chí Minh", "Hồ Chí Minh"),
    ("thành phố Hà Nội", "Hà Nội"), ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("ba ria vung tau", "Bà Rịa - Vũng Tàu"),
    ("Thừa Thiên Huế", "Thừa Thiên Huế"), ("Dak Lak", "Đắk Lắk"), ("VĨNH PHÚC", "Vĩnh Phúc"),
  ])
  func province(_ s: String, _ want: String) {
    #expect(Provinces.canonical(s) == want)
  }

  @Test(arguments: ["Việt Nam", "Sở Y tế", "", "La"])
  func notProvince(_ s: String) {
    #expect(Provinces.canonical(s) == nil)
  }

  @Test(arguments: [
    ("UBND tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"), ("ubnd lai chau", "Ủy ban nhân dân lai chau"),
    ("BCĐ PCD COVID-19 tỉnh", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh"),
    ("bcd pcd", "Ban Chỉ đạo phòng, chống dịch"),
    ("TT HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"), ("Ban Thường vụ TU", "Ban Thường vụ Tỉnh ủy"),
    ("16/CT-TTg của TTg", "16/CT-TTg của Thủ tướng Chính phủ"),
    ("VPCP, BYT và SYT", "Văn phòng Chính phủ, Bộ Y tế và Sở Y tế"),
    ("tu van", "tu van"), ("TT tin", "TT tin"), ("Các PCT UBND tỉnh", "Các Phó Chủ tịch Ủy ban nhân dân tỉnh"),
  ])
  func expand(_ s: String, _ want: String) {
    #expect(AgencyNames.expand(s) == want)
  }

  @Test(arguments: [
    ("chi thi", "Chỉ thị"), ("CHỈ THỊ", "Chỉ thị"), ("chỉ thị", "Chỉ thị"), ("cong van", "Công văn"),
    ("THÔNG BÁO", "Thông báo"), ("Quyết định", "Quyết định"), ("BỘ LUẬT", "Bộ luật"), ("nghi quyet", "Nghị quyết"),
  ])
  func documentType(_ s: String, _ want: String) {
    #expect(DocumentTypes.canonical(s) == want)
  }

  @Test func notAType() {
    #expect(DocumentTypes.canonical("Sở Y tế") == nil)
    #expect(DocumentTypes.all.contains("Công văn"))
  }
}
