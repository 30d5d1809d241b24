// The files the index holds no document for: `vanban skipped` and the counts in `stats`. They are
// user metadata (IndexSchema.skipped), read shard by shard, never documents.

import Xapian

extension Searcher {
  /// Every file that was not indexed, with its reason, sorted by path.
  public func skipped() throws -> [SkipRecord] {
    try retrying {
      var records: [SkipRecord] = []
      for shard in shards {
        for key in try shard.metadataKeys(prefix: IndexSchema.skipped) {
          if let record = SkipRecord.decode(try shard.metadata(key)) { records.append(record) }
        }
      }
      return records.sorted { $0.path < $1.path }
    }
  }
}
