// The search page (issue J): results with marked snippets, facets, a document's view with its
// citations and map, a number's page, downloads only of unchanged indexed files, and every
// document text escaped wherever it is shown.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VanbanKit
import VanbanServer
import VanbanTestSupport

@Suite struct PageTests {
  static let vietA = "000_7dcd8441d4f25c6a"
  static let citing16 = "003_32c798e237f9dc40"

  @Test func theSearchPageShowsTheVietADispatchWithItsMarkedSnippet() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/?q=viet+a", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "text/html; charset=utf-8")
        #expect(r.text.contains("<mark>Việt</mark> <mark>Á</mark>"))
        #expect(r.text.contains("href=\"/documents/\(Self.vietA)?q=viet%20a\""))
        #expect(r.text.contains("value=\"viet a\""), "the box keeps the query")
        // Facets link to the same search with one more filter; export links to the API.
        #expect(r.text.contains("href=\"/?q=viet%20a&amp;province=S%C6%A1n%20La\""))
        #expect(r.text.contains("href=\"/api/search?q=viet%20a&amp;limit=1000&amp;format=csv\""))
        #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(!r.text.contains("<script"), "the page runs no script")
      }
      // A filter in use is shown with a link that drops it.
      try await client.execute(uri: "/?q=viet+a&province=S%C6%A1n+La&agency=", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("Tỉnh: Sơn La"))
        #expect(r.text.contains("href=\"/?q=viet%20a\" aria-label=\"Bỏ lọc Tỉnh Sơn La\""))
      }
      // No words, no filter: the opening page, with the index's size.
      try await client.execute(uri: "/", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("5 văn bản trong chỉ mục"))
      }
      try await client.execute(uri: "/static/vanban.css", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "text/css; charset=utf-8")
      }
    }
  }

  @Test func pagingAndTheRelaxedNote() async throws {
    let seeds = try SeedServer()
    for i in 0..<25 {
      try "Thông báo số \(i)/TB-UBND về lịch trực kho lưu trữ tháng \(i % 12 + 1)".write(
        toFile: seeds.docs + "/tb-\(i).txt", atomically: true, encoding: .utf8)
    }
    try seeds.reindex()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/?q=kho+luu+tru", method: .get) { r in
        #expect(r.text.contains(" văn bản (hiển thị 1–20)"))  // 25 written, and a seed or two
        #expect(r.text.contains("rel=\"next\" href=\"/?q=kho%20luu%20tru&amp;offset=20\""))
        #expect(!r.text.contains("rel=\"prev\""))
      }
      try await client.execute(uri: "/?q=kho+luu+tru&offset=20", method: .get) { r in
        #expect(r.text.contains("<ol class=\"hits\" start=\"21\">"))
        #expect(r.text.contains("rel=\"prev\""))
        #expect(!r.text.contains("rel=\"next\""))
      }
      // No document has every word: the page says it shows those with some of them.
      try await client.execute(uri: "/?q=l%E1%BB%8Bch+xyzzyq", method: .get) { r in
        #expect(r.text.contains("Không văn bản nào có đủ mọi từ đã gõ"))
      }
    }
  }

  /// A range of years filters as its years do, and the year facet offers none of the years it
  /// holds already (a link adding one would change nothing).
  @Test func aRangeOfYearsAndItsFacet() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      var years: [String] = []
      try await client.execute(uri: "/api/search?year=1000..2999&facets=1&limit=0", method: .get) { r in
        let facets = r.json["facets"] as? [String: Any]
        years = (facets?["year"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
      }
      #expect(!years.isEmpty, "the seeds have years")
      let sorted = years.sorted()
      let range = "\(sorted.first!)..\(sorted.last!)"
      try await client.execute(uri: "/?year=\(range)", method: .get) { r in
        #expect(r.status == .ok)
        for y in years {
          #expect(!r.text.contains("year=\(y)\""), "\(y) is offered inside \(range)")
          #expect(!r.text.contains("year=\(y)&amp;"), "\(y) is offered inside \(range)")
        }
      }
    }
  }

  /// An issuer's facet links to its whole name (`issuer=`), so the page it leads to finds as many
  /// documents as the facet counted: not "Văn phòng Quốc hội" as well, which `agency=` also finds,
  /// and every spelling of one name, which the facet counts as one value. A new query typed on
  /// that page keeps the filter.
  @Test func anIssuersFacetLinkFindsWhatItCounted() async throws {
    let seeds = try SeedServer()
    let issuers = [
      "QUỐC HỘI", "QUỐC HỘI", "VĂN PHÒNG QUỐC HỘI", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
      "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BỘ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI",
    ]
    for (i, issuer) in issuers.enumerated() {
      try """
      \(issuer)
      -------
      Số: \(10 + i)/CV-KK

      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      Độc lập - Tự do - Hạnh phúc

      Hà Nội, ngày \(i + 1) tháng 3 năm 2022

      V/v kiểm kê kho lưu trữ

      Kính gửi: Các đơn vị trực thuộc.

      Đề nghị các đơn vị kiểm kê kho lưu trữ trước ngày 30 tháng 6 năm 2022.
      """.write(toFile: seeds.docs + "/kk-\(i).txt", atomically: true, encoding: .utf8)
    }
    try seeds.reindex()
    let quocHoi = "Qu%E1%BB%91c%20h%E1%BB%99i"
    let ministry =
      "B%E1%BB%99%20Lao%20%C4%91%E1%BB%99ng%20-%20Th%C6%B0%C6%A1ng%20binh%20v%C3%A0%20X%C3%A3%20h%E1%BB%99i"
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/?q=kiem+ke+kho", method: .get) { r in
        #expect(r.status == .ok)
        #expect(
          r.text.contains("href=\"/?q=kiem%20ke%20kho&amp;issuer=\(quocHoi)\">Quốc hội</a> <span class=\"count\">2<"))
        #expect(
          r.text.contains(
            "href=\"/?q=kiem%20ke%20kho&amp;issuer=\(ministry)\">Bộ Lao động - Thương binh và Xã hội</a> <span class=\"count\">3<"
          ),
          "the two spellings are one value")
        #expect(!r.text.contains(">Bộ Lao động, Thương binh và Xã hội</a>"), "not a value of its own")
      }
      for (issuer, count) in [(quocHoi, 2), (ministry, 3)] {
        try await client.execute(uri: "/?q=kiem+ke+kho&issuer=\(issuer)", method: .get) { r in
          #expect(r.text.contains("<h1 id=\"results-heading\">\(count) văn bản"), "\(issuer)")
          #expect(r.text.contains("<input type=\"hidden\" name=\"issuer\" value="), "the form keeps it")
        }
        try await client.execute(uri: "/api/search?q=kiem+ke+kho&issuer=\(issuer)", method: .get) { r in
          #expect(r.json["total"] as? Int == count, "\(issuer)")
        }
      }
      try await client.execute(uri: "/api/search?q=kiem+ke+kho&agency=\(quocHoi)", method: .get) { r in
        #expect(r.json["total"] as? Int == 3, "agency= finds the words inside longer names too")
      }
    }
  }

  /// A number's page stays under 100 kB when each of 25 documents cites it on 120 lines: the first
  /// lines of each, and a link to the rest.
  @Test func aNumbersPageShowsTheFirstLinesOfEachDocument() async throws {
    let seeds = try SeedServer()
    for d in 0..<25 {
      let lines = (1...120).map {
        "Điều \($0). Thực hiện nghiêm Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ."
      }
      try (["UBND TỈNH SƠN LA", "Số: \(d + 1)/UBND-KT", "V/v thực hiện Chỉ thị 16"] + lines).joined(separator: "\n")
        .write(toFile: seeds.docs + "/ct16-\(d).txt", atomically: true, encoding: .utf8)
    }
    try seeds.reindex()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/refs/16%2FCT-TTg", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.body.readableBytes < 100_000, "\(r.body.readableBytes) bytes")
        #expect(r.text.contains("và 115 dòng khác</a>"))
        #expect(r.text.contains("?q=16%2FCT-TTg\">và 115 dòng khác"), "the rest, marked in the document's text")
      }
      try await client.execute(uri: "/api/refs/16%2FCT-TTg?limit=100", method: .get) { r in
        let hits = r.json["hits"] as? [[String: Any]] ?? []
        #expect(hits.compactMap { ($0["citations"] as? [Any])?.count }.max() == 120, "the API carries every line")
      }
    }
  }

  @Test func aDocumentPageShowsItsTextMarkedItsCitationsAndItsMap() async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/documents/\(Self.citing16)?q=ch%E1%BB%89+th%E1%BB%8B", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("<mark>Chỉ</mark> <mark>thị</mark>"))
        #expect(r.text.contains("<dt>Cơ quan ban hành</dt><dd>UBND tỉnh Bắc Giang</dd>"))
        #expect(r.text.contains("href=\"/refs/16%2FCT-TTg\""), "a cited number links to its page")
        #expect(r.text.contains("<figure class=\"graph\""), "the citation map, drawn by Graphviz")
        #expect(r.text.contains("<svg"))
        #expect(r.text.contains("href=\"/documents/\(Self.citing16)/file\""))
      }
      try await client.execute(uri: "/refs/16%2FCT-TTg", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("Văn bản dẫn chiếu 16/CT-TTg"))
        #expect(r.text.contains("href=\"/documents/\(Self.citing16)\""))
        #expect(r.text.contains("dòng "), "with the lines that cite it")
      }
    }
  }

  @Test func aLongTextIsPagedAndEachPageIsSmall() async throws {
    let seeds = try SeedServer()
    let line = "Điều khoản về quản lý đất đai và xây dựng nông thôn mới trên địa bàn tỉnh.\n"
    try (String(repeating: line, count: 4_000)).write(
      toFile: seeds.docs + "/luat-dai.txt", atomically: true, encoding: .utf8)
    try seeds.reindex()
    try await seeds.application().test(.router) { client in
      var pages = 0
      try await client.execute(uri: "/documents/luat-dai?q=dat+dai", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.body.readableBytes < 100_000, "\(r.body.readableBytes) bytes")
        #expect(r.text.contains("<mark>đất</mark> <mark>đai</mark>"))
        let m = r.text.firstRange(of: /trang 1\/(\d+)/)
        pages = m.flatMap { Int(r.text[$0].split(separator: "/").last ?? "") } ?? 0
        #expect(r.text.contains("href=\"/documents/luat-dai?q=dat%20dai&amp;page=2\""))
      }
      #expect(pages > 2)
      try await client.execute(uri: "/documents/luat-dai?page=\(pages)", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("Trang \(pages)/\(pages)"))
        #expect(r.text.contains("Điều khoản về quản lý"))
        #expect(!r.text.contains("rel=\"next\""))
      }
    }
  }

  @Test func theOriginalIsServedOnlyWhileItIsTheIndexedFile() async throws {
    let seeds = try SeedServer()
    let path = seeds.docs + "/\(Self.vietA).txt"
    let original = try Data(contentsOf: URL(fileURLWithPath: path))
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: "/documents/\(Self.vietA)/file", method: .get) { r in
        #expect(r.status == .ok)
        #expect(Data(r.body.readableBytesView) == original)
        #expect(r.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"\(Self.vietA).txt\"") == true)
        #expect(r.headers[.contentSecurityPolicy] == "default-src 'none'; sandbox")
      }
      try (String(decoding: original, as: UTF8.self) + "\nsửa sau khi lập chỉ mục").write(
        toFile: path, atomically: false, encoding: .utf8)
      try await client.execute(uri: "/documents/\(Self.vietA)/file", method: .get) { r in
        #expect(r.status == .conflict)
        #expect(r.text.contains("Tệp gốc đã thay đổi"))
        #expect(!r.text.contains("sửa sau khi lập chỉ mục"))
      }
      // The document's page no longer offers the download, and says why.
      try await client.execute(uri: "/documents/\(Self.vietA)", method: .get) { r in
        #expect(!r.text.contains("/file\""))
        #expect(r.text.contains("<p class=\"note\">Tệp gốc đã thay đổi từ khi lập chỉ mục"))
      }
      try FileManager.default.removeItem(atPath: path)
      try await client.execute(uri: "/documents/\(Self.vietA)", method: .get) { r in
        #expect(r.text.contains("<p class=\"note\">Tệp gốc không còn đọc được."))
      }
    }
  }

  @Test func nothingOutsideTheIndexIsServed() async throws {
    let seeds = try SeedServer()
    let outside = try TemporaryDirectory()
    try "mật khẩu: hunter2".write(toFile: outside.sub("secret.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: seeds.docs + "/link-secret.txt", withDestinationPath: outside.sub("secret.txt"))
    try seeds.reindex()  // the link is not followed, so not indexed
    try await seeds.application().test(.router) { client in
      for uri in [
        "/documents/..%2F..%2Fetc%2Fpasswd", "/documents/..%2F..%2Fetc%2Fpasswd/file", "/documents/link-secret/file",
        "/documents/link-secret", "/documents/%2Fetc%2Fpasswd/file", "/documents/\(outside.sub("secret.txt"))/file",
      ] {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .notFound, "\(uri): \(r.status)")
          #expect(!r.text.contains("hunter2") && !r.text.contains("root:"), "\(uri)")
        }
      }
    }
  }

  @Test func documentTextIsEscapedOnEveryPage() async throws {
    let seeds = try SeedServer()
    let hostile = """
      UBND TỈNH <script>alert(1)</script>
      Số: 77/<b>CV</b>-UBND
      V/v <script>alert("x")</script> "onmouseover=alert(2) x='
      Kính gửi: <img src=x onerror=alert(3)>
      Căn cứ Chỉ thị số 16/CT-TTg; công ty Việt Á <script>alert(4)</script>
      """
    try hostile.write(toFile: seeds.docs + "/x\"onload=alert(5).txt", atomically: true, encoding: .utf8)
    try seeds.reindex()
    try await seeds.application().test(.router) { client in
      var id = ""
      try await client.execute(uri: "/?q=alert", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.text.contains("&lt;script&gt;"))
        if let m = r.text.firstRange(of: /href="\/documents\/([^"?]+)/) {
          id = String(r.text[m].dropFirst("href=\"/documents/".count))
        }
      }
      #expect(id.hasPrefix("x%22onload"), "the id is percent-encoded in the link: \(id)")
      for uri in ["/?q=alert", "/documents/\(id)?q=alert", "/refs/16%2FCT-TTg", "/?q=%3Cscript%3E", "/documents/\(id)"]
      {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .ok, "\(uri)")
          for raw in ["<script", "<img", "<b>", "\"onload=alert", "\"onmouseover", "x='"] {
            #expect(!r.text.contains(raw), "\(uri) has \(raw) unescaped")
          }
        }
      }
    }
  }

  @Test(arguments: [
    "/?q=%E0%A4%A", "/?q=%FF%FE", "/?q=viet&colour=red", "/?q=viet&since=2022-13-45", "/?q=viet&offset=-1",
    "/documents/\(PageTests.vietA)?page=x", "/refs/16%2FCT-TTg?date=yesterday", "/nothing-here", "/?q=viet&year=abc",
  ])
  func badRequestsGetAnHTMLErrorPage(uri: String) async throws {
    let seeds = try SeedServer()
    try await seeds.application().test(.router) { client in
      try await client.execute(uri: uri, method: .get) { r in
        #expect((400..<500).contains(r.status.code), "\(uri): \(r.status)")
        #expect(r.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
        #expect(r.text.contains("<h1>"), "\(uri)")
      }
    }
  }

  @Test func boundsOnTheQueryAndThePage() async throws {
    let seeds = try SeedServer()
    let long = String(repeating: "a", count: 5_000)
    @Sendable func agencies(_ n: Int) -> String { (0..<n).map { "agency=UBND+\($0)" }.joined(separator: "&") }
    try await seeds.application().test(.router) { client in
      let refused = [
        "/api/search?q=viet&limit=1001", "/api/search?q=\(long)", "/?q=\(long)",
        // A page ending past the 10,000th hit (the page's own 20, refs' 100 when no limit is given).
        "/api/search?q=viet&offset=9991&limit=10", "/?q=viet&offset=9981", "/api/refs/16%2FCT-TTg?offset=9901",
        "/refs/16%2FCT-TTg?offset=9981", "/api/search?q=viet&offset=\(Int.max)&limit=1000",
        "/?q=viet&offset=\(Int.max)",
        "/?q=viet&offset=9000000&offset=",  // a form's blank field does not hide the value before it
        // More values of one filter than `Filters.maxValues`.
        "/api/search?q=viet&\(agencies(Filters.maxValues + 1))", "/?q=viet&\(agencies(Filters.maxValues + 1))",
      ]
      for uri in refused {
        try await client.execute(uri: uri, method: .get) { r in
          #expect(r.status == .badRequest, "\(uri.prefix(60)): \(r.status)")
          #expect(String(buffer: r.body).contains("error") || uri.hasPrefix("/?") || uri.hasPrefix("/refs"))
        }
      }
      let allowed = [
        "/api/search?q=viet&limit=1000", "/api/search?q=viet&offset=9990&limit=10", "/?q=viet&offset=9980",
        "/api/search?q=viet&\(agencies(Filters.maxValues))",
      ]
      for uri in allowed {
        try await client.execute(uri: uri, method: .get) { r in #expect(r.status == .ok, "\(uri.prefix(60))") }
      }
    }
  }
}
