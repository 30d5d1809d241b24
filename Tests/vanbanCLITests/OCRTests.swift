// OCR through the binary, on scans made in the test from known text (ScannedDocuments): scanned
// PDFs, images and a PDF mixing typed and scanned pages; the cache; `--ocr never`; a missing
// tesseract or Vietnamese model; a page past its time limit. tesseract-ocr and tesseract-ocr-vie
// are installed by `make deps`: without them these tests fail, they never skip.

import Foundation
import Testing
import VanbanKit

@Suite(.serialized) struct OCRTests {
  /// tesseract with its Vietnamese model, pdftoppm, and python3 with Pillow: required, not optional.
  static func requireTools() throws {
    let tesseract = try #require(ProcessRunner.which("tesseract"), "tesseract-ocr is not installed (make deps)")
    let langs = try ProcessRunner.run(tesseract, ["--list-langs"])
    try #require(
      langs.stdout.split(separator: "\n").contains("vie"), "tesseract-ocr-vie is not installed (make deps)")
    try #require(ProcessRunner.which("pdftoppm") != nil, "poppler-utils is not installed (make deps)")
    try #require(PDFDocuments.canWrite, "python3 with fpdf2/Pillow and fonts-dejavu-core are needed (make deps)")
  }

  static func show(_ ws: Workspace, _ id: String) throws -> [String: Any] {
    let r = try ws.run("show", id, "--format", "json")
    #expect(r.status == 0, "show \(id): \(r.stderr)")
    return r.json
  }

  /// Ten one-page scans of dispatches (the five seeds and five generated ones, two of those naming
  /// Việt Á): the number and date come out as from the typed text in at least 9, and `viet a`
  /// finds every scan whose page shows it. The figures (word recall, cost per page) are printed.
  @Test func scannedDispatchesAreReadAndSearchable() throws {
    try Self.requireTools()
    let ws = try Workspace(seeds: false)
    let typed = ws.root.appendingPathComponent("typed")
    try FileManager.default.createDirectory(at: typed, withIntermediateDirectories: true)
    let generated = ws.root.appendingPathComponent("generated")
    try ProcessRunner.generateCorpus(out: generated, docs: 22, seed: 7)
    var sources: [(name: String, text: String)] = []
    for f in try FileManager.default.contentsOfDirectory(atPath: CLI.seeds.path).sorted() where f.hasSuffix(".txt") {
      sources.append(
        ("seed-" + f.prefix(3), try String(contentsOf: CLI.seeds.appendingPathComponent(f), encoding: .utf8)))
    }
    for n in [0, 1, 2, 7, 21] {
      let url = generated.appendingPathComponent(String(format: "0000/doc%07d.txt", n))
      sources.append(("gen-\(n)", try String(contentsOf: url, encoding: .utf8)))
    }
    let jobs = sources.enumerated().map { i, s in
      ScannedDocuments.Job(
        text: s.text, out: ws.corpus.appendingPathComponent(s.name + ".pdf"), tilt: [0.3, -0.4, 0.5, -0.2][i % 4])
    }
    // The typed text of each page, indexed apart, is what the scan's fields are held to.
    var drawn: [String: String] = [:]
    for (text, s) in zip(try ScannedDocuments.write(jobs), sources) {
      drawn[s.name] = text
      try text.write(to: typed.appendingPathComponent(s.name + ".txt"), atomically: true, encoding: .utf8)
    }
    let cache = ws.root.appendingPathComponent("ocr-cache")
    let r = try ws.index(["--json", "--ocr-cache", cache.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.json["added"] as? Int == 10, "\(r.stdout) \(r.stderr)")
    #expect(r.json["ocrPages"] as? Int == 10, "\(r.stdout)")
    let reference = ws.root.appendingPathComponent("typed-index")
    #expect(try CLI.run(["index", typed.path, "--index", reference.path, "--quiet"]).status == 0)

    func fields(_ index: URL, _ format: String) throws -> [String: (number: String?, date: String?)] {
      let all = try CLI.run(
        ["search", "--index", index.path, "--format", "json", "--limit", "50", "--all-copies", "format:" + format])
      var out: [String: (String?, String?)] = [:]
      for h in all.hits { out[h["id"] as? String ?? ""] = (h["number"] as? String, h["date"] as? String) }
      return out
    }
    let scanned = try fields(ws.index, "pdf"), expected = try fields(reference, "txt")
    var numbers = 0, dates = 0
    for s in sources {
      if let e = expected[s.name], let got = scanned[s.name] {
        if e.number != nil, got.number == e.number { numbers += 1 }
        if e.date != nil, got.date == e.date { dates += 1 }
      }
    }
    // Documents that name no number or date in their text cannot have one extracted.
    let withNumber = sources.filter { expected[$0.name]?.number != nil }.count
    let withDate = sources.filter { expected[$0.name]?.date != nil }.count
    #expect(numbers >= withNumber - 1 && withNumber >= 9, "numbers \(numbers)/\(withNumber): \(scanned) vs \(expected)")
    #expect(dates >= withDate - 1 && withDate >= 9, "dates \(dates)/\(withDate): \(scanned) vs \(expected)")

    let vietA = Set(sources.filter { drawn[$0.name]!.contains("Việt Á") }.map(\.name))
    #expect(vietA.count >= 3, "scans naming Việt Á: \(vietA)")
    let hits = try ws.search("viet", "a", "--limit", "50", "--all-copies")
    let found = Set(hits.hits.compactMap { $0["id"] as? String })
    #expect(vietA.isSubset(of: found), "viet a found \(found.sorted()), expected \(vietA.sorted())")
    #expect(hits.hits.allSatisfy { $0["ocr"] as? Bool == true }, "every hit is marked ocr")
    let text = try CLI.run(["search", "--index", ws.index.path, "viet", "a"])
    #expect(text.stdout.contains("[OCR]"), "\(text.stdout)")

    // The figures: the share of each page's words that OCR read, accented and folded.
    var total = 0, accented = 0, folded = 0
    for s in sources {
      let shown = try Self.show(ws, s.name)
      #expect(shown["ocr"] as? Bool == true)
      let recall = OCRRecall(source: drawn[s.name]!, read: shown["text"] as? String ?? "")
      total += recall.words
      accented += recall.accented
      folded += recall.folded
    }
    let seconds = r.json["seconds"] as? Double ?? 0
    print(
      String(
        format:
          "OCR quality on 10 scans: word recall %.3f accented, %.3f folded; number %d/%d, date %d/%d, Việt Á %d/%d; %.2f s a page (wall, 2 cores)",
        Double(accented) / Double(max(1, total)), Double(folded) / Double(max(1, total)), numbers, withNumber, dates,
        withDate, vietA.intersection(found).count, vietA.count, seconds / 10))
    #expect(Double(folded) / Double(max(1, total)) >= 0.9, "folded recall \(folded)/\(total)")

    // A rebuild reads the scans from the cache: an entry changed on disk is what the index gets.
    let entries = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".txt") }
    #expect(entries.count == 10, "\(entries)")
    for e in entries {
      try "chữ từ bộ nhớ đệm xyzzy".write(to: cache.appendingPathComponent(e), atomically: true, encoding: .utf8)
    }
    let again = try ws.index(["--json", "--rebuild", "--ocr-cache", cache.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      try ws.search("xyzzy", "--limit", "50", "--all-copies").hits.count == 10, "the rebuild took the cached text")
  }

  /// A PDF with a typed page 1 and a scanned page 2 keeps both, in order; a PNG is read; with
  /// `--ocr never` the scans are skipped as today and the image is not indexed.
  @Test func mixedPDFsAndImages() throws {
    try Self.requireTools()
    let ws = try Workspace(seeds: false)
    try ScannedDocuments.write([
      ScannedDocuments.Job(
        text: "Trang hai được quét: kiểm tra thiết bị y tế tại Công ty Việt Á.",
        out: ws.corpus.appendingPathComponent("mixed.pdf"), kind: .mixed,
        firstPage: "Trang một đánh máy: tiêm chủng vắc xin cho học sinh."),
      ScannedDocuments.Job(
        text: "Thông báo về phòng cháy chữa cháy khu dân cư.", out: ws.corpus.appendingPathComponent("notice.png"),
        kind: .png),
    ])
    let cache = ws.root.appendingPathComponent("ocr-cache").path
    let r = try ws.index(["--json", "--ocr-cache", cache])
    #expect(r.status == 0)
    #expect(r.json["added"] as? Int == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.json["ocrPages"] as? Int == 2, "one page of the PDF and the image: \(r.stdout)")
    let mixed = try Self.show(ws, "mixed")
    let text = mixed["text"] as? String ?? ""
    let typed = try #require(text.range(of: "tiêm chủng"), "\(text)")
    let scanned = try #require(text.range(of: "Việt Á"), "\(text)")
    #expect(typed.lowerBound < scanned.lowerBound, "page order kept: \(text)")
    #expect(mixed["ocr"] as? Bool == true)
    #expect(try ws.search("phong chay chua chay").hits.first?["format"] as? String == "png")

    // `always` reads the typed page too: every page of the PDF, and the image.
    let always = try ws.index(["--json", "--rebuild", "--ocr", "always", "--ocr-cache", cache])
    #expect(always.json["ocrPages"] as? Int == 3, "\(always.stdout) \(always.stderr)")
    #expect(try ws.search("tiem chung").hits.first?["ocr"] as? Bool == true)

    let never = try ws.index(["--json", "--rebuild", "--ocr", "never"])
    #expect(never.json["added"] as? Int == 1, "the typed page alone: \(never.stdout) \(never.stderr)")
    #expect(try Self.show(ws, "mixed")["ocr"] as? Bool == false)
    #expect(try ws.search("Việt Á").status == 1, "the scanned page is not read")
  }

  /// Without tesseract, or without its Vietnamese model, each is named once with its Debian
  /// package, and the scans are skipped for that reason; the typed files are indexed.
  @Test func missingTesseractOrModelIsNamedOnce() throws {
    try Self.requireTools()
    let ws = try Workspace(seeds: false)
    try ws.write("typed.txt", "Công văn về tiêm chủng.\n")
    try ScannedDocuments.write(
      (1...2).map { ScannedDocuments.Job(text: "Quét \($0)", out: ws.corpus.appendingPathComponent("scan\($0).pdf")) })
    let bin = ws.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    for tool in ["pdftotext", "pdfinfo", "pdftoppm"] {
      try FileManager.default.createSymbolicLink(
        atPath: bin.appendingPathComponent(tool).path, withDestinationPath: try #require(ProcessRunner.which(tool)))
    }
    let without = try CLI.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"], environment: ["PATH": bin.path])
    #expect(without.status == 0)
    #expect(without.json["added"] as? Int == 1)
    #expect(without.json["skipReasons"] as? [String: Int] == ["helper-missing": 2], "\(without.stdout)")
    #expect(without.stderr.components(separatedBy: "apt-get install tesseract-ocr)").count == 2, "\(without.stderr)")

    // A tesseract that knows English only.
    let fake = bin.appendingPathComponent("tesseract")
    try "#!/bin/sh\necho 'List of available languages in \"/x/\" (1):'\necho eng\n".write(
      to: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    let noModel = try CLI.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"], environment: ["PATH": bin.path])
    #expect(noModel.stderr.components(separatedBy: "apt-get install tesseract-ocr-vie").count == 2, "\(noModel.stderr)")
    #expect(noModel.json["skipped"] as? Int == 2, "\(noModel.stdout)")
  }

  /// A page past `--ocr-timeout` is reported with its page number; the typed page is still indexed.
  @Test func aPagePastItsTimeLimitIsReported() throws {
    try Self.requireTools()
    let ws = try Workspace(seeds: false)
    try ScannedDocuments.write([
      ScannedDocuments.Job(
        text: "Trang quét", out: ws.corpus.appendingPathComponent("slow.pdf"), kind: .mixed,
        firstPage: "Trang một đánh máy về phòng chống dịch bệnh trong trường học.")
    ])
    let bin = ws.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    for tool in ["pdftotext", "pdfinfo", "pdftoppm"] {
      try FileManager.default.createSymbolicLink(
        atPath: bin.appendingPathComponent(tool).path, withDestinationPath: try #require(ProcessRunner.which(tool)))
    }
    // Answers the probe at once, then takes 30 s over any page.
    let fake = bin.appendingPathComponent("tesseract")
    try """
    #!/bin/sh
    case "$1" in
      --list-langs) echo 'List of available languages in "/x/" (1):'; echo vie ;;
      --version) echo 'tesseract 0.0-test' ;;
      *) exec /bin/sleep 30 ;;
    esac

    """.write(to: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    let start = Date()
    let r = try CLI.run(
      [
        "index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json", "--ocr-timeout", "1", "--ocr-cache",
        ws.root.appendingPathComponent("cache").path,
      ], environment: ["PATH": bin.path])
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(r.json["added"] as? Int == 1, "\(r.stdout) \(r.stderr)")
    // The fake tesseract sleeps past the page's limit; on a loaded machine rendering the page
    // (pdftoppm) can already use up the second. Either way the page is the one reported.
    #expect(
      ["tesseract", "pdftoppm"].contains { r.stderr.contains("slow.pdf: page 2: \($0) timed out after 1 s") },
      "\(r.stderr)")
  }
}

extension OCRTests {
  /// An image too large to read (40,000 pixels a side, 1.6 MB as a PNG) is skipped with a reason;
  /// tesseract runs under the helper memory limit, and the run goes on.
  @Test func aHugeImageIsSkippedWithAReason() throws {
    try Self.requireTools()
    let ws = try Workspace(seeds: false)
    try ws.write("typed.txt", "Công văn về tiêm chủng.\n")
    let png = ws.corpus.appendingPathComponent("huge.png")
    let make = "from PIL import Image; Image.new('L', (40000, 40000), 255).save(__import__('sys').argv[1])"
    #expect(try ProcessRunner.run("python3", ["-c", make, png.path]).status == 0)
    let r = try ws.index(["--json"])
    #expect(r.status == 0)
    #expect(r.json["added"] as? Int == 1, "\(r.stdout)")
    #expect(r.stderr.contains(png.path + ": tesseract failed"), "\(r.stderr)")
  }
}

/// The share of a source's words found in OCR text: exact (accents and case as written, case
/// folded) and folded (without diacritics), each word counted as often as the source has it.
struct OCRRecall {
  var words = 0, accented = 0, folded = 0

  init(source: String, read: String) {
    func words(_ s: String) -> [String] {
      TextNormalizer.normalize(s).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
    func fold(_ w: String) -> String {
      w.replacingOccurrences(of: "đ", with: "d").folding(options: .diacriticInsensitive, locale: nil)
    }
    var exact: [String: Int] = [:], bare: [String: Int] = [:]
    for w in words(read) {
      exact[w, default: 0] += 1
      bare[fold(w), default: 0] += 1
    }
    for w in words(source) {
      self.words += 1
      if let n = exact[w], n > 0 {
        exact[w] = n - 1
        accented += 1
      }
      if let n = bare[fold(w)], n > 0 {
        bare[fold(w)] = n - 1
        folded += 1
      }
    }
  }
}
