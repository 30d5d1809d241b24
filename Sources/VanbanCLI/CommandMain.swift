// The entry point `vanban` and `vanban-serve` share. Exit status follows grep and ripgrep: 0 when
// there are hits, 1 when there are none, 2 on any error. Errors are one line on stderr; a broken
// pipe (`vanban search … | head`) exits 0.

import ArgumentParser
import Foundation
import VanbanKit

/// Parses the arguments for `Command`, runs it and exits.
public enum CommandMain {
  /// - Parameters:
  ///   - prefix: how the error lines start (`vanban: `).
  ///   - unknownCommand: a better line for an error, where the caller has one (a mistyped
  ///     subcommand's "did you mean"); nil keeps ArgumentParser's.
  public static func run<Command: ParsableCommand>(
    _ command: Command.Type, prefix: String = "vanban: ", unknownCommand: (Error) -> String? = { _ in nil }
  ) -> Never {
    Terminal.ignoreBrokenPipe()
    do {
      var parsed = try Command.parseAsRoot()
      try parsed.run()
      Foundation.exit(0)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      if Command.exitCode(for: error) == .success {  // --help, --version
        if let group = flagGroupTakenForHelp(Array(CommandLine.arguments.dropFirst())) {
          let message =
            "`\(group)` is not an option; a query word that starts with `-` goes inside the quoted query "
            + "(\"… \(group)\") or after `--`"
          Terminal.err(prefix + ControlEscapes.escape(message) + "\n")
          Foundation.exit(2)
        }
        Terminal.out(Command.fullMessage(for: error) + "\n")
        Foundation.exit(0)
      }
      let message: String
      // One line: ArgumentParser's message without its Help:/Usage: lines (the README promises one).
      if let e = error as? VanbanError {
        message = e.cliMessage
      } else if let better = unknownCommand(error) {
        message = better
      } else {
        message = Command.message(for: error)
      }
      // Messages can quote a query or a path: escaped so they cannot drive the terminal.
      Terminal.err(prefix + ControlEscapes.escape(message.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n")
      Foundation.exit(2)
    }
  }

  /// A word left out of a search and typed without quotes (`vanban search hải quan -thuế`) is read
  /// by ArgumentParser as a group of short flags, and its `h` as `-h`: the help and exit 0, where a
  /// script expects a search or an error. The first such group (an `h` among other letters than
  /// vanban's short flags, `-q` and `-h`), when neither help nor the version was asked for by name.
  static func flagGroupTakenForHelp(_ arguments: [String]) -> String? {
    if arguments.first == "help" { return nil }
    let named: Set<String> = [
      "-h", "-help", "--help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]
    var group: String?
    for a in arguments {
      if a == "--" { break }
      if named.contains(a) || a.hasPrefix("--generate-completion-script=") { return nil }
      if group == nil, a.hasPrefix("-"), !a.hasPrefix("--"), a.count > 2, a.contains("h"),
        a.dropFirst().contains(where: { $0 != "q" && $0 != "h" })
      {
        group = a
      }
    }
    return group
  }
}
