// The format of a route that answers with one object (`documents`, `cites`, `stats`): pretty JSON
// as `--format json` prints it, or one line as `--format jsonl`.

/// Pretty (`json`, the default) or one line (`jsonl`).
func isPretty(_ query: QueryParameters) throws -> Bool {
  switch query.last("format") ?? "json" {
  case "json": return true
  case "jsonl": return false
  case let other: throw APIError(.badRequest, "format takes json or jsonl, not `\(other)`")
  }
}
