import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite("Extract: PartialDate")
struct PartialDateTests {
  @Test(arguments: [
    ("2022", "2022"), ("2022-03", "2022-03"), ("2022-03-01", "2022-03-01"), ("01/3/2022", "2022-03-01"),
    ("1/3/2022", "2022-03-01"), ("3/2022", "2022-03"), ("05-12-2022", "2022-12-05"),
    ("ngày 05 tháng 12 năm 2022", "2022-12-05"), ("Ngày 5 tháng 12 năm 2022", "2022-12-05"),
    ("ngày   tháng 01 năm 2022", "2022-01"), ("ngày tháng năm 2022", "2022"),
    ("ngay 19 thang 8 nam 2021", "2021-08-19"), ("ngày ... tháng ... năm 2024", "2024"),
    ("ngày …… tháng 3 năm 2024", "2024-03"), ("ngày __ tháng __ năm 2024", "2024"),
  ])
  func parses(_ s: String, _ iso: String) {
    #expect(PartialDate(parsing: s)?.iso == iso)
  }

  @Test(arguments: [
    "", "2022-13", "31/2/2022", "32/1/2022", "hôm qua", "2022/03/01x", "ngày 5 tháng 13 năm 2022", "16/CT-TTg",
    "ngày. Tháng 3 năm 2024", "ngày ... tháng ... năm ...",
  ])
  func rejects(_ s: String) {
    #expect(PartialDate(parsing: s) == nil)
  }

  @Test func formsAndOrder() throws {
    let d = try #require(PartialDate(parsing: "5/1/2022"))
    #expect(d.sortKey == "20220105")
    #expect(d.vietnamese == "5/1/2022")
    let m = try #require(PartialDate(parsing: "2022-01"))
    #expect(m.sortKey == "20220100")
    #expect(m.vietnamese == "01/2022")
    let y = try #require(PartialDate(parsing: "2022"))
    #expect(y.sortKey == "20220000" && y.vietnamese == "2022")
    #expect(y < m && m < d)
    #expect(d.description == "2022-01-05")
  }

  @Test func codableAsISOString() throws {
    let d = try #require(PartialDate(parsing: "2022-01"))
    let data = try JSONEncoder().encode([d])
    #expect(String(decoding: data, as: UTF8.self) == "[\"2022-01\"]")
    #expect(try JSONDecoder().decode([PartialDate].self, from: data) == [d])
  }

  /// The stored form is read by `parseISO`, not the full parser: the two must agree on every
  /// string, and the padded forms must be what `String(format:)` wrote before them.
  @Test func isoFastPathAgreesWithTheParser() throws {
    var strings = [
      "2022", "2022-03", "2022-03-01", "2020-02-29", "2021-02-29", "0999", "1000", "2999", "3000",
      "2022-00", "2022-13", "2022-1", "2022-01-1", "2022-01-00", "2022-04-31", "2022/03/01", "20220301",
      "2022-03-01 ", " 2022", "２０２２", "2022-03-0a", "abcd", "", "2022-03-01-01",
    ]
    var rng = SeededRandom(environmentOr: 0x1A7E)
    for _ in 0..<2_000 {
      let y = Int.random(in: 990...3010, using: &rng), m = Int.random(in: 0...13, using: &rng)
      let d = Int.random(in: 0...32, using: &rng)
      strings += [
        String(format: "%04d", y), String(format: "%04d-%02d", y, m), String(format: "%04d-%02d-%02d", y, m, d),
      ]
    }
    for s in strings {
      let fast = PartialDate.parseISO(s)
      if let fast { #expect(fast == PartialDate(parsing: s), "\(s) (seed \(rng.seed))") }
      if let date = fast ?? PartialDate(parsing: s) {
        // What `iso` writes, and so every stored date, takes the fast path.
        #expect(PartialDate.parseISO(date.iso) == date, "\(s) (seed \(rng.seed))")
        #expect(date.sortKey == String(format: "%04d%02d%02d", date.year, date.month ?? 0, date.day ?? 0))
        if let m = date.month, date.day == nil { #expect(date.vietnamese == String(format: "%02d/%04d", m, date.year)) }
        #expect(try JSONDecoder().decode([PartialDate].self, from: try JSONEncoder().encode([date])) == [date])
      }
    }
  }

  @Test func paddedWritesWhatPrintfWrites() {
    for n in [0, 1, 9, 10, 99, 100, 999, 1000, 2022, 12345, -1, -12] {
      #expect(PartialDate.padded(n, 4) == String(format: "%04d", n))
      #expect(PartialDate.padded(n, 2) == String(format: "%02d", n))
    }
  }
}
