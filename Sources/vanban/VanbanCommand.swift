// The `vanban` command: full-text search over Vietnamese official documents.
//
// Exit status follows grep and ripgrep: 0 when there are hits, 1 when there are none, 2 on any
// error. Errors are one line on stderr; a broken pipe (`vanban search … | head`) exits 0.

import ArgumentParser
import Foundation
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
    version: "0.1.0",
    subcommands: [
      IndexCommand.self, SearchCommand.self, RefsCommand.self, CitesCommand.self, ShowCommand.self,
      StatsCommand.self, SkippedCommand.self, CompactCommand.self, QueryHelpCommand.self, CompletionCommand.self,
      GraphCommand.self, ServeCommand.self,
    ]
  )

  static func main() {
    Terminal.ignoreBrokenPipe()
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(0)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      if exitCode(for: error) == .success {  // --help, --version
        Terminal.out(fullMessage(for: error) + "\n")
        Foundation.exit(0)
      }
      let message: String
      // One line: ArgumentParser's message without its Help:/Usage: lines (the README promises one).
      if let e = error as? VanbanError {
        message = e.cliMessage
      } else if let unknown = CommandSuggestion.message(  // `help` is ArgumentParser's own subcommand
        arguments: Array(CommandLine.arguments.dropFirst()), commands: commandNames, aliases: commandAliases + ["help"])
      {
        message = unknown
      } else {
        message = Self.message(for: error)
      }
      // Messages can quote a query or a path: escaped so they cannot drive the terminal.
      Terminal.err("vanban: " + ControlEscapes.escape(message.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n")
      Foundation.exit(2)
    }
  }

  /// The subcommands' names, in the order of `vanban --help`.
  static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }
  /// Their other names (`query`).
  static var commandAliases: [String] { configuration.subcommands.flatMap { $0.configuration.aliases } }
}
