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
}
