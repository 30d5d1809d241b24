// Abbreviations clerks write in place of a name, expanded at query time in both directions.
//
// `UBND cấp xã` found 7 documents where `Ủy ban nhân dân cấp xã` found 242: dispatches use both.
// A query that spells any form of an entry (the abbreviation or a full form, as a run of words)
// also searches for its other forms, each as a phrase (QueryCompiler), the way Elasticsearch's
// synonym_graph filter turns a multi-word synonym into phrases. Only codes with one meaning in
// administrative text are listed: `BTC` is Bộ Tài chính or Ban Tổ chức, so it is left out, and
// the symbols inside document numbers (`QĐ-UBND`) are never expanded, because a number is matched
// as its own phrase and citation term. Nor are the parts of a compound code (`KT`, `XH`, `TT`):
// alone they mean many things. The forms and the source of each are in the README.

/// The free-text abbreviations expanded at query time, with the full forms each stands for.
enum Abbreviations {
  /// One abbreviation and what it stands for. `forms` are written as in documents; each is
  /// matched folded, as a run of words.
  struct Entry {
    var forms: [String]
  }

  /// The README (Ranking, Abbreviations) gives the source of each.
  static let table: [Entry] = [
    Entry(forms: ["UBND", "Ủy ban nhân dân"]),
    Entry(forms: ["HĐND", "Hội đồng nhân dân"]),
    Entry(forms: ["BCĐ", "Ban Chỉ đạo"]),
    Entry(forms: ["PCCC", "phòng cháy, chữa cháy", "phòng cháy và chữa cháy"]),
    Entry(forms: ["BHXH", "bảo hiểm xã hội"]),
    Entry(forms: ["BHYT", "bảo hiểm y tế"]),
    Entry(forms: ["BHTN", "bảo hiểm thất nghiệp"]),
    Entry(forms: ["MTTQ", "Mặt trận Tổ quốc"]),
    Entry(forms: ["CSGT", "cảnh sát giao thông"]),
    Entry(forms: ["ATGT", "an toàn giao thông"]),
    Entry(forms: ["KT-XH", "KTXH", "kinh tế - xã hội"]),
    Entry(forms: ["THPT", "trung học phổ thông"]),
    Entry(forms: ["THCS", "trung học cơ sở"]),
    Entry(forms: ["CNTT", "công nghệ thông tin"]),
    Entry(forms: ["GD&ĐT", "GDĐT", "giáo dục và đào tạo", "giáo dục - đào tạo"]),
    Entry(forms: ["TN&MT", "TNMT", "tài nguyên và môi trường"]),
    Entry(forms: ["LĐTBXH", "LĐ-TB&XH", "LĐTB&XH", "Lao động - Thương binh và Xã hội"]),
    Entry(forms: ["NN&PTNT", "NNPTNT", "nông nghiệp và phát triển nông thôn"]),
    Entry(forms: ["VH-TT&DL", "VHTTDL", "Văn hóa, Thể thao và Du lịch"]),
    Entry(forms: ["TTHC", "thủ tục hành chính"]),
    Entry(forms: ["CCHC", "cải cách hành chính"]),
    Entry(forms: ["ATTP", "an toàn thực phẩm"]),
    Entry(forms: ["QPPL", "quy phạm pháp luật"]),
    Entry(forms: ["CBCCVC", "cán bộ, công chức, viên chức"]),
    Entry(forms: ["GPMB", "giải phóng mặt bằng"]),
    Entry(forms: ["XDCB", "xây dựng cơ bản"]),
    Entry(forms: ["NSNN", "ngân sách nhà nước"]),
    Entry(forms: ["HTX", "hợp tác xã"]),
    Entry(forms: ["DNNVV", "doanh nghiệp nhỏ và vừa"]),
  ]

  /// Folded word sequence → the folded forms of its entry.
  private static let index: [[String]: [[String]]] = {
    var out: [[String]: [[String]]] = [:]
    for entry in table {
      let forms = entry.forms.map(TitleHeads.words)
      for form in forms { out[form] = forms }
    }
    return out
  }()

  /// The most words any form has: no run longer than this can match.
  static let longestForm = index.keys.map(\.count).max() ?? 0

  /// All forms of the entry that `folded` (a run of folded words) spells, or nil.
  static func forms(of folded: [String]) -> [[String]]? { index[folded] }
}
