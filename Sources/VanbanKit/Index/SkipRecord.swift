// A file that was not indexed, as the index remembers it: stored as JSON in the user metadata of
// the shard its path hashes to (key `IndexSchema.skipped` + path key), so it is committed with
// the batch that read the file, goes with a rebuild, and never counts as a document.

import Foundation

/// A file the index holds no document for, with why: what `vanban skipped` lists.
public struct SkipRecord: Codable, Sendable, Equatable {
  /// The file's absolute path.
  public var path: String
  public var reason: SkipReason
  /// The reader's own words (`damaged: not a Word document`), for whoever fixes the file.
  public var detail: String
  /// `DocumentAnalyzer.signature` of the file when it was tried: unchanged, it is not tried again.
  public var signature: String
  /// The limits it was read under (`IndexOptions.readingLimits`): raised, it is tried again.
  public var limits: String

  public init(path: String, reason: SkipReason, detail: String, signature: String, limits: String) {
    self.path = path
    self.reason = reason
    self.detail = detail
    self.signature = signature
    self.limits = limits
  }

  /// Whether a run that sees the file with `signature` under `limits` can leave it skipped.
  func stillApplies(signature: String, limits: String) -> Bool {
    self.signature == signature && self.limits == limits && !reason.retriedEachRun
  }

  func encoded() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  /// The record stored as `value`, nil when it cannot be read (then the file is simply tried again).
  static func decode(_ value: String) -> SkipRecord? {
    try? JSONDecoder().decode(SkipRecord.self, from: Data(value.utf8))
  }
}
