// What a search asks for, independent of how it was typed (CLI options or query prefixes).

import Foundation

/// How hits are ordered: by relevance (newest first when there are no words), newest or oldest.
public enum ResultOrder: String, Codable, CaseIterable, Sendable {
  case relevance, newest, oldest
}

/// Metadata filters. Values of one filter are OR'ed; different filters are AND'ed.
public struct Filters: Equatable, Sendable {
  public var agency: [String] = []
  /// An issuer's whole name, as the `issuer` facet lists it (`--issuer`): the name and no longer
  /// one holding it, where `agency` matches its words inside longer names too.
  public var issuer: [String] = []
  public var recipient: [String] = []
  public var reference: [String] = []
  public var type: [String] = []
  public var province: [String] = []
  public var signer: [String] = []
  public var company: [String] = []
  public var year: [String] = []
  public var format: [String] = []
  public var number: [String] = []
  public var since: PartialDate?
  public var until: PartialDate?
  /// `refs NUMBER --date/--year`: the cited document's date (`2022` or `2022-09-20`).
  public var referenceDate: String?

  public init() {}

  public var isEmpty: Bool { self == Filters() }

  /// Whether a `reference` value is a number's beginning (`79/2010/`), which expands to the
  /// numbers cited under it.
  public var hasNumberPrefix: Bool { reference.contains(where: QueryCompiler.isNumberPrefix) }

  /// Whether `since` falls after `until`: a range no date is in, which is a mistake to say.
  var datesEndBeforeTheyStart: Bool {
    guard let since, let until else { return false }
    return since.sortKey > QueryCompiler.upperSortKey(until)
  }

  /// The most values one filter takes (`--agency A --agency B …`): each is a query of its own, and
  /// the server's page links every filter to a page without it, so 5,000 values made one request
  /// take a minute and 1.5 GB.
  public static let maxValues = 32

  /// Adds `value` to the list filter `name` (its option and field name: `agency`, `issuer`, `to`, `ref`,
  /// `type`, `province`, `signer`, `company`, `year`); false if there is no such list filter.
  /// Shared by the options (`add(option:)`) and the query language's `name:value`.
  /// - throws: `VanbanError.badArgument` past `maxValues` values of one filter (named `spelled`).
  mutating func append(_ value: String, toList name: String, spelled: String? = nil) throws -> Bool {
    func add(_ list: inout [String]) throws {
      guard list.count < Self.maxValues else {
        throw VanbanError.badArgument("\(spelled ?? name) takes at most \(Self.maxValues) values")
      }
      list.append(value)
    }
    switch name {
    case "agency": try add(&agency)
    case "issuer": try add(&issuer)
    case "to": try add(&recipient)
    case "ref": try add(&reference)
    case "type": try add(&type)
    case "province": try add(&province)
    case "signer": try add(&signer)
    case "company": try add(&company)
    case "year": try add(&year)
    default: return false
    }
    return true
  }

  /// Adds a `name:value` filter from the query language.
  mutating func add(field: String, value: String) throws {
    if field == "year", Self.years(value) == nil {
      throw QuerySyntaxError(description: "`\(value)` is not a year")
    }
    if try append(value, toList: field) { return }
    switch field {
    case "format": format.append(value)
    case "number": number.append(value)
    case "date":
      let parts = value.components(separatedBy: "..")
      guard parts.count <= 2 else { throw QuerySyntaxError(description: "date: takes FROM..TO") }
      if let from = parts.first, !from.isEmpty {
        guard let d = PartialDate(parsing: from) else { throw QuerySyntaxError(description: "bad date `\(from)`") }
        since = d
      }
      let to = parts.count == 2 ? parts[1] : parts[0]
      if !to.isEmpty {
        guard let d = PartialDate(parsing: to) else { throw QuerySyntaxError(description: "bad date `\(to)`") }
        until = d
      }
      if datesEndBeforeTheyStart {
        throw QuerySyntaxError(description: "date: \(value) ends before it starts")
      }
    default: throw QuerySyntaxError(description: "unknown field `\(field)`")
    }
  }
}

/// One search: the query text, the filters, the page and the order. The CLI and a server build the same request.
public struct SearchRequest: Sendable {
  public var text: String = ""
  public var filters = Filters()
  /// OR the words and rank by BM25 (long questions), instead of requiring all of them.
  public var any = false
  /// Diacritics must match exactly (after tone placement is made canonical).
  public var exact = false
  public var limit = 10
  public var offset = 0
  public var sort: ResultOrder = .relevance
  public var facets = true
  /// Passages per hit in the snippet.
  public var snippetPassages = 2
  /// Fall back to OR when AND finds nothing.
  public var relax = true
  /// List copies of one document (CopyKey) as hits of their own, instead of under the best one.
  public var allCopies = false
  /// Seconds the search may take (`--time-limit`); past them it stops and shows the best of the
  /// documents it read (`SearchResult.timedOut`). Nil or 0: no limit, as `timeout 0` means.
  public var timeLimit: Double?
  /// `vanban serve`'s time limit unless `--time-limit` says otherwise: at 1,000,000 documents an
  /// OR of 64 common words takes about 3 s, where a typical search takes tens of milliseconds
  /// (Elasticsearch's `timeout` and Solr's `timeAllowed` bound theirs the same way).
  public static let serverTimeLimit: Double = 5

  public init(text: String = "") { self.text = text }
}
