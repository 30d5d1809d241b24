// The search page's templates and style sheet, compiled into the binary so that `vanban serve`
// needs no files beside it. Mustache escapes every `{{value}}` for HTML (quotes included, so
// attribute values are safe); the only unescaped output, `{{{svg}}}`, is Graphviz's own SVG of
// labels it escaped itself. Labels are Vietnamese; nothing is fetched from outside.

import Mustache

enum PageTemplates {
  /// The templates by name, parsed once.
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    for (name, text) in sources {
      // A template that does not parse is a programming error, caught by the page tests.
      try! library.register(text, named: name)
    }
    return library
  }()

  static let sources: [String: String] = [
    "head": head, "foot": foot, "pager": pager, "search": search, "document": document, "refs": refs, "error": error,
  ]

  static let head = """
    <!doctype html>
    <html lang="vi">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} – vanban</title>
    <link rel="stylesheet" href="/static/vanban.css">
    </head>
    <body>
    <a class="skip" href="#main">Bỏ qua, tới nội dung</a>
    <header>
    <a class="brand" href="/">vanban</a>
    <form class="search" role="search" action="/" method="get">
    <label for="q">Tìm văn bản</label>
    <div class="row">
    <input id="q" name="q" type="search" value="{{form.q}}" maxlength="2000" placeholder="ví dụ: viet a, 16/CT-TTg, tiêm chủng">
    <button type="submit">Tìm</button>
    </div>
    {{#form.hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/form.hidden}}
    <details{{#form.filtered}} open{{/form.filtered}}>
    <summary>Bộ lọc</summary>
    <div class="filters">
    <label>Cơ quan ban hành <input name="agency" value="{{form.agency}}"></label>
    <label>Loại văn bản <input name="type" value="{{form.type}}" placeholder="công văn, quyết định…"></label>
    <label>Tỉnh, thành phố <input name="province" value="{{form.province}}"></label>
    <label>Năm <input name="year" value="{{form.year}}" inputmode="numeric" placeholder="2022 hoặc 2020..2022"></label>
    <label>Từ ngày <input name="since" type="date" value="{{form.since}}"></label>
    <label>Đến ngày <input name="until" type="date" value="{{form.until}}"></label>
    <label>Sắp xếp <select name="sort">
    {{#form.sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/form.sorts}}
    </select></label>
    </div>
    </details>
    </form>
    </header>
    <main id="main">

    """

  static let foot = """
    </main>
    <footer>vanban – tìm kiếm văn bản hành chính · <a href="/api/stats">thống kê (JSON)</a></footer>
    </body>
    </html>

    """

  /// Paging and export links under a list of hits (search and a number's page).
  static let pager = """
    <nav class="pages" aria-label="Trang kết quả">
    {{#previousURL}}<a rel="prev" href="{{previousURL}}">← Trang trước</a>{{/previousURL}}
    <span>Trang {{page}}</span>
    {{#nextURL}}<a rel="next" href="{{nextURL}}">Trang sau →</a>{{/nextURL}}
    </nav>
    <p class="export">Tải kết quả: <a href="{{jsonURL}}">JSON</a> · <a href="{{csvURL}}">CSV</a></p>

    """

  static let search = """
    {{> head}}
    {{#hasResult}}
    <div class="layout">
    <section class="results" aria-labelledby="results-heading">
    <h1 id="results-heading">{{summary}}</h1>
    {{#suggestion}}<p class="suggestion">Có phải bạn muốn tìm: <a href="{{url}}">{{text}}</a></p>{{/suggestion}}
    {{#relaxed}}<p class="note">Không văn bản nào có đủ mọi từ đã gõ; dưới đây là các văn bản có một phần các từ.</p>{{/relaxed}}
    {{#timedOutNote}}<p class="note">{{.}}</p>{{/timedOutNote}}
    {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    {{#hasActive}}<ul class="active" aria-label="Bộ lọc đang dùng">{{#active}}<li>{{label}}: {{value}} <a href="{{removeURL}}" aria-label="Bỏ lọc {{label}} {{value}}">×</a></li>{{/active}}</ul>{{/hasActive}}
    <ol class="hits" start="{{first}}">
    {{#hits}}
    <li class="hit">
    <h2><a href="{{url}}">{{title}}</a></h2>
    <p class="meta">{{meta}}{{#copies}} · <span class="copies">{{copies}} bản sao</span>{{/copies}}</p>
    <p class="snippet">{{#snippet}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/snippet}}</p>
    </li>
    {{/hits}}
    </ol>
    {{> pager}}
    </section>
    {{#hasFacets}}
    <aside class="facets" aria-label="Lọc theo">
    {{#facetsEstimated}}<p class="meta">Số lượng ước tính trên một mẫu ngẫu nhiên (≈).</p>{{/facetsEstimated}}
    {{#facets}}
    <section>
    <h2>{{label}}</h2>
    <ul>{{#values}}<li><a href="{{url}}">{{value}}</a> <span class="count">{{count}}</span></li>{{/values}}</ul>
    </section>
    {{/facets}}
    </aside>
    {{/hasFacets}}
    </div>
    {{/hasResult}}
    {{^hasResult}}
    <section class="intro">
    <h1>Tìm trong văn bản hành chính</h1>
    <p>Gõ từ cần tìm, có dấu hoặc không dấu: <a href="/?q=viet+a">viet a</a> tìm cả «Việt Á».
    Tìm một số hiệu văn bản: <a href="/refs/16%2FCT-TTg">16/CT-TTg</a>.
    Câu hỏi nhận cú pháp của dòng lệnh: "cụm từ", OR, NOT, agency:…, type:….</p>
    <p>{{documents}} văn bản trong chỉ mục.</p>
    </section>
    {{/hasResult}}
    {{> foot}}
    """

  static let document = """
    {{> head}}
    <article class="document">
    <h1>{{title}}</h1>
    <dl class="metadata">
    {{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/fields}}
    </dl>
    {{#originalNote}}<p class="note">{{originalNote}}</p>{{/originalNote}}
    <p class="actions">{{#downloadURL}}<a href="{{downloadURL}}" download>Tải bản gốc ({{fileName}})</a> · {{/downloadURL}}<a href="{{jsonURL}}">JSON</a>{{#number}} · <a href="{{refsURL}}">Văn bản dẫn chiếu số này</a>{{/number}}</p>
    <section aria-labelledby="cites-heading">
    <h2 id="cites-heading">Văn bản này dẫn chiếu</h2>
    {{#hasCites}}<ul class="links">{{#cites}}<li><a href="{{refsURL}}">{{label}}</a>{{#documents}} → <a href="{{url}}">{{id}}</a>{{/documents}}</li>{{/cites}}</ul>{{/hasCites}}
    {{^hasCites}}<p>Không dẫn chiếu số hiệu văn bản nào.</p>{{/hasCites}}
    </section>
    <section aria-labelledby="cited-heading">
    <h2 id="cited-heading">Được dẫn chiếu bởi</h2>
    {{#hasCitedBy}}<ul class="links">{{#citedBy}}<li><a href="{{url}}">{{title}}</a> <span class="meta">{{meta}}</span></li>{{/citedBy}}</ul>{{/hasCitedBy}}
    {{#citedByMore}}<p><a href="{{refsURL}}">Tất cả {{citedByTotal}} văn bản dẫn chiếu</a></p>{{/citedByMore}}
    {{^hasCitedBy}}<p>Chưa văn bản nào trong chỉ mục dẫn chiếu văn bản này.</p>{{/hasCitedBy}}
    </section>
    <section aria-labelledby="map-heading">
    <h2 id="map-heading">Sơ đồ dẫn chiếu</h2>
    {{#svg}}<figure class="graph" role="img" aria-label="Sơ đồ dẫn chiếu của {{title}}">{{{svg}}}</figure>{{/svg}}
    {{^svg}}<p>{{graphNote}}</p>{{/svg}}
    </section>
    <section aria-labelledby="text-heading">
    <h2 id="text-heading">Toàn văn{{#pageCount}} (trang {{page}}/{{pageCount}}){{/pageCount}}</h2>
    <pre class="text">{{#segments}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/segments}}</pre>
    {{#pageCount}}<nav class="pages" aria-label="Trang văn bản">
    {{#previousURL}}<a rel="prev" href="{{previousURL}}">← Trang trước</a>{{/previousURL}}
    <span>Trang {{page}}/{{pageCount}}</span>
    {{#nextURL}}<a rel="next" href="{{nextURL}}">Trang sau →</a>{{/nextURL}}
    </nav>{{/pageCount}}
    </section>
    </article>
    {{> foot}}
    """

  static let refs = """
    {{> head}}
    <section class="refs" aria-labelledby="refs-heading">
    <h1 id="refs-heading">Văn bản dẫn chiếu {{number}}</h1>
    <p>{{summary}}</p>
    {{#timedOutNote}}<p class="note">{{.}}</p>{{/timedOutNote}}
    {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    <ol class="hits" start="{{first}}">
    {{#hits}}
    <li class="hit">
    <h2><a href="{{url}}">{{title}}</a></h2>
    <p class="meta">{{meta}}</p>
    <ul class="lines">{{#lines}}<li><span class="line">dòng {{line}}</span> {{sentence}}</li>{{/lines}}</ul>
    {{#more}}<p class="more"><a href="{{moreURL}}">{{more}}</a></p>{{/more}}
    </li>
    {{/hits}}
    </ol>
    {{> pager}}
    </section>
    {{> foot}}
    """

  static let error = """
    {{> head}}
    <section class="error">
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    {{#hasChoices}}<ul>{{#choices}}<li><a href="{{url}}">{{id}}</a></li>{{/choices}}</ul>{{/hasChoices}}
    <p><a href="/">Về trang tìm kiếm</a></p>
    </section>
    {{> foot}}
    """

  /// The style sheet, served as `/static/vanban.css` (the CSP allows no inline style).
  static let css = """
    :root { --ink: #1b1f24; --muted: #5b6470; --line: #d6dbe1; --accent: #0b5cad; --mark: #fff0a8; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
    header { padding: 12px 16px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
    .brand { font-weight: 700; font-size: 20px; text-decoration: none; color: var(--ink); }
    form.search { margin-top: 8px; max-width: 960px; }
    form.search > label { display: block; font-weight: 600; }
    .row { display: flex; gap: 8px; }
    .row input { flex: 1; min-width: 0; padding: 8px; font-size: 17px; border: 1px solid #98a2ad; border-radius: 4px; }
    button { padding: 8px 16px; font-size: 16px; border: 0; border-radius: 4px; background: var(--accent); color: #fff; }
    details { margin-top: 6px; }
    .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; margin-top: 6px; }
    .filters label { display: flex; flex-direction: column; font-size: 14px; color: var(--muted); }
    .filters input, .filters select { padding: 6px; font-size: 15px; border: 1px solid #98a2ad; border-radius: 4px; }
    main { padding: 16px; max-width: 1200px; }
    .layout { display: flex; gap: 24px; align-items: flex-start; }
    .results { flex: 1; min-width: 0; }
    .results h1, .refs h1 { font-size: 18px; font-weight: 600; }
    .facets { width: 280px; font-size: 14px; }
    .facets h2 { font-size: 15px; margin: 12px 0 4px; }
    .facets ul, .active, ul.links { list-style: none; padding: 0; margin: 0; }
    .facets .count, .meta, .line { color: var(--muted); }
    .active li { display: inline-block; margin: 0 8px 8px 0; padding: 2px 8px; background: #e7eef6; border-radius: 12px; }
    .hits { padding-left: 1.6em; }
    .hit { margin-bottom: 18px; }
    .hit h2 { font-size: 17px; margin: 0; font-weight: 600; }
    .meta { margin: 2px 0; font-size: 14px; }
    .snippet { margin: 2px 0; overflow-wrap: anywhere; }
    mark { background: var(--mark); color: inherit; padding: 0 1px; }
    .note, .suggestion { background: #fff8e1; border-left: 4px solid #e0b000; padding: 6px 10px; }
    .pages { display: flex; gap: 16px; margin: 16px 0; }
    .document h1 { font-size: 22px; }
    .metadata { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    .metadata dt { font-weight: 600; }
    .metadata dd { margin: 0; overflow-wrap: anywhere; }
    .graph { margin: 0; overflow-x: auto; }
    .graph svg { max-width: 100%; height: auto; }
    pre.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.6 system-ui, "DejaVu Sans", sans-serif; background: #fafbfc; border: 1px solid var(--line); padding: 12px; }
    .lines { font-size: 14px; }
    footer { padding: 16px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
    @media (max-width: 720px) {
      .layout { flex-direction: column; }
      .facets { width: 100%; }
      main { padding: 10px; }
    }

    """
}
