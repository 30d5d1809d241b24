// .rtf through Debian's unrtf. Its HTML output is read, not its text output, which writes `?` for
// every character outside Latin-1; the HTML decoder drops unrtf's header comments with the rest
// of the markup. unrtf 0.21 garbles Vietnamese in two ways, so the file it reads is first
// rewritten by `UnrtfInput`.

extension ExternalToolDecoder {
  func decodeRTF(_ path: String) throws(DecodeError) -> DecodedDocument {
    guard let unrtf = locator.locate("unrtf") else {
      throw .missingHelper(program: "unrtf", debianPackage: "unrtf")
    }
    let bytes = try DecodeFileIO.read(path, limit: .max)  // the caller checked the size
    guard bytes.starts(with: Array("{\\rtf".utf8)) else { throw .damaged("not an RTF file") }
    // HTML spells a Vietnamese letter in up to 8 bytes (`&#7879;`) where the text takes 3.
    let htmlCap = maxOutput.multipliedReportingOverflow(by: 3).partialValue
    let result = try DecodeFileIO.withTemporaryFile(UnrtfInput.prepare(bytes), suffix: ".rtf") {
      prepared throws(DecodeError) in
      try HelperProcess.run(
        unrtf, ["--html", prepared], timeout: timeout, maxOutput: htmlCap, memoryLimit: memoryLimit)
    }
    guard result.status == 0 else {
      throw .damaged(Self.firstLine(result.stderr) ?? "unrtf exited with status \(result.status)")
    }
    var document = try HTMLDecoder.decode(result.stdout, maxTextBytes: maxOutput)
    document.format = .rtf
    document.encoding = .helper
    return document
  }
}
