// What each page's template reads. Plain values only: every text goes through Mustache's HTML
// escaping, and links are built by `PageLink`, never from a string the request gave unencoded.

import VanbanKit

/// The search form, filled with the request's values so a search can be refined.
struct SearchForm {
  struct Sort {
    var value: String
    var label: String
    var selected: Bool
  }
  /// A filter the form has no field for (`issuer`, `ref`, `signer`…, a facet's link adds them):
  /// sent again with the form, so a new query keeps it. Its chip above the hits drops it.
  struct Hidden {
    var name: String
    var value: String
  }
  var q = "", agency = "", type = "", province = "", year = "", since = "", until = ""
  var filtered = false
  var sorts: [Sort] = []
  var hidden: [Hidden] = []
  /// The filters the form shows a field for.
  static let fields: Set = ["agency", "type", "province", "year", "since", "until"]

  /// The fields the form shows, from a page's query parameters.
  init(_ pairs: [(name: String, value: String)]) {
    func last(_ name: String) -> String { pairs.last { $0.name == name }?.value ?? "" }
    q = pairs.filter { $0.name == "q" }.map(\.value).joined(separator: " ")
    agency = last("agency")
    type = last("type")
    province = last("province")
    year = last("year")
    since = last("since")
    until = last("until")
    filtered = pairs.contains { Filters.optionNames.contains($0.name) }
    hidden = pairs.filter { Filters.optionNames.contains($0.name) && !Self.fields.contains($0.name) }.map {
      Hidden(name: $0.name, value: $0.value)
    }
    let sort = last("sort")
    sorts = [("relevance", "Liên quan nhất"), ("newest", "Mới nhất"), ("oldest", "Cũ nhất")].map {
      Sort(value: $0.0, label: $0.1, selected: $0.0 == sort)
    }
  }
}

/// A hit on the search page.
struct HitView {
  var url: String
  var title: String
  var meta: String
  var copies: Int?
  var snippet: [TextSegment]
}

/// A filter in use, with the link that drops it.
struct ActiveFilter {
  var label: String
  var value: String
  var removeURL: String
}

/// One facet's values, each a link that adds it as a filter.
struct FacetView {
  struct Value {
    var value: String
    /// Formatted, with "≈" when estimated from a sample.
    var count: String
    var url: String
  }
  var label: String
  var values: [Value]
}

struct Suggestion {
  var text: String
  var url: String
}

struct SearchPage {
  var title: String
  var form: SearchForm
  var hasResult: Bool
  var documents = 0
  var summary = ""
  var suggestion: Suggestion?
  var relaxed = false
  /// Said when the search stopped at the server's time limit (`SearchResult.timedOut`).
  var timedOutNote: String?
  var notes: [String] = []
  var hasActive = false
  var active: [ActiveFilter] = []
  var first = 1
  var hits: [HitView] = []
  var page = 1
  var previousURL: String?
  var nextURL: String?
  var jsonURL = ""
  var csvURL = ""
  var hasFacets = false
  var facets: [FacetView] = []
  /// Counted on a sample of the matches (over 10,000 of them) and scaled.
  var facetsEstimated = false
}

struct DocumentPage {
  struct Field {
    var label: String
    var value: String
  }
  struct Cited {
    struct Linked {
      var id: String
      var url: String
    }
    var label: String
    var refsURL: String
    var documents: [Linked]
  }
  struct Citing {
    var url: String
    var title: String
    var meta: String
  }
  var title: String
  var form: SearchForm
  var fields: [Field]
  var downloadURL: String?
  /// Why there is no download link: the original changed or is gone.
  var originalNote: String?
  var fileName: String
  var jsonURL: String
  var number: String?
  var refsURL: String?
  var hasCites: Bool
  var cites: [Cited]
  var hasCitedBy: Bool
  var citedBy: [Citing]
  var citedByMore: Bool
  var citedByTotal: Int
  var svg: String?
  var graphNote: String
  var segments: [TextSegment]
  var page: Int
  /// Set only when the text runs over several pages.
  var pageCount: Int?
  var previousURL: String?
  var nextURL: String?
}

struct RefsPage {
  struct Hit {
    var url: String
    var title: String
    var meta: String
    var lines: [CitationLine]
    /// Lines past the ones shown, with the link to the document's text marked at the number.
    var more: String?
    var moreURL: String?
  }
  var title: String
  var form: SearchForm
  var number: String
  /// Said when the search stopped at the server's time limit (`SearchResult.timedOut`).
  var timedOutNote: String?
  var summary: String
  var notes: [String]
  var first: Int
  var hits: [Hit]
  var page: Int
  var previousURL: String?
  var nextURL: String?
  var jsonURL: String
  var csvURL: String
}

struct ErrorPage {
  struct Choice {
    var id: String
    var url: String
  }
  var title: String
  var form: SearchForm
  var heading: String
  var message: String
  var hasChoices: Bool
  var choices: [Choice]
}
