// A long-lived reader (the server) sees only the commit it opened at, until it reopens.

extension Searcher {
  /// Moves every shard to its latest commit (Xapian's `Database::reopen`), so that a commit made
  /// by another process since is searched. Cheap when nothing changed: Xapian only compares
  /// revisions. A rebuild that swapped the manifest needs a new `Searcher` instead.
  public func reopen() throws {
    _ = try retrying { try db.reopen() }
  }
}
