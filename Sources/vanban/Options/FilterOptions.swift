import ArgumentParser
import VanbanKit

/// Metadata filters, shared by `search` and `refs`. Repeating an option ORs its values.
struct FilterOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Issuing agency, all words, any spelling (\"lai chau\", \"UBND tỉnh Lai Châu\").", valueName: "TEXT"))
  var agency: [String] = []
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
  @Option(help: ArgumentHelp("Documents of this year.", valueName: "YYYY"))
  var year: [String] = []

  func filters() throws -> Filters {
    var f = Filters()
    f.agency = agency
    f.recipient = recipient
    f.reference = ref
    f.type = type
    f.province = province
    f.signer = signer
    f.company = company
    f.year = year
    if let s = since {
      guard let d = PartialDate(parsing: s) else {
        throw ValidationError("--since: `\(s)` is not a date (try 2022-03-01, 2022-03, 2022 or 01/3/2022)")
      }
      f.since = d
    }
    if let u = until {
      guard let d = PartialDate(parsing: u) else {
        throw ValidationError("--until: `\(u)` is not a date (try 2022-03-01, 2022-03, 2022 or 01/3/2022)")
      }
      f.until = d
    }
    return f
  }
}
