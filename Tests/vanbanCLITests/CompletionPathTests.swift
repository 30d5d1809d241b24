// The completion scripts complete paths: files and folders for `vanban index PATH…`, folders for
// `--index DIR` in every command that has it. Checked in the scripts' text for bash, zsh and fish,
// and by running bash's completion function in a folder of known names.

import Foundation
import Testing

@Suite struct CompletionPathTests {
  static func script(_ shell: String) throws -> String {
    let r = try CLI.run(["completion", shell])
    #expect(r.status == 0, "vanban completion \(shell): exit \(r.status) \(r.stderr)")
    return r.stdout
  }

  /// The commands whose `--help` lists `--index <DIR>`.
  static let commandsWithIndex = [
    "index", "search", "refs", "cites", "show", "stats", "skipped", "compact", "graph", "serve",
  ]

  /// The body of a bash function `name() { … }` in the script, empty when it is missing.
  static func bashFunction(_ name: String, in script: String) -> String {
    guard let start = script.range(of: "\n\(name)() {\n"),
      let end = script.range(of: "\n}\n", range: start.upperBound..<script.endIndex)
    else { return "" }
    return String(script[start.upperBound..<end.lowerBound])
  }

  @Test func bashCompletesFilesForIndexAndFoldersForIndexOption() throws {
    let script = try Self.script("bash")
    for command in Self.commandsWithIndex {
      let body = Self.bashFunction("_vanban_\(command)", in: script)
      #expect(
        body.contains("'--index')\n        __vanban_add_completions -d\n"),
        "bash: `vanban \(command) --index` does not complete folders:\n\(body)")
    }
    let index = Self.bashFunction("_vanban_index", in: script)
    #expect(
      index.contains("# Offer positional completions") && index.contains("*)\n        __vanban_add_completions -f\n"),
      "bash: `vanban index PATH` does not complete files:\n\(index)")
  }

  @Test func zshCompletesFilesForIndexAndFoldersForIndexOption() throws {
    let script = try Self.script("zsh")
    let indexSpecs = script.split(separator: "\n").filter { $0.contains("'*--index[") }
    #expect(indexSpecs.count == Self.commandsWithIndex.count, "\(indexSpecs)")
    for spec in indexSpecs {
      #expect(spec.hasSuffix(":DIR:_files -/'"), "zsh: --index does not complete folders: \(spec)")
    }
    #expect(script.contains("'*:paths:_files'"), "zsh: `vanban index PATH` does not complete files")
  }

  @Test func fishCompletesFilesForIndexAndFoldersForIndexOption() throws {
    let script = try Self.script("fish")
    let indexLines = script.split(separator: "\n").filter { $0.contains("-l 'index'") }
    #expect(indexLines.count == Self.commandsWithIndex.count, "\(indexLines)")
    for line in indexLines {
      #expect(line.hasSuffix("-rfa '(__vanban_complete_directories)'"), "fish: --index: \(line)")
    }
    #expect(
      script.contains("'__vanban_should_offer_completions_for_positional \"vanban index\" -ge 1' -F"),
      "fish: `vanban index PATH` does not complete files")
  }

  /// Runs bash's completion for the words typed (the last one being completed) in `folder`.
  static func bashCompletions(_ words: [String], in folder: URL, script: URL) throws -> Set<String> {
    let line = words.joined(separator: " ")
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let program = """
      source '\(script.path)'
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
      _vanban vanban '\(words[words.count - 1])' '\(words[words.count - 2])'
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let r = try ProcessRunner.run("bash", ["-c", program], cwd: folder)
    #expect(r.status == 0, "bash: \(r.stderr)")
    return Set(r.stdout.split(separator: "\n").map(String.init))
  }

  @Test func bashOffersTheNamesInTheFolder() throws {
    let folder = try TemporaryDirectory.make(prefix: "vanban-completion")
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("vanban.bash")
    try Data(try Self.script("bash").utf8).write(to: script)
    for name in ["corpus", "cong"] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    try Data("x".utf8).write(to: folder.appendingPathComponent("cong.txt"))

    #expect(
      try Self.bashCompletions(["vanban", "index", "co"], in: folder, script: script) == ["corpus", "cong", "cong.txt"])
    #expect(
      try Self.bashCompletions(["vanban", "index", "--index", "co"], in: folder, script: script) == ["corpus", "cong"])
    #expect(
      try Self.bashCompletions(["vanban", "search", "--index", "co"], in: folder, script: script) == ["corpus", "cong"])
  }
}
