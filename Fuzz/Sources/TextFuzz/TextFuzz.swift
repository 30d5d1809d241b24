// libFuzzer entry point for the text path: any bytes, as a .txt, .html, .docx or .odt file, through
// decode → normalise → extract → tokenise. Decoding may throw DecodeError; nothing may trap.

import Foundation
import VanbanKit

private let decoder = DocumentDecoder(maxFileSize: 1 << 20)
private let extractor = MetadataExtractor()
private let formats: [DocumentFormat] = [.txt, .html, .docx, .odt]

@_cdecl("LLVMFuzzerTestOneInput")
public func textFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let format = formats[Int(data[0]) % formats.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let decoded: DecodedDocument
  do {
    decoded = try decoder.decode(bytes: bytes, format: format)
  } catch {
    return 0  // typed DecodeError: a clear skip reason
  }
  let text = TextNormalizer.normalize(decoded.text)
  let metadata = extractor.extract(from: text)
  var count = 0
  WordTokenizer.forEachWord(in: text) { w in
    precondition(!w.folded.isEmpty, "empty folded word")
    count += 1
  }
  for r in metadata.references { precondition(!r.key.isEmpty) }
  _ = count
  return 0
}
