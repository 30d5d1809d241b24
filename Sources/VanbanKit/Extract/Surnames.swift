// Vietnamese surnames, in lower case with their marks. A name printed in capitals (`TRẦN VĂN TÂN`)
// looks like any other run of capitals (a title, an annex's heading); standing first, a surname
// tells it apart. Kinh surnames (a few dozen cover nearly every official), and those of the
// peoples of the north and of the Central Highlands whose officials sign provincial documents.
// Marks count: `TỔNG HỢP` and `BỘ TÀI CHÍNH` do not open with the surnames Tống and Bồ. (`Danh`,
// `Điêu` and `Cấn` are left out: `DANH SÁCH`, `ĐIỀU 1` and `CĂN CỨ` fold to them.)

enum Surnames {
  static let all: Set<String> = [
    // Kinh
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "đào", "đoàn", "trịnh", "trương", "lâm", "lương", "lưu", "mai", "cao", "hà", "tạ",
    "tống", "chu", "châu", "quách", "thái", "kiều", "khúc", "la", "lại", "kim", "liêu", "lục", "mạc", "nghiêm",
    "nông", "ông", "phí", "phùng", "quan", "tăng", "thạch", "tiêu", "tô", "triệu", "từ", "uông", "vương", "vi",
    "âu", "bạch", "bành", "chung", "diệp", "đàm", "giáp", "hàn", "hứa", "khổng", "kha", "lăng", "liên", "lữ",
    "mẫn", "nhâm", "ninh", "tôn", "thân", "thiều", "tiếp", "viên", "yên", "cù", "khuất", "ma", "ngũ", "nhan",
    "sầm", "sơn", "tào", "trác", "ứng", "văn",
    // Thái, Mông, Dao, and the Central Highlands (`Y`: an Ê Đê man's name opens with it)
    "lò", "cầm", "sùng", "giàng", "vàng", "thào", "lầu", "mùa", "chảo", "hầu", "ksor", "rmah", "siu", "niê",
    "kpă", "rơ", "y", "mlô", "ayun", "byă", "rcom", "nay",
  ]
}
