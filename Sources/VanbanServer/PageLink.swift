// Links the pages build: query strings and path parts percent-encoded by Foundation, with only
// RFC 3986's unreserved characters left as they are. A `+` is encoded too, since a query string
// read here takes `+` for a space, as forms send it.

import Foundation

enum PageLink {
  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// `s` percent-encoded for a path segment or a query value.
  static func encode(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
  }

  /// `path?name=value&…`, or `path` alone without pairs.
  static func url(_ path: String, _ pairs: [(name: String, value: String)]) -> String {
    guard !pairs.isEmpty else { return path }
    return path + "?" + pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
  }

  /// A document's page; `query` carries the search words to mark in its text.
  static func document(_ id: String, query: String? = nil, page: Int? = nil) -> String {
    var pairs: [(name: String, value: String)] = []
    if let q = query, !q.isEmpty { pairs.append(("q", q)) }
    if let p = page, p > 1 { pairs.append(("page", String(p))) }
    return url("/documents/" + encode(id), pairs)
  }

  /// A number's page: the documents that cite it.
  static func refs(_ number: String) -> String { "/refs/" + encode(number) }
}
