// What the extractor finds in one document. `nil` or empty means the document does not say.

/// The fields extracted from one document; nil where the text does not say (never a guess).
public struct DocumentMetadata: Codable, Sendable, Equatable {
  /// Canonical type: `Công văn`, `Thông báo`, `Chỉ thị`…
  public var type: String?
  /// The document's own number and symbol, canonical; a draft's may lack digits (`/UBND-KGVX`).
  public var number: String?
  /// The issuing body, full name with its place (`UBND tỉnh Lai Châu`, `Sở Y tế tỉnh Điện Biên`).
  public var issuer: String?
  /// The body above the issuer when the header has two levels (`UBND tỉnh Vĩnh Phúc`).
  public var parent: String?
  /// The issuer's province, canonical (`Sơn La`).
  public var province: String?
  public var date: PartialDate?
  /// The summary: `V/v …`, `Về việc …`, or the line(s) after the type line.
  public var subject: String?
  public var recipients: [String]
  public var signer: String?
  public var signerTitle: String?
  /// Cited numbers, unique by (key, date), in order of first appearance; never the own number.
  public var references: [Citation]
  public var companies: [String]

  public init() {
    recipients = []
    references = []
    companies = []
  }
}
