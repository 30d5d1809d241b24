import Foundation
import Testing

@testable import VanbanKit

@Suite("Extract: PartialDate")
struct PartialDateTests {
  @Test(arguments: [
    ("2022", "2022"), ("2022-03", "2022-03"), ("2022-03-01", "2022-03-01"), ("01/3/2022", "2022-03-01"),
    ("1/3/2022", "2022-03-01"), ("3/2022", "2022-03"), ("05-12-2022", "2022-12-05"),
    ("ngày 05 tháng 12 năm 2022", "2022-12-05"), ("Ngày 5 tháng 12 năm 2022", "2022-12-05"),
    ("ngày   tháng 01 năm 2022", "2022-01"), ("ngày tháng năm 2022", "2022"),
    ("ngay 19 thang 8 nam 2021", "2021-08-19"),
  ])
  func parses(_ s: String, _ iso: String) {
    #expect(PartialDate(parsing: s)?.iso == iso)
  }

  @Test(arguments: [
    "", "2022-13", "31/2/2022", "32/1/2022", "hôm qua", "2022/03/01x", "ngày 5 tháng 13 năm 2022", "16/CT-TTg",
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
}
