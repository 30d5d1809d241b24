import ArgumentParser
import VanbanCLI

struct QueryHelpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query-help",
    abstract: "The query language (also: `vanban help query`).",
    discussion: QueryHelpCommand.text,
    aliases: ["query"])

  static let text = """
    Query language

      viet a                 all words (AND); typed without marks, finds Việt Á
      Việt Á                 exact accented matches rank above folded ones
      "các Phó Chủ tịch"     a phrase
      tiêm OR vắc            either word;  --any makes OR the default
      covid AND NOT omicron  AND, OR, NOT, and parentheses: (a OR b) c
      -omicron               without the word;  +word: required even with --any
      tiêm NEAR chủng        within a few words of each other
      tiem*                  words starting with tiem (expansion is bounded)
      16/CT-TTg              a document number: the phrase, or documents citing it

    Field prefixes (same as the options; values with spaces in quotes)
      agency:"Sở Y tế"    to:"UBND các huyện"      ref:16/CT-TTg
      type:"chỉ thị"      province:"thanh hoa"     ref:79/2010/ (a prefix)
      company:"Việt Á"    signer:"Tổng Thanh Hải"  year:2022  year:2020..2022
      format:docx         date:2022-01..2022-06
      issuer:"Quốc hội"   the issuer's whole name; agency: also finds it
                          inside longer names ("Văn phòng Quốc hội")

    A query that cannot be parsed (an unbalanced quote, a lone AND) is read as
    plain words, with a note. No stemming and no stopwords: `Công an` keeps `an`.
    """

  func run() throws { Terminal.out(Self.text) }
}
