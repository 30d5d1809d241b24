import Foundation

@testable import VanbanKit

/// Where the Extract tests find `shared/` (the repository's sibling), and small helpers.
enum ExtractFixtures {
  /// `shared/` next to the repository, found from this file's path, or `$VANBAN_SHARED`.
  static let shared: URL? = {
    if let env = ProcessInfo.processInfo.environment["VANBAN_SHARED"] { return URL(fileURLWithPath: env) }
    var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while dir.path != "/" {
      let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared")
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
        FileManager.default.fileExists(atPath: candidate.appendingPathComponent("seeds").path)
      {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  /// Reads a file as UTF-8 and normalises it the way the indexer does before extraction.
  static func normalizedText(_ url: URL) throws -> String {
    let data = try Data(contentsOf: url)
    return TextNormalizer.normalize(String(decoding: data, as: UTF8.self))
  }

  /// Both sides through the normaliser: the extractor's output may use either tone placement.
  static func same(_ a: String?, _ b: String?) -> Bool {
    a.map(TextNormalizer.normalize) == b.map(TextNormalizer.normalize)
  }

  /// Runs a process, returns its exit status (nil when it cannot start).
  static func run(_ executable: String, _ args: [String]) -> Int32? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [executable] + args
    p.standardOutput = FileHandle.nullDevice
    do { try p.run() } catch { return nil }
    p.waitUntilExit()
    return p.terminationStatus
  }

  static func pythonAvailable() -> Bool { run("python3", ["--version"]) == 0 }
}
