import Foundation
@_exported import VanbanTestSupport

@testable import VanbanKit

/// Where the Extract tests find their files, and small helpers. Paths come from VanbanTestSupport
/// (re-exported here for the whole test target).
enum ExtractFixtures {
  /// `shared/` (TestPaths.shared: `$VANBAN_SHARED`, else the repository's sibling), nil when missing.
  static var shared: URL? { TestPaths.shared }

  /// `Tests/VanbanKitTests/Fixtures/`: expected.json for the seeds.
  static var fixtures: URL { TestPaths.fixtures("VanbanKitTests") }

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
    (try? ProcessRunner.run(executable, args))?.status
  }

  static func pythonAvailable() -> Bool { ProcessRunner.hasPython3 }
}
