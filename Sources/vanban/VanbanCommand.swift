// The `vanban` command: full-text search over Vietnamese official documents. Exit status and
// error lines: CommandMain.swift.

import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

@main
struct VanbanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vanban",
    abstract: "Full-text search over Vietnamese official documents (công văn, thông báo, chỉ thị…).",
    discussion: """
      Examples:
        vanban index corpus
        vanban search "Việt Á"
        vanban search viet a --format json
        vanban refs 16/CT-TTg
        vanban search --agency "UBND tỉnh Lai Châu" --since 2022-01

      Run `vanban help query` for the query language.
      """,
    version: ProgramVersion.current,
    subcommands: [
      IndexCommand.self, SearchCommand.self, RefsCommand.self, CitesCommand.self, ShowCommand.self,
      StatsCommand.self, SkippedCommand.self, CompactCommand.self, QueryHelpCommand.self, CompletionCommand.self,
      GraphCommand.self, ServeCommand.self,
    ]
  )

  static func main() {
    // `serve` is a program of its own (ServeProgram.swift): run it before anything is parsed.
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == ServeCommand.configuration.commandName {
      ServeProgram.run(Array(arguments.dropFirst()))
    }
    CommandMain.run(Self.self) { _ in
      // `help` is ArgumentParser's own subcommand.
      CommandSuggestion.message(arguments: arguments, commands: commandNames, aliases: commandAliases + ["help"])
    }
  }

  /// The subcommands' names, in the order of `vanban --help`.
  static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }
  /// Their other names (`query`).
  static var commandAliases: [String] { configuration.subcommands.flatMap { $0.configuration.aliases } }
}
