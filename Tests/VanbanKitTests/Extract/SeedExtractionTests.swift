import Foundation
import Testing

@testable import VanbanKit

/// The five seed dispatches (corpus/) against Fixtures/expected.json (a copy of shared/seeds/expected.json),
/// every field.
@Suite("Extract: seeds")
struct SeedExtractionTests {
  struct Expected: Decodable {
    var type: String?
    var number: String?
    var issuer: String?
    var province: String?
    var date: String?
    var subject: String?
    var recipients: [String]
    var signer: String?
    var signer_title: String?
    var references: [String]
    var companies: [String]
  }

  struct File: Decodable { var documents: [String: Expected] }

  @Test func everyFieldOfEverySeed() throws {
    let seeds = TestPaths.corpus
    let file = try JSONDecoder().decode(
      File.self, from: Data(contentsOf: ExtractFixtures.fixtures.appendingPathComponent("expected.json")))
    #expect(file.documents.count == 5)
    let extractor = MetadataExtractor()
    for (name, want) in file.documents.sorted(by: { $0.key < $1.key }) {
      let text = try ExtractFixtures.normalizedText(seeds.appendingPathComponent(name + ".txt"))
      let got = extractor.extract(from: text)
      func check(_ field: String, _ g: String?, _ w: String?) {
        #expect(
          ExtractFixtures.same(g, w),
          "\(name) \(field): got \(g.map { "\"\($0)\"" } ?? "nil"), want \(w.map { "\"\($0)\"" } ?? "nil")")
      }
      func checkList(_ field: String, _ g: [String], _ w: [String]) {
        #expect(
          g.map(TextNormalizer.normalize) == w.map(TextNormalizer.normalize), "\(name) \(field): got \(g), want \(w)")
      }
      check("type", got.type, want.type)
      check("number", got.number, want.number)
      check("issuer", got.issuer, want.issuer)
      check("province", got.province, want.province)
      check("date", got.date?.iso, want.date)
      check("subject", got.subject, want.subject)
      checkList("recipients", got.recipients, want.recipients)
      check("signer", got.signer, want.signer)
      check("signer_title", got.signerTitle, want.signer_title)
      checkList("references", got.references.map(\.number), want.references)
      checkList("companies", got.companies, want.companies)
    }
  }
}
