// The query string read strictly: a `+` is a space (as forms send it), and a value with broken
// percent-encoding or invalid UTF-8 is refused with a 400 rather than searched as typed.

import Foundation
import Hummingbird

/// The parameters of a request's query string, in order, repeated names kept.
struct QueryParameters {
  var pairs: [(name: String, value: String)]

  /// The longest query string read (a query of a few thousand words fits).
  static let maxLength = 64 * 1024

  init(_ query: String?) throws {
    pairs = []
    guard let query, !query.isEmpty else { return }
    guard query.utf8.count <= Self.maxLength else {
      throw APIError(.badRequest, "the query string is longer than \(Self.maxLength) bytes")
    }
    for part in query.split(separator: "&", omittingEmptySubsequences: true) {
      let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = try Self.decode(kv[0])
      let value = kv.count > 1 ? try Self.decode(kv[1]) : ""
      pairs.append((name, value))
    }
  }

  static func decode(_ s: Substring) throws -> String {
    guard let d = s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
      throw APIError(.badRequest, "bad percent-encoding in the query string")
    }
    return d
  }

  /// The last value of `name`, if given.
  func last(_ name: String) -> String? { pairs.last { $0.name == name }?.value }

  /// The pairs without the names in `names` (the output parameters a route reads itself).
  func removing(_ names: Set<String>) -> [(name: String, value: String)] {
    pairs.filter { !names.contains($0.name) }
  }

  /// The most hits one request may ask for (`limit`): a larger page is a download the server
  /// would hold in memory; page through with `offset` instead.
  static let maxLimit = 1_000
  /// The most bytes of words (`q`) one request may carry: 64 words are read at most.
  static let maxQueryBytes = 4_096

  /// The furthest hit a request may reach, `offset` + `limit`, as Elasticsearch's
  /// `index.max_result_window`: Xapian ranks every hit before the page, so `offset=90000` cost
  /// 0.3 s on gen-100k, and more on a larger index. Past it, filters narrow the search.
  static let maxWindow = 10_000

  /// Refuses a `limit` over `maxLimit`, a page ending past `maxWindow` and a `q` over
  /// `maxQueryBytes`, with a 400 that says so.
  func checkBounds(defaultLimit: Int = 10) throws {
    // The last value given, blank ones skipped as the page skips a form's empty fields: a blank
    // `offset=` after a large one must not hide it.
    func number(_ name: String) -> Int? {
      pairs.last { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        .flatMap { Int($0.value.trimmingCharacters(in: .whitespaces)) }
    }
    if let n = number("limit"), n > Self.maxLimit {
      throw APIError(.badRequest, "limit must be at most \(Self.maxLimit); page with offset")
    }
    // `limit` is at most `maxLimit` here, and a negative one is refused later: no sum can overflow.
    let limit = max(0, number("limit") ?? defaultLimit)
    if let offset = number("offset"), offset > 0, offset > Self.maxWindow - limit {
      throw APIError(
        .badRequest,
        "offset must be at most \(Self.maxWindow - limit) here: hits past the 10,000th (offset + limit, \(limit) hits a page) are not served; narrow the search with filters"
      )
    }
    let q = pairs.filter { $0.name == "q" }.reduce(0) { $0 + $1.value.utf8.count }
    guard q <= Self.maxQueryBytes else {
      throw APIError(.badRequest, "the query (q) is longer than \(Self.maxQueryBytes) bytes")
    }
  }

  /// Refuses any name outside `allowed`: a misspelt filter must not silently widen a search.
  func check(allowed: Set<String>) throws {
    if let bad = pairs.first(where: { !allowed.contains($0.name) }) {
      throw APIError(.badRequest, "unknown parameter `\(bad.name)`")
    }
  }
}

/// A path component percent-decoded (`16%2FCT-TTg` → `16/CT-TTg`); 400 when it can't be.
func decodedPathPart(_ s: some StringProtocol) throws -> String {
  guard let d = String(s).removingPercentEncoding else {
    throw APIError(.badRequest, "bad percent-encoding in the path")
  }
  return d
}
