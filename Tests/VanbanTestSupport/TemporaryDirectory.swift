// A fresh directory per test, removed when the object goes away.

import Foundation

public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL
  public var path: String { url.path }

  /// A new empty directory `<tmp>/<prefix>-<UUID>`.
  public init(prefix: String = "vanban-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// A path inside the directory (not created).
  public func sub(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// A URL inside the directory (not created).
  public func appending(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// A new empty directory, not removed automatically: the caller removes it.
  public static func make(prefix: String = "vanban-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

extension TemporaryDirectory {
  /// A new empty directory removed when the test process exits: for an index a whole suite shares
  /// through a `static let`, which is never deinitialised.
  public static func makeRemovedAtExit(prefix: String = "vanban-test") throws -> URL {
    let url = try make(prefix: prefix)
    RemovedAtExit.add(url)
    return url
  }
}

/// The directories `makeRemovedAtExit` made, removed by one `atexit` handler.
enum RemovedAtExit {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var urls: [URL] = []
  nonisolated(unsafe) private static var registered = false

  static func add(_ url: URL) {
    lock.withLock {
      urls.append(url)
      if !registered {
        registered = true
        atexit { RemovedAtExit.removeAll() }
      }
    }
  }

  static func removeAll() {
    for url in lock.withLock({ urls }) { try? FileManager.default.removeItem(at: url) }
  }
}
