// `--help` of every command on an 80-column terminal: no line wider than the terminal, prose filled
// rather than broken by hand (a hard break that ArgumentParser wraps again leaves a ragged
// paragraph), and examples and the query-language table printed as written, not wrapped midway.
// Widths are counted in characters (grapheme clusters), not bytes: the help is partly Vietnamese.

import Foundation
import Testing

@Suite struct HelpWidthTests {
  static let columns = 80

  /// `vanban <command> --help` at 80 columns, checked to have succeeded.
  static func help(_ command: [String]) throws -> String {
    let r = try CLI.run(command + ["--help"], environment: ["COLUMNS": String(columns)])
    #expect(r.status == 0, "vanban \(command.joined(separator: " ")) --help: exit \(r.status) \(r.stderr)")
    return r.stdout
  }

  /// The subcommands `vanban --help` lists (the first name of each), so a new one is checked too.
  static func subcommands() throws -> [String] {
    let lines = try help([]).split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
    return lines[(start + 1)...].compactMap { line -> String? in
      // An entry is "  name[, alias]   abstract"; its wrapped abstract lines are indented further.
      guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
        !name.hasPrefix("'") && name != "See"
      else { return nil }
      return String(name.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
    }
  }

  /// The root command, then each subcommand.
  static func commands() throws -> [[String]] {
    let names = try subcommands()
    #expect(names.contains("search") && names.contains("index") && names.count >= 10, "\(names)")
    return [[]] + names.map { [$0] }
  }

  @Test func everyHelpLineFitsIn80Columns() throws {
    for command in try Self.commands() {
      for line in try Self.help(command).split(separator: "\n") {
        #expect(line.count <= Self.columns, "vanban \(command) --help: \(line.count) columns: \(line)")
      }
    }
  }

  /// Two consecutive unindented lines where the next line's first word would have fitted on the
  /// first: a line break written into a paragraph, which ArgumentParser then wraps again.
  /// (ArgumentParser fills a line to at most 79 of 80 columns: it breaks at the last space of the
  /// next 80 characters.)
  @Test func paragraphsAreFilledNotBrokenByHand() throws {
    for command in try Self.commands() {
      let lines = try Self.help(command).split(separator: "\n", omittingEmptySubsequences: false)
      for (line, next) in zip(lines, lines.dropFirst()) {
        guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" "),
          let word = next.split(separator: " ").first
        else { continue }
        #expect(
          line.count + 1 + word.count > Self.columns - 1,
          "vanban \(command) --help: a ragged line break after \"\(line)\" (next: \"\(next)\")")
      }
    }
  }

  /// Every line under "Examples:" is one whole `vanban …` command, not a wrapped piece of one.
  @Test func examplesAreNotWrapped() throws {
    var examples = 0
    for command in try Self.commands() {
      let lines = try Self.help(command).split(separator: "\n", omittingEmptySubsequences: false)
      for start in lines.indices where lines[start] == "Examples:" || lines[start] == "Example:" {
        for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) {
          #expect(line.hasPrefix("  vanban "), "vanban \(command) --help: a wrapped example: \(line)")
          examples += 1
        }
      }
    }
    #expect(examples >= 10, "only \(examples) example lines found: the help lost its Examples: sections?")
  }

  /// The query-language table (printed as is by `vanban query-help`, and as its help) keeps its
  /// lines: each fits, and the help shows each one unbroken.
  @Test func queryLanguageTableIsPrintedAsWritten() throws {
    let r = try CLI.run(["query-help"])
    #expect(r.status == 0)
    let table = r.stdout.split(separator: "\n").filter { !$0.isEmpty }
    #expect(table.count > 10, "\(r.stdout)")
    let help = Set(try Self.help(["query-help"]).split(separator: "\n"))
    for line in table {
      #expect(line.count <= Self.columns, "vanban query-help: \(line.count) columns: \(line)")
      #expect(help.contains(line), "vanban query-help --help wraps the line: \(line)")
    }
  }
}
