// DocumentIDMatchSpy.swift - the docids of all matches, not just the returned page.
import CXapian

/// Records the docid of every match the matcher considers, for counting
/// from a table held in memory instead of reading each match's values.
///
///     let spy = DocumentIDMatchSpy()
///     try enquire.add(spy)
///     _ = try enquire.matches(offset: 0, limit: 0, checkAtLeast: db.documentCount())
///     let ids = try spy.documentIDs()
///
/// It is vanban's own spy, not one of Xapian's: a remote database's server
/// does not know it, and a match over one fails.
public final class DocumentIDMatchSpy {
  let handle: OpaquePointer

  deinit { cx_matchspy_free(handle) }

  /// Traps only if memory runs out.
  public init() {
    var out: OpaquePointer? = nil
    mustSucceed("creating a match spy") { cx_matchspy_new_docids(&out, $0) }
    handle = out!
  }

  /// The docids seen so far, in the order the matcher saw them (ascending
  /// when the enquire sorts by docid). Over shards searched as one these are
  /// each shard's own docids, not the combined ones (Xapian 1.4 hands a spy
  /// the shard's document): run one enquire per shard to tell them apart.
  public func documentIDs() throws -> [UInt32] {
    var ids: UnsafePointer<UInt32>? = nil
    var count = 0
    try check("reading the match spy's docids") { cx_matchspy_get_docids(handle, &ids, &count, $0) }
    return Array(UnsafeBufferPointer(start: ids, count: count))
  }
}
