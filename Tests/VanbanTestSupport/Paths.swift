// Where the tests find things: the repository, its corpus/ (the five seeds), committed fixtures,
// and the optional shared/ folder of large corpora. Every test goes through these, so one
// environment variable (VANBAN_SHARED) moves or removes shared/ for the whole suite.

import Foundation

public enum TestPaths {
  /// The package root (the folder holding Package.swift), found from this file's path.
  public static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `corpus/`: the five seed dispatches, committed with the code.
  public static let corpus: URL = repoRoot.appendingPathComponent("corpus")

  /// A seed by file name, e.g. `seed("003_32c798e237f9dc40.txt")`.
  public static func seed(_ name: String) -> URL { corpus.appendingPathComponent(name) }

  /// `Tests/<target>/Fixtures/`: files committed for a test target's own use.
  public static func fixtures(_ target: String) -> URL {
    repoRoot.appendingPathComponent("Tests").appendingPathComponent(target).appendingPathComponent("Fixtures")
  }

  /// `Tests/VanbanTestSupport/Fixtures/gen_corpus.py`, a copy of shared/tools/gen_corpus.py
  /// (deterministic: same seed and count, same bytes; plain Python 3).
  public static let genCorpus: URL = fixtures("VanbanTestSupport").appendingPathComponent("gen_corpus.py")

  /// Where shared/ is looked for: `$VANBAN_SHARED` when set (point it at a missing folder to run
  /// the suite without it), else the repository's sibling `shared/`. It may not exist.
  public static let sharedLocation: URL = {
    if let env = ProcessInfo.processInfo.environment["VANBAN_SHARED"], !env.isEmpty {
      return URL(fileURLWithPath: env)
    }
    return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// `shared/` (see `sharedLocation`), nil when that folder does not exist.
  public static let shared: URL? = {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: sharedLocation.path, isDirectory: &isDirectory)
      && isDirectory.boolValue ? sharedLocation : nil
  }()

  /// A file under shared/ (e.g. "corpora/vn-legal.tar.xz"), nil when shared/ or the file is missing.
  /// Use it in `.enabled(if: TestPaths.sharedFile(...) != nil, "reason")`.
  public static func sharedFile(_ relative: String) -> URL? {
    guard let url = shared?.appendingPathComponent(relative),
      FileManager.default.fileExists(atPath: url.path)
    else { return nil }
    return url
  }

  /// The shared vn-legal tarball (835 real texts), when present.
  public static var vnLegalTarball: URL? { sharedFile("corpora/vn-legal.tar.xz") }
}

/// The `vanban` binary under test, from one place: `$VANBAN_BIN` (set by `make test`), else the
/// `vanban` product of the same build as the running test bundle (`swift test` builds it too),
/// else `.build/debug/vanban` under the package root.
public enum VanbanBinary {
  public static let path: String = {
    if let b = ProcessInfo.processInfo.environment["VANBAN_BIN"], !b.isEmpty {
      return URL(fileURLWithPath: b).standardizedFileURL.path  // relative to the working directory
    }
    // The test bundle runs from .build/<triple>/<configuration>/, beside the products it built.
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let sibling = me.deletingLastPathComponent().appendingPathComponent("vanban").path
    if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    return TestPaths.repoRoot.appendingPathComponent(".build/debug/vanban").path
  }()

  public static var url: URL { URL(fileURLWithPath: path) }
}
