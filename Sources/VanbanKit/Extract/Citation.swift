// A document number cited in the body, with what the text says beside it.
//
// The date matters: `16/CT-TTg` of 31/3/2020 and `16/CT-TTg` of 20/9/2022 are two different
// directives, and only the date given beside the citation tells them apart.

/// A document number cited in a text (`16/CT-TTg`), with the date given beside it, its type, and where it was seen.
public struct Citation: Codable, Hashable, Sendable {
  /// Canonical display form: `16/CT-TTg`, `585-TB/TU`, `15/2020/NĐ-CP`.
  public var number: String
  /// `DocumentNumber.key(number)`: `16/ct-ttg`.
  public var key: String
  /// The type the text gives it (`Chỉ thị`, `Công văn`, `Văn bản`…), when it gives one.
  public var type: String?
  /// The date written beside it, when there is one.
  public var date: PartialDate?
  /// The citing sentence, on one line, at most about 300 characters.
  public var sentence: String
  /// 1-based line where the number starts.
  public var line: Int

  public init(number: String, key: String, type: String? = nil, date: PartialDate? = nil, sentence: String, line: Int) {
    self.number = number
    self.key = key
    self.type = type
    self.date = date
    self.sentence = sentence
    self.line = line
  }
}
