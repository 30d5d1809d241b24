// `vanban serve` runs the `vanban-serve` program beside `vanban`. The server (Hummingbird, NIO,
// BoringSSL) is linked there, not here: linked into `vanban`, its protocol conformances made the
// Swift runtime's lookups at start slower, and every `vanban search` 4 ms slower (BENCHMARKS.md).

import ArgumentParser
import Foundation
import VanbanCLI
import VanbanKit

#if canImport(Glibc)
  import Glibc
#endif

/// `vanban serve`, as `vanban --help` and the completion scripts show it. `vanban serve …` never
/// reaches its parser: `VanbanCommand.main` hands every argument after `serve` to `vanban-serve`
/// first, which parses the same `ServeOptions`.
struct ServeCommand: ParsableCommand {
  static let configuration = ServeOptions.configuration

  @OptionGroup var options: ServeOptions

  func run() throws {
    ServeProgram.run(Array(CommandLine.arguments.drop { $0 != Self.configuration.commandName }.dropFirst()))
  }
}

/// The `vanban-serve` program in `vanban`'s own folder.
enum ServeProgram {
  static let name = "vanban-serve"

  /// Replaces this process with `vanban-serve ARGUMENTS`. It is looked for beside the running
  /// `vanban` (its real path), never on PATH: a folder on PATH must not choose what runs.
  static func run(_ arguments: [String]) -> Never {
    // argv[0] only when it is a path: a bare `vanban` (found on PATH) would otherwise mean the
    // current folder, where anyone may have put a `vanban-serve`.
    let argv0 = CommandLine.arguments.first ?? ""
    guard
      let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? (argv0.contains("/") ? argv0 : nil)
    else { fail("`vanban serve` cannot find vanban's own folder (/proc/self/exe is not readable)") }
    let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    guard access(path, X_OK) == 0 else {
      fail("`vanban serve` needs \(name) beside vanban, at \(path) (`make build` builds both)")
    }
    var cArguments: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
    cArguments.append(nil)
    execv(path, cArguments)
    fail("cannot run \(path): \(String(cString: strerror(errno)))")
  }

  private static func fail(_ message: String) -> Never {
    Terminal.err("vanban: " + ControlEscapes.escape(message) + "\n")
    exit(2)
  }
}
