import ArgumentParser
import VanbanKit

/// Metadata filters, shared by `search` and `refs`. Repeating an option ORs its values.
struct FilterOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Issuing agency, all words, any spelling (\"lai chau\", \"UBND tỉnh Lai Châu\").", valueName: "TEXT"))
  var agency: [String] = []
  @Option(
    help: ArgumentHelp(
      "The issuer's whole name, as --facets lists it (\"Quốc hội\"); --agency also finds it inside longer names.",
      valueName: "NAME"))
  var issuer: [String] = []
  @Option(name: .customLong("to"), help: ArgumentHelp("A recipient (Kính gửi).", valueName: "TEXT"))
  var recipient: [String] = []
  @Option(
    help: ArgumentHelp("A cited document number (16/CT-TTg); a trailing / is a prefix (79/2010/).", valueName: "NUMBER")
  )
  var ref: [String] = []
  @Option(help: ArgumentHelp("Document type (\"chỉ thị\", \"cong van\").", valueName: "TYPE"))
  var type: [String] = []
  @Option(help: ArgumentHelp("The issuer's province (\"thanh hoa\").", valueName: "NAME"))
  var province: [String] = []
  @Option(help: ArgumentHelp("The signer's name.", valueName: "NAME"))
  var signer: [String] = []
  @Option(help: ArgumentHelp("A company named in the text (\"Việt Á\").", valueName: "NAME"))
  var company: [String] = []
  @Option(
    help: ArgumentHelp("Documents dated on or after DATE (2022, 2022-03, 2022-03-01 or 01/3/2022).", valueName: "DATE"))
  var since: String?
  @Option(help: ArgumentHelp("Documents dated on or before DATE.", valueName: "DATE"))
  var until: String?
  @Option(help: ArgumentHelp("Documents of this year, or of these years (2020..2022).", valueName: "YYYY"))
  var year: [String] = []

  /// The filters, read as the server reads its query parameters (`Filters.add(option:)`).
  func filters() throws -> Filters {
    var f = Filters()
    let values: [(String, [String])] = [
      ("agency", agency), ("issuer", issuer), ("to", recipient), ("ref", ref), ("type", type), ("province", province),
      ("signer", signer), ("company", company), ("year", year), ("since", since.map { [$0] } ?? []),
      ("until", until.map { [$0] } ?? []),
    ]
    for (name, list) in values {
      for v in list { try f.add(option: name, value: v, spelled: "--" + name) }
    }
    return f
  }
}
