// Vietnamese names, in lower case with their marks, for reading a name printed in capitals
// (`TRẦN VĂN TÂN`), which looks like any other run of capitals: a title, an annex's heading, a
// place. A surname, then a common middle name, tells a name apart; a surname alone does not
// (`HỒ SƠ ĐỀ NGHỊ`, `LÂM ĐỒNG`, `HÀ NỘI`). Marks count: `TỔNG HỢP` does not open with `Tống`.

enum Surnames {
  /// Kinh surnames (a few dozen cover nearly every official), and those of the peoples of the
  /// north and of the Central Highlands whose officials sign provincial documents. (`Danh`,
  /// `Điêu`, `Cấn`, `Văn`, `Tiêu`, `Nông`: headings and bodies open with the same words.)
  static let all: Set<String> = [
    // Kinh
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "đào", "đoàn", "trịnh", "trương", "lâm", "lương", "lưu", "mai", "cao", "hà", "tạ",
    "tống", "chu", "châu", "quách", "thái", "kiều", "khúc", "la", "lại", "liêu", "lục", "mạc", "nghiêm", "ông",
    "phí", "phùng", "thạch", "tô", "triệu", "từ", "uông", "vương", "vi", "âu", "bạch", "bành", "chung", "diệp",
    "đàm", "giáp", "hàn", "hứa", "khổng", "kha", "lăng", "lữ", "mẫn", "nhâm", "ninh", "thân", "thiều", "cù",
    "khuất", "ngũ", "sầm", "tào", "trác", "doãn", "lã", "chử", "bế", "tòng", "chẩu", "lường", "quàng", "bàn",
    "đàng",
    // Thái, Tày, Nùng, Mông, Dao, and the Central Highlands
    "lò", "cầm", "sùng", "giàng", "vàng", "thào", "lầu", "mùa", "chảo", "hầu", "vừ", "ksor", "rmah", "siu",
    "niê", "kpă", "rơ", "mlô", "ayun", "byă", "rcom", "nay",
  ]

  /// The word after the surname in most officials' names: a middle name (`Văn`, `Thị`, `Hữu`),
  /// or a given name that often stands second (`Nguyễn Hoàng Anh Tuấn`), or the Mông `A`.
  static let middle: Set<String> = [
    "văn", "thị", "hữu", "đức", "minh", "quốc", "thanh", "ngọc", "xuân", "hồng", "công", "đình", "quang", "anh",
    "hoàng", "kim", "trọng", "thành", "tiến", "việt", "duy", "mạnh", "tuấn", "huy", "hải", "bá", "khắc", "như",
    "phương", "thu", "thúy", "thuý", "tấn", "trung", "viết", "sỹ", "sĩ", "đăng", "chí", "gia", "hoài", "huỳnh",
    "nguyên", "phúc", "quý", "tất", "vĩnh", "nhật", "bích", "cẩm", "diệu", "hoa", "hương", "khánh", "lan",
    "mai", "mỹ", "ngân", "phi", "quế", "song", "thái", "thế", "thiện", "tuyết", "vân", "vũ", "đắc", "hùng",
    "long", "nam", "sơn", "tài", "tân", "thắng", "thuận", "trí", "trường", "tường", "ánh", "an", "bảo", "chiến",
    "danh", "đại", "đông", "hạnh", "hiếu", "hiền", "hòa", "hoà", "kiều", "lệ", "linh", "lương", "mộng", "nhân",
    "phú", "phước", "phụng", "quỳnh", "tâm", "thiên", "thùy", "thuỳ", "tú", "tùng", "tuệ", "yến", "sinh",
    "doãn", "kiên", "khải", "huệ", "cảnh", "chánh", "chính", "đạt", "hiển", "hiệp", "hưng", "khang", "khoa",
    "lộc", "luân", "mậu", "nghĩa", "nhất", "phong", "quyết", "sang", "thông", "thục", "tín", "toàn", "trinh",
    "tư", "uy", "vinh", "a",
  ]

  /// Words of a body's name that no person's name holds (`ĐOÀN ĐẠI BIỂU QUỐC HỘI`).
  static let notInNames: Set<String> = [
    "hội", "tỉnh", "huyện", "xã", "phường", "sở", "phòng", "ban", "ủy", "uỷ", "biểu", "niên", "đảng", "bộ",
    "cục", "viện", "đội", "thôn", "nghiệp",
  ]
}
