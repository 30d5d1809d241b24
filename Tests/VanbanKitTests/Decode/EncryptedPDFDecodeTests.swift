import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

/// A PDF that opens only with a password is `.encrypted`, said plainly, not poppler's error.
@Suite("Decode: encrypted pdf")
struct EncryptedPDFDecodeTests {
  @Test func passwordProtectedPDFIsEncrypted() throws {
    try #require(ProcessRunner.which("pdftotext") != nil, "poppler-utils is needed: make deps")
    let dir = try TemporaryDirectory()
    let pdf = dir.appending("locked.pdf")
    try EncryptedPDF.write(text: "Cong ty Viet A", password: "matkhau", to: pdf)
    #expect(throws: DecodeError.encrypted) { try DocumentDecoder().decode(fileAt: pdf.path) }
    #expect(DecodeError.encrypted.description == "encrypted PDF (password required)")
    #expect(SkipReason(DecodeError.encrypted) == .encrypted)
  }
}
