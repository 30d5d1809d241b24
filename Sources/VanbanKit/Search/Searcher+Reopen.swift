// A long-lived reader (the server) sees only the commit it opened at, until it reopens.

extension Searcher {
  /// Moves every shard to its latest commit (Xapian's `Database::reopen`), so that a commit made
  /// by another process since is searched. Cheap when nothing changed: Xapian only compares
  /// revisions. A rebuild that swapped the manifest needs a new `Searcher` instead.
  public func reopen() throws {
    _ = try retrying { try db.reopen() }
  }
}

extension Searcher {
  /// What tells the state this searcher reads from any other: each shard's UUID (a rebuild's
  /// shards are new databases) and committed revision. Nil when a shard cannot say (a remote one).
  /// The server keys what it works out once per commit by it (`/api/stats`). (A file-level copy
  /// of an older state put back in place keeps its UUID: a reader could then take a later
  /// revision of it for the one it knew.)
  public func stateKey() -> String? {
    var parts: [String] = []
    for shard in shards {
      guard let uuid = try? shard.uuid(), !uuid.isEmpty, let revision = try? shard.revision() else { return nil }
      parts.append("\(uuid)@\(revision)")
    }
    return parts.joined(separator: " ")
  }
}
