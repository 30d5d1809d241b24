// The search page: server-rendered HTML over the same VanbanKit calls as the CLI and the API.
// Ids and numbers in URLs are looked up in the index, never joined to a path; an original file is
// handed out only while it is the indexed one (`Searcher.original`).

import Foundation
import Hummingbird
import VanbanKit

/// `/`, `/documents/{id}`, `/documents/{id}/file`, `/refs/{number}` and `/static/vanban.css`.
public struct PageRoutes: Sendable {
  let index: IndexService

  public init(index: IndexService) { self.index = index }

  /// Hits on a result page: enough to scan, few enough that the page stays well under 100 kB.
  static let hitsPerPage = 20
  /// Characters of a document's text per page of its view.
  static let textPageCharacters = 40_000
  /// Nodes of the citation map on a document's page.
  static let mapNodes = 40
  /// Citing documents listed on a document's page (its number's page lists them all).
  static let citedByShown = 20
  /// The parameters a result page reads; anything else is refused, as the API refuses it.
  static let searchNames: Set<String> = Set(["q", "sort", "offset", "exact", "any"] + Filters.optionNames)

  public func add<Context: RequestContext>(to router: Router<Context>) {
    router.get("/") { request, _ in try await searchPage(request) }
    router.get("documents/:id") { request, context in
      try await documentPage(request, id: try decodedPathPart(context.parameters.require("id")))
    }
    router.get("documents/:id/file") { _, context in
      try await originalFile(id: try decodedPathPart(context.parameters.require("id")))
    }
    router.get("refs/**") { request, context in
      try await refsPage(
        request, number: try context.parameters.getCatchAll().map(decodedPathPart).joined(separator: "/"))
    }
    router.get("static/vanban.css") { _, _ in
      var r = Response.bytes(PageTemplates.css, contentType: "text/css; charset=utf-8")
      r.headers[.cacheControl] = "max-age=3600"
      return r
    }
  }

  // MARK: - Search

  func searchPage(_ request: Request) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: Self.searchNames)
    try query.checkBounds(defaultLimit: Self.hitsPerPage)
    // A form sends its empty fields: they are not filters.
    let pairs = query.pairs.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
    let form = SearchForm(pairs)
    guard pairs.contains(where: { $0.name == "q" || Filters.optionNames.contains($0.name) }) else {
      let count = try await index.run { try $0.documentCount() }
      return html("search", SearchPage(title: "Tìm kiếm", form: form, hasResult: false, documents: count))
    }
    let kept = pairs.filter { $0.name != "offset" }
    var search = try SearchRequest(parameters: kept)
    search.limit = Self.hitsPerPage
    search.offset = try pairs.last { $0.name == "offset" }.map { try count($0.value, "offset") } ?? 0
    search.facets = true
    let result = try await index.search(search) { $0 }
    var page = SearchPage(title: form.q.isEmpty ? "Kết quả lọc" : form.q, form: form, hasResult: true)
    page.summary = Self.summary(result)
    page.suggestion = result.suggestion.map {
      Suggestion(text: $0, url: PageLink.url("/", kept.filter { $0.name != "q" } + [("q", $0)]))
    }
    page.relaxed = result.relaxed
    page.timedOutNote = Self.timedOutNote(result)
    page.notes = Self.notesShown(result)
    page.active = kept.indices.filter { Filters.optionNames.contains(kept[$0].name) }.map { i in
      var rest = kept
      rest.remove(at: i)
      return ActiveFilter(
        label: Self.filterLabels[kept[i].name] ?? kept[i].name, value: kept[i].value, removeURL: PageLink.url("/", rest)
      )
    }
    page.hasActive = !page.active.isEmpty
    page.first = result.offset + 1
    page.hits = result.hits.map { h in
      HitView(
        url: PageLink.document(h.id, query: form.q), title: Self.title(h), meta: Self.meta(h),
        copies: h.copies.isEmpty ? nil : h.copies.count, snippet: Self.segments(h.snippet))
    }
    page.page = result.offset / Self.hitsPerPage + 1
    if result.offset > 0 {
      page.previousURL = PageLink.url("/", kept + Self.offset(max(0, result.offset - Self.hitsPerPage)))
    }
    if result.offset + result.hits.count < result.total, Self.hasNextPage(after: result.offset) {
      page.nextURL = PageLink.url("/", kept + Self.offset(result.offset + Self.hitsPerPage))
    }
    page.jsonURL = PageLink.url("/api/search", kept + [("limit", "1000")])
    page.csvURL = PageLink.url("/api/search", kept + [("limit", "1000"), ("format", "csv")])
    if let f = result.facets {
      page.facets = [
        // An issuer links by its whole name, as it was counted (`agency=` would add longer names).
        ("issuer", "Cơ quan ban hành", f.issuer), ("type", "Loại văn bản", f.type),
        ("province", "Tỉnh, thành phố", f.province), ("year", "Năm", f.year),
      ].compactMap { name, label, counts in
        // A value a filter holds already, a year inside a range of years too, is not offered.
        let values = counts.prefix(10).filter { c in
          !kept.contains { k in
            k.name == name
              && (k.value == c.value
                || (name == "year" && Int(c.value).map { Filters.years(k.value)?.contains($0) ?? false } ?? false))
          }
        }
        // A filter holding all the values it takes offers no more (the link would be refused).
        guard !values.isEmpty, kept.count(where: { $0.name == name }) < Filters.maxValues else { return nil }
        return FacetView(
          label: label,
          values: values.map {
            FacetView.Value(
              value: $0.value,
              count: (result.facetsExact ? "" : "≈") + $0.count.formatted(.number.locale(Self.vietnamese)),
              url: PageLink.url("/", kept + [(name, $0.value)]))
          })
      }
    }
    page.hasFacets = !page.facets.isEmpty
    page.facetsEstimated = !result.facetsExact
    return html("search", page)
  }

  /// Numbers as Vietnamese write them: 80.000.
  static let vietnamese = Locale(identifier: "vi_VN")

  static let filterLabels = [
    "agency": "Cơ quan", "issuer": "Cơ quan", "type": "Loại", "province": "Tỉnh", "year": "Năm", "since": "Từ ngày",
    "until": "Đến ngày",
    "to": "Nơi nhận", "ref": "Dẫn chiếu", "signer": "Người ký", "company": "Công ty",
  ]

  static func offset(_ n: Int) -> [(name: String, value: String)] { n > 0 ? [("offset", String(n))] : [] }

  /// Whether the page after the one at `offset` is within `QueryParameters.maxWindow`.
  static func hasNextPage(after offset: Int) -> Bool {
    offset + 2 * hitsPerPage <= QueryParameters.maxWindow
  }

  static func summary(_ r: SearchResult) -> String {
    guard r.total > 0 else { return "Không tìm thấy văn bản nào" }
    let count = (r.totalExact ? "" : "Khoảng ") + r.total.formatted(.number.locale(Self.vietnamese))
    let shown = r.hits.isEmpty ? "" : " (hiển thị \(r.offset + 1)–\(r.offset + r.hits.count))"
    return "\(count) văn bản\(shown)"
  }

  /// A hit's heading: its type and subject, else its id.
  static func title(_ h: SearchHit) -> String {
    let head = [h.type?.capitalizedFirst, h.subject].compactMap { $0 }.joined(separator: " – ")
    return head.isEmpty ? h.id : head
  }

  static func meta(_ h: SearchHit) -> String {
    [h.facts, h.id].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  /// Segments in NFC: a text stored decomposed (as macOS and some converters write it) shows its
  /// marks on their letters, where a browser's font may place a lone combining mark beside them.
  static func composed(_ segments: [TextSegment]) -> [TextSegment] {
    segments.map { TextSegment(text: $0.text.precomposedStringWithCanonicalMapping, marked: $0.marked) }
  }

  /// A snippet's `«marked»` words as segments.
  static func segments(_ snippet: String) -> [TextSegment] {
    var out: [TextSegment] = []
    var rest = Substring(snippet)
    while let a = rest.range(of: Snippet.open),
      let b = rest.range(of: Snippet.close, range: a.upperBound..<rest.endIndex)
    {
      if a.lowerBound > rest.startIndex { out.append(TextSegment(text: String(rest[..<a.lowerBound]), marked: false)) }
      out.append(TextSegment(text: String(rest[a.upperBound..<b.lowerBound]), marked: true))
      rest = rest[b.upperBound...]
    }
    if !rest.isEmpty { out.append(TextSegment(text: String(rest), marked: false)) }
    return composed(out)
  }

  // MARK: - A document

  func documentPage(_ request: Request, id: String) async throws -> Response {
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["q", "page"])
    try query.checkBounds()
    let q = query.pairs.filter { $0.name == "q" }.map(\.value).joined(separator: " ")
    let pageNumber = try query.last("page").map { try count($0, "page") } ?? 1
    let (shown, text, segments, pageCount, cites, citing, original, graph) = try await index.run {
      searcher in
      let shown = try searcher.document(id)
      let pages = Self.pages(shown.text)
      let page = min(max(1, pageNumber), pages.count)
      let text = String(shown.text[pages[page - 1]])
      let segments =
        q.isEmpty
        ? [TextSegment(text: text, marked: false)] : try searcher.highlighted(text, for: SearchRequest(text: q))
      let cites = try searcher.cites(shown.stored.id).1
      var citing: SearchResult? = nil
      if let number = shown.stored.metadata.number {
        citing = try searcher.search(
          try SearchRequest(citing: number, parameters: [("limit", String(Self.citedByShown))]))
      }
      // Whether the original can be had, and if not, why: the page says so where the link would be.
      let original: OriginalFileError?
      do {
        try searcher.original(shown.stored.id).close()
        original = nil
      } catch let e as OriginalFileError {
        original = e
      } catch {
        original = .unavailable(shown.stored.path)
      }
      let graph = try? searcher.citationGraph(shown.stored.id, depth: 1, maxNodes: Self.mapNodes)
      return (shown, text, segments, pages.count, cites, citing, original, graph)
    }
    _ = text
    let stored = shown.stored
    let m = stored.metadata
    var svg: String? = nil
    var graphNote = "Không vẽ được sơ đồ."
    if let g = graph, g.edges.isEmpty {
      graphNote = "Văn bản này không có liên kết dẫn chiếu nào để vẽ."
    } else if let g = graph {
      do {
        svg = Self.inlineSVG(try await index.svg(g, pageMap: true))
      } catch VanbanError.graphvizMissing {
        graphNote = "Cần cài Graphviz (apt-get install graphviz) để vẽ sơ đồ."
      } catch {
        graphNote = "Không vẽ được sơ đồ."
      }
    }
    let fields: [DocumentPage.Field] = [
      ("Loại văn bản", m.type), ("Số", m.number), ("Cơ quan ban hành", m.issuer), ("Cơ quan chủ quản", m.parent),
      ("Tỉnh, thành phố", m.province), ("Ngày", m.date.flatMap { TextPrinter.vietnameseDate($0.description) }),
      ("Trích yếu", m.subject), ("Người ký", [m.signer, m.signerTitle].compactMap { $0 }.joined(separator: ", ")),
      ("Nơi nhận", m.recipients.joined(separator: "; ")), ("Mã", stored.id), ("Tệp", stored.path),
      ("Định dạng", stored.format),
    ].compactMap { label, value in
      guard let v = value, !v.isEmpty else { return nil }
      return DocumentPage.Field(label: label, value: v)
    }
    let page = min(max(1, pageNumber), pageCount)
    let model = DocumentPage(
      title: [m.type?.capitalizedFirst, m.number].compactMap { $0 }.joined(separator: " ").nonEmpty
        ?? m.subject ?? stored.id,
      form: SearchForm(q.isEmpty ? [] : [("q", q)]),
      fields: fields,
      downloadURL: original == nil ? "/documents/" + PageLink.encode(stored.id) + "/file" : nil,
      originalNote: original.map {
        switch $0 {
        case .changed: return "Tệp gốc đã thay đổi từ khi lập chỉ mục, nên không tải được; hãy lập chỉ mục lại."
        case .unavailable: return "Tệp gốc không còn đọc được."
        }
      },
      fileName: (stored.path as NSString).lastPathComponent,
      jsonURL: "/api/documents/" + PageLink.encode(stored.id),
      number: m.number, refsURL: m.number.map(PageLink.refs),
      hasCites: !cites.isEmpty,
      cites: cites.map { c in
        DocumentPage.Cited(
          label: [c.type?.capitalizedFirst, c.number].compactMap { $0 }.joined(separator: " ")
            + (c.date.map { " (\(TextPrinter.vietnameseDate($0) ?? $0))" } ?? ""),
          refsURL: PageLink.refs(c.number),
          documents: c.indexed.map { .init(id: $0, url: PageLink.document($0)) })
      },
      hasCitedBy: !(citing?.hits.isEmpty ?? true),
      // By bytes: a document whose path is this one's in another normalisation is another file.
      citedBy: (citing?.hits ?? []).filter { !$0.path.utf8.elementsEqual(stored.path.utf8) }.map {
        DocumentPage.Citing(url: PageLink.document($0.id), title: Self.title($0), meta: Self.meta($0))
      },
      citedByMore: (citing?.total ?? 0) > (citing?.hits.count ?? 0),
      citedByTotal: citing?.total ?? 0,
      svg: svg, graphNote: graphNote,
      segments: Self.composed(segments), page: page, pageCount: pageCount > 1 ? pageCount : nil,
      previousURL: page > 1 ? PageLink.document(stored.id, query: q, page: page - 1) : nil,
      nextURL: page < pageCount ? PageLink.document(stored.id, query: q, page: page + 1) : nil)
    return html("document", model)
  }

  /// The text cut into pages of about `textPageCharacters`, each ending at a line's end where one
  /// is near, so a page never starts inside a word.
  static func pages(_ text: String) -> [Range<String.Index>] {
    var out: [Range<String.Index>] = []
    var start = text.startIndex
    while start < text.endIndex {
      guard let far = text.index(start, offsetBy: textPageCharacters, limitedBy: text.endIndex), far < text.endIndex
      else {
        out.append(start..<text.endIndex)
        break
      }
      let back = text.index(far, offsetBy: -textPageCharacters / 5)
      let end = text[back..<far].lastIndex(of: "\n").map { text.index(after: $0) } ?? far
      out.append(start..<end)
      start = end
    }
    return out.isEmpty ? [text.startIndex..<text.endIndex] : out
  }

  /// Graphviz's SVG without its XML prolog and doctype, to sit inside the page.
  static func inlineSVG(_ svg: String) -> String? {
    guard let start = svg.range(of: "<svg") else { return nil }
    return String(svg[start.lowerBound...])
  }

  // MARK: - The original file

  func originalFile(id: String) async throws -> Response {
    let file = try await index.run { try $0.original(id) }
    return OriginalDownload.response(file)
  }

  // MARK: - A number

  /// Citing lines a number's page shows of each document.
  static let citingLinesShown = 5

  /// What a page says of a search stopped at the time limit; nil for one that was not.
  static func timedOutNote(_ result: SearchResult) -> String? {
    result.timedOut
      ? "Tìm kiếm đã dừng vì quá thời gian cho phép: đây là những văn bản khớp nhất trong số đã đọc, "
        + "có thể chưa đủ, và tổng số là ước tính. Hãy thêm từ hoặc bộ lọc để thu hẹp." : nil
  }

  /// A result's notes but the two a page says in Vietnamese (`relaxed`, `timedOut`).
  static func notesShown(_ result: SearchResult) -> [String] {
    result.notes.filter { !$0.hasPrefix("no document has all the words") && !$0.hasPrefix(Searcher.timedOutNote) }
  }

  func refsPage(_ request: Request, number: String) async throws -> Response {
    guard !number.isEmpty else { throw APIError(.badRequest, "give a document number: /refs/16%2FCT-TTg") }
    let query = try QueryParameters(request.uri.query)
    try query.check(allowed: ["year", "date", "offset", "sort"])
    try query.checkBounds(defaultLimit: Self.hitsPerPage)
    let pairs = query.pairs.filter { !$0.value.isEmpty }
    let kept = pairs.filter { $0.name != "offset" }
    var search = try SearchRequest(citing: number, parameters: kept)
    search.limit = Self.hitsPerPage
    search.offset = try query.last("offset").map { try count($0, "offset") } ?? 0
    let result = try await index.search(search) { $0 }
    let path = PageLink.refs(number)
    var page = RefsPage(
      title: number, form: SearchForm([]), number: number, timedOutNote: Self.timedOutNote(result),
      summary: result.total == 0
        ? "Không văn bản nào trong chỉ mục dẫn chiếu số này."
        : "\(Self.summary(result)) dẫn chiếu số này.",
      notes: Self.notesShown(result), first: result.offset + 1,
      hits: result.hits.map {
        // A law can cite a number on a hundred lines or more: a page shows the first few of each
        // document, so 20 documents stay well under 100 kB (the JSON and CSV carry every line).
        let lines = $0.citations ?? []
        let hidden = lines.count - Self.citingLinesShown
        return RefsPage.Hit(
          url: PageLink.document($0.id), title: Self.title($0), meta: Self.meta($0),
          lines: Array(lines.prefix(Self.citingLinesShown)),
          more: hidden > 0 ? "và \(hidden.formatted(.number.locale(Self.vietnamese))) dòng khác" : nil,
          moreURL: hidden > 0 ? PageLink.document($0.id, query: number) : nil)
      },
      page: result.offset / Self.hitsPerPage + 1,
      jsonURL: PageLink.url("/api" + path, kept), csvURL: PageLink.url("/api" + path, kept + [("format", "csv")]))
    if result.offset > 0 {
      page.previousURL = PageLink.url(path, kept + Self.offset(max(0, result.offset - Self.hitsPerPage)))
    }
    if result.offset + result.hits.count < result.total, Self.hasNextPage(after: result.offset) {
      page.nextURL = PageLink.url(path, kept + Self.offset(result.offset + Self.hitsPerPage))
    }
    return html("refs", page)
  }

}

/// A rendered page as a response.
func html(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
  let body = PageTemplates.library.render(model, withTemplate: template) ?? ""
  return .bytes(body, contentType: "text/html; charset=utf-8", status: status)
}

extension String {
  /// The string with its first letter in capitals (`công văn` → `Công văn`).
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
  var nonEmpty: String? { isEmpty ? nil : self }
}
