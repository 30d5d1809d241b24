// Search options by name, as `vanban search --NAME VALUE` and `GET /api/search?NAME=VALUE` give
// them: one place says what each filter accepts and where a page is capped, so the CLI and the
// server answer the same request the same way.

import Foundation

extension SearchRequest {
  /// The most hits one page returns (`--limit`, `limit=`): larger asks are cut to this.
  public static let maxLimit = 10_000
  /// The furthest a page may start (`--offset`, `offset=`).
  public static let maxOffset = 10_000_000
  /// Citing documents `refs` lists when no limit is given.
  public static let refsDefaultLimit = 100

  /// A search from named parameters (`q`, the filters of `Filters.optionNames`, `sort`, `limit`,
  /// `offset`, `exact`, `any`, `facets`, `all-copies`), repeated names as repeated CLI options.
  /// `q` values are joined with spaces, as the CLI joins its words.
  /// - throws: `VanbanError.badArgument` for an unknown name or a value that can't be read.
  public init(parameters: [(name: String, value: String)]) throws {
    self.init()
    facets = false  // asked for, as `--facets`
    var words: [String] = []
    for (name, value) in parameters {
      switch name {
      case "q": words.append(value)
      case "sort": sort = try Self.order(value, spelled: name)
      case "limit": limit = min(try Self.count(value, spelled: name), Self.maxLimit)
      case "offset": offset = min(try Self.count(value, spelled: name), Self.maxOffset)
      case "exact": exact = try Self.flag(value, spelled: name)
      case "any": any = try Self.flag(value, spelled: name)
      case "facets": facets = try Self.flag(value, spelled: name)
      case "all-copies", "allCopies": allCopies = try Self.flag(value, spelled: name)
      default:
        guard Filters.optionNames.contains(name) else {
          throw VanbanError.badArgument("unknown parameter `\(name)`")
        }
        try filters.add(option: name, value: value, spelled: name)
      }
    }
    text = words.joined(separator: " ")
  }

  /// `refs NUMBER` from named parameters: `date` or `year` (the cited document's), `sort`
  /// (newest by default), `limit` (100 by default), `offset`, `facets`, `all-copies`.
  public init(citing number: String, parameters: [(name: String, value: String)]) throws {
    self.init()
    facets = false
    filters.reference = [number]
    limit = Self.refsDefaultLimit
    sort = .newest
    var date: String?
    var year: String?
    for (name, value) in parameters {
      switch name {
      case "date": date = value
      case "year": year = value
      case "sort": sort = try Self.order(value, spelled: name)
      case "limit": limit = min(try Self.count(value, spelled: name), Self.maxLimit)
      case "offset": offset = min(try Self.count(value, spelled: name), Self.maxOffset)
      case "facets": facets = try Self.flag(value, spelled: name)
      case "all-copies", "allCopies": allCopies = try Self.flag(value, spelled: name)
      default: throw VanbanError.badArgument("unknown parameter `\(name)`")
      }
    }
    try filters.setReferenceDate(date: date, year: year, spelled: "date", yearSpelled: "year")
  }

  static func count(_ value: String, spelled name: String) throws -> Int {
    guard let n = Int(value.trimmingCharacters(in: .whitespaces)) else {
      throw VanbanError.badArgument("\(name): `\(value)` is not a whole number")
    }
    guard n >= 0 else { throw VanbanError.badArgument("\(name) must be 0 or more (≥ 0)") }
    return n
  }

  static func order(_ value: String, spelled name: String) throws -> ResultOrder {
    guard let o = ResultOrder(rawValue: value) else {
      throw VanbanError.badArgument("\(name) takes relevance, newest or oldest, not `\(value)`")
    }
    return o
  }

  /// `1`, `true`, `yes`, `on` or empty (`?exact`) turn a flag on; `0`, `false`, `no`, `off` off.
  static func flag(_ value: String, spelled name: String) throws -> Bool {
    switch value.lowercased() {
    case "", "1", "true", "yes", "on": return true
    case "0", "false", "no", "off": return false
    default: throw VanbanError.badArgument("\(name) takes 1 or 0, not `\(value)`")
    }
  }
}

extension Filters {
  /// The filters by their CLI option and query-parameter names.
  public static let optionNames = [
    "agency", "issuer", "to", "ref", "type", "province", "signer", "company", "year", "since", "until",
  ]

  /// Adds the value of the filter `option` (one of `optionNames`); `spelled` is how the caller
  /// names it in an error (`--since` on the command line, `since` in a URL).
  /// - throws: `VanbanError.badArgument` for an empty value, a date or year that can't be read, or an
  ///   unknown option.
  public mutating func add(option: String, value: String, spelled: String) throws {
    // An empty value (`--agency ""`, `agency=`) would match no document at all: said, as a
    // mistyped year is, rather than a search that quietly finds nothing.
    if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw VanbanError.badArgument("\(spelled) is empty: give it a value, or leave it out")
    }
    if option == "year", Self.years(value) == nil {
      throw VanbanError.badArgument("\(spelled): `\(value)` is not a year (try 2022, or 2020..2022)")
    }
    if try append(value, toList: option, spelled: spelled) { return }
    switch option {
    case "since": since = try Self.date(value, spelled: spelled)
    case "until": until = try Self.date(value, spelled: spelled)
    default: throw VanbanError.badArgument("unknown filter `\(spelled)`")
    }
    // An empty range is a mistake, as `--year 2022..2020` is, not a search that finds nothing.
    if datesEndBeforeTheyStart, let since, let until {
      throw VanbanError.badArgument("\(spelled): the range ends (\(until.iso)) before it starts (\(since.iso))")
    }
  }

  /// `refs NUMBER --date D | --year Y`: the cited document's date; a date wins over a year.
  /// `spelled` and `yearSpelled` are how the caller names the two in an error.
  public mutating func setReferenceDate(date: String?, year: String?, spelled: String, yearSpelled: String) throws {
    // Both are checked, though a date wins: a mistyped one is said, not passed over.
    var yearGiven: String?
    if let y = year {
      guard let r = Self.years(y), r.count == 1 else {
        throw VanbanError.badArgument("\(yearSpelled): `\(y)` is not a year (try 2022)")
      }
      yearGiven = String(r.lowerBound)
    }
    if let d = date {
      guard let p = PartialDate(parsing: d) else { throw VanbanError.badArgument("\(spelled): `\(d)` is not a date") }
      referenceDate = p.iso
    } else if let y = yearGiven {
      referenceDate = y
    }
  }

  /// The years a `year` filter value names: `2022`, or `2020..2022` (the search page offers
  /// both); nil for anything else, so that a mistyped year is an error rather than a search that
  /// quietly finds nothing. Years as dates have them (PartialDate: 1000–2999).
  public static func years(_ value: String) -> ClosedRange<Int>? {
    let parts = value.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
    guard parts.count <= 2 else { return nil }
    let years = parts.map { p -> Int? in
      let t = p.trimmingCharacters(in: .whitespaces)
      guard t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(t),
        PartialDate.make(y, nil, nil) != nil
      else { return nil }
      return y
    }
    guard let first = years.first, let from = first, let last = years.last, let to = last, from <= to else {
      return nil
    }
    return from...to
  }

  static func date(_ value: String, spelled: String) throws -> PartialDate {
    guard let d = PartialDate(parsing: value) else {
      throw VanbanError.badArgument("\(spelled): `\(value)` is not a date (try 2022-03-01, 2022-03, 2022 or 01/3/2022)")
    }
    return d
  }
}
