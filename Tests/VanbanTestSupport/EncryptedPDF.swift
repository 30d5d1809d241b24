// A password-protected PDF written at test time with python3 + fpdf2 (CI: `make deps`), for the
// "encrypted PDF" reason: poppler refuses it without the password, as it does a clerk's file.

import Foundation

public enum EncryptedPDF {
  /// Writes a one-page PDF of `text` (ASCII) that opens only with the user password `password`.
  public static func write(text: String, password: String, to url: URL) throws {
    guard let python3 = ProcessRunner.which("python3") else {
      throw PDFDocuments.PDFError("python3 is needed to write .pdf")
    }
    let script = """
      import sys
      from fpdf import FPDF
      doc = FPDF()
      doc.add_page()
      doc.set_font("helvetica", size=12)
      doc.cell(text=sys.argv[1])
      doc.set_encryption(owner_password="owner-" + sys.argv[2], user_password=sys.argv[2])
      doc.output(sys.argv[3])
      """
    let r = try ProcessRunner.run(python3, ["-c", script, text, password, url.path])
    guard r.status == 0 else {
      throw PDFDocuments.PDFError("python3/fpdf2 could not write an encrypted PDF: \(r.stderr)")
    }
  }
}
