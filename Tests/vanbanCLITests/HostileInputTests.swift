// Issue M, "safe to point at any folder": memory bombs, quadratic HTML, escape codes and
// unsearchable or oversized queries, each recreated here at test time, through the binary.

import Foundation
import Testing

@Suite(.serialized) struct HostileInputTests {
  /// A program run through env, its output read through files (no pipe to fill).
  static func shell(_ args: [String]) throws -> CLIResult {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-sh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.standardOutput = try FileHandle(forWritingTo: outURL)
    p.standardError = try FileHandle(forWritingTo: errURL)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return CLIResult(
      status: p.terminationStatus, stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
  }

  func reason(_ r: CLIResult, _ path: String) -> String? {
    r.stderr.split(separator: "\n").first { $0.hasPrefix(path + ": ") }.map { String($0.dropFirst(path.count + 2)) }
  }

  func summary(_ r: CLIResult) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
  }

  /// Runs python3 `script` with `args`; a missing python3 fails the test (`make deps` installs it).
  func python(_ script: String, _ args: [String]) throws -> Bool {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
      Issue.record("/usr/bin/python3 is missing (make deps installs it): the test files cannot be made")
      return false
    }
    let r = try Self.shell(["python3", "-c", script] + args)
    #expect(r.status == 0, "\(r.stderr)")
    return r.status == 0
  }

  /// `vanban ARGS` under GNU time: the result, and the peak RSS in KB of vanban and its helpers
  /// (wait4 reports the largest of a process and its reaped children). A missing GNU time fails
  /// the test (`make deps` installs it).
  func runMeasured(_ args: [String], within seconds: Int) throws -> (CLIResult, maxRSSKB: Int?) {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
      Issue.record("/usr/bin/time is missing (make deps installs it): peak memory cannot be measured")
      return (try Faults.run(args, within: Double(seconds)).0, nil)
    }
    let r = try Self.shell(
      ["timeout", "-s", "KILL", String(seconds), "/usr/bin/time", "-f", "maxrss_kb=%M", CLI.binary] + args)
    let line = r.stderr.split(separator: "\n").last { $0.hasPrefix("maxrss_kb=") }
    return (r, line.flatMap { Int($0.dropFirst("maxrss_kb=".count)) })
  }

  /// A 24 KB .odt of `<text:s text:c="1000"/>` (it expanded to 5 GB of spaces).
  static let odtBomb = """
    import sys, zipfile
    z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    body = '<text:s text:c="1000"/>' * 1000000
    z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
      '<text:p>CONG VAN ' + body + '</text:p></office:text></office:body></office:document-content>')
    z.close()
    """

  /// A few KB of PDF whose page draws a text form XObject that draws another, 40 times at each
  /// of 4 levels: 2.5 million text draws, which pdftotext holds in memory until the page ends.
  static let pdfBomb = """
    import sys
    levels, fan = 4, 40
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    def stream(d, content):
        return d[:-2] + b" /Length %d >>\\nstream\\n" % len(content) + content + b"\\nendstream"
    for k in range(levels):
        if k == 0:
            content = b"BT /F1 9 Tf 72 700 Td (" + b"Cong van so 16 " * 20 + b") Tj ET"
            res = b"/Resources << /Font << /F1 4 0 R >> >>"
        else:
            content = b"".join(b"q 1 0 0 1 %d %d cm /X%d Do Q " % (i % 6, -(i // 6), k - 1) for i in range(fan))
            res = b"/Resources << /Font << /F1 4 0 R >> /XObject << /X%d %d 0 R >> >>" % (k - 1, 5 + k - 1)
        objs[5 + k] = stream(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] " + res + b" >>", content)
    top = 5 + levels - 1
    objs[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> "
               b"/XObject << /X %d 0 R >> >> /Contents %d 0 R >>" % (top, top + 1))
    objs[top + 1] = stream(b"<< >>", b"/X Do")
    out = bytearray(b"%PDF-1.4\\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\\n" % n + objs[n] + b"\\nendobj\\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\\n0 %d\\n0000000000 65535 f \\n" % count
    for n in range(1, count):
        out += b"%010d 00000 n \\n" % offsets[n]
    out += b"trailer\\n<< /Size %d /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n" % (count, xref)
    open(sys.argv[1], "wb").write(out)
    """

  @Test func memoryBombsAreBoundedAndTheRestIsIndexed() throws {
    let ws = try Workspace()
    let odt = ws.corpus.appendingPathComponent("bomb.odt").path
    let pdf = ws.corpus.appendingPathComponent("bomb.pdf").path
    guard try python(Self.odtBomb, [odt]), try python(Self.pdfBomb, [pdf]) else { return }
    #expect(((try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0) < 8_000)
    // Two large plain-text files: they must not be held side by side while waiting for the writer.
    let line = "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai kế hoạch tiêm chủng vắc xin.\n"
    let big = String(repeating: line, count: (12 << 20) / line.utf8.count)
    for k in 0..<3 { try ws.write("big\(k).txt", "CÔNG VĂN\n" + big) }
    let (r, rss) = try runMeasured(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json", "--helper-memory", "100"], within: 170)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(reason(r, odt)?.contains("text") == true, "\(r.stderr)")
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
      #expect(reason(r, pdf) != nil, "\(r.stderr)")
    }
    #expect(summary(r)["added"] as? Int == 8, "\(r.stdout) \(r.stderr)")  // 5 seeds + 3 big files
    #expect(rss.map { $0 < 500 * 1024 } == true, "peak RSS \(rss.map(String.init) ?? "not measured") KB")
  }

  /// Text of nothing but line breaks or page breaks, just under the text cap: a line cost the
  /// extractor 32 bytes in each of two arrays, and 16 MB of empty lines peaked at 1.37 GB. Word
  /// XML of 200 MB of spaces and one processing instruction (2 KB zipped): the part was copied
  /// three times (0.8 GB), and two workers held one each. Both now stay under 500 MB, and the
  /// line-dense file's header and signature are still read.
  @Test func lineDenseTextAndHugeOfficePartsStayUnder500MB() throws {
    let ws = try Workspace()
    func head(_ n: Int) -> String { "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\nSố: \(n)/UBND-VX\nV/v tiêm chủng vắc xin\n" }
    let sign = "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Dũng\n"
    try ws.write("lines.txt", head(214) + String(repeating: "\n", count: 15_000_000) + sign)
    try ws.write("pages.txt", head(215) + String(repeating: "\u{0C}", count: 15_000_000) + sign)
    for k in 0..<2 {
      guard try python(Self.spaceDocx, [ws.corpus.appendingPathComponent("spaces\(k).docx").path]) else { return }
    }
    let (r, rss) = try runMeasured(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"], within: 170)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(summary(r)["added"] as? Int == 9, "\(r.stdout) \(r.stderr)")  // 5 seeds, 2 texts, 2 docx
    #expect(rss.map { $0 < 500 * 1024 } == true, "peak RSS \(rss.map(String.init) ?? "not measured") KB")
    let hits = try CLI.run(["search", "--index", ws.index.path, "tiem chung vac xin", "--format", "jsonl"])
    let found = hits.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    for (name, number) in [("lines.txt", "214/UBND-VX"), ("pages.txt", "215/UBND-VX")] {
      let hit = found.first { ($0["path"] as? String)?.hasSuffix("/" + name) == true }
      #expect(hit?["number"] as? String == number, "\(name): \(hits.stdout) \(hits.stderr)")
      #expect(hit?["signer"] as? String == "Lê Văn Dũng", "\(name): \(hits.stdout)")
    }
  }

  /// A .docx whose document.xml is 200 MB of spaces after one processing instruction.
  static let spaceDocx = """
    import sys, zipfile
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(('<?xml version="1.0" encoding="UTF-8"?><w:document ' + w + '><w:body><?pi x?>'
                     '<w:p><w:r><w:t>Kính gửi Sở Y tế</w:t></w:r></w:p>').encode())
            block = b" " * (1 << 20)
            for _ in range(200):
                f.write(block)
            f.write(b"</w:body></w:document>")
    """

  @Test func maxTextSkipsAFileWithAReason() throws {
    let ws = try Workspace()
    try ws.write("long.txt", "CÔNG VĂN\n" + String(repeating: "văn bản dài ", count: 200_000))
    let r = try Faults.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json", "--max-text", "1"], within: 60
    ).0
    #expect(r.status == 0)
    #expect(
      reason(r, ws.corpus.path + "/long.txt") == "more than 1 MB of text (limit set by --max-text)", "\(r.stderr)")
    #expect(summary(r)["added"] as? Int == 5)
  }

  @Test func quadraticHTMLIsIndexedQuickly() throws {
    let ws = try Workspace()
    try ws.write(
      "svg.html",
      "<p>CÔNG VĂN svgzz</p>" + String(repeating: "<svg>", count: 300_000) + String(repeating: "</b>", count: 300_000))
    try ws.write("nbsp.html", "<p>CÔNG VĂN nbspzz</p>" + String(repeating: "&nbsp;<br>", count: 80_000))
    try ws.write("amp.html", "<p>CÔNG VĂN ampzz</p>" + String(repeating: "&amp;", count: 600_000))
    let t0 = Date()
    let (r, finished) = try Faults.run(
      ["index", ws.corpus.path, "--index", ws.index.path, "--quiet", "--json"], within: 120)
    let seconds = Date().timeIntervalSince(t0)
    #expect(finished && r.status == 0, "\(r.stderr)")
    #expect(seconds < 30, "took \(seconds) s")
    #expect(summary(r)["added"] as? Int == 8, "\(r.stdout) \(r.stderr)")
  }

  @Test func escapeCodesInDocumentsAndNamesArePrintedVisibly() throws {
    let ws = try Workspace(seeds: false)
    try ws.write(
      "evil\u{1B}[2J.txt", "CÔNG VĂN\nV/v kiểm tra \u{1B}]0;pwned\u{7} zebraquynh\nnội dung zebraquynh \u{1B}[8m ẩn\n")
    try ws.write("evil.html", "<title>t&#27;[31m</title><p>CÔNG VĂN</p><p>đỏ &#27;[31m xylozebra &#x1b;[0m</p>")
    try ws.write("hóa đơn\u{202E}fdp.exe.txt", "CÔNG VĂN\nV/v thanh toán \u{2067}quynhbidi\u{2069}\n")
    #expect(try ws.index().status == 0)
    for q in ["zebraquynh", "xylozebra"] {
      let r = try CLI.run([
        "search", "--index", ws.index.path, q, "--color", "never", "--context", "9223372036854775807",
      ])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{7}"), "\(r.stdout.debugDescription)")
    }
    let r = try CLI.run(["search", "--index", ws.index.path, "zebraquynh", "--color", "never"])
    #expect(r.stdout.contains("\\x1b"), "\(r.stdout)")
    // A name or subject cannot print the rest of its line backwards.
    let bidi = try CLI.run(["search", "--index", ws.index.path, "quynhbidi", "--color", "never"])
    #expect(bidi.status == 0, "\(bidi.stderr)")
    let reordering = bidi.stdout.unicodeScalars.contains {
      [0x202B, 0x202E, 0x2067, 0x2068].contains($0.value)
    }
    #expect(!reordering, "\(bidi.stdout.debugDescription)")
    #expect(bidi.stdout.contains("\\u202e") && bidi.stdout.contains("\\u2067"), "\(bidi.stdout)")
    let show = try CLI.run(["show", "--index", ws.index.path, "evil\u{1B}[2J"])
    #expect(show.status == 0, "\(show.stderr)")
    #expect(!show.stdout.contains("\u{1B}") && show.stdout.contains("\\x1b"), "\(show.stdout.debugDescription)")
  }

  /// JSON escapes C0 itself; C1 (U+009B is CSI to a UTF-8 terminal) and DEL must be escaped too,
  /// and a JSON reader must still read the name as it is on disk.
  func hasC1OrDEL(_ s: String) -> Bool { s.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) } }

  @Test func jsonExportsEscapeC1Controls() throws {
    let ws = try Workspace(seeds: false)
    let name = "c1\u{9B}31m\u{7F}"
    try ws.write(name + ".txt", "CÔNG VĂN\nV/v kiểm tra \u{9B}2J quynhzebra\nnội dung quynhzebra \u{85} ¢ Â\n")
    #expect(try ws.index().status == 0)
    for args in [
      ["--format", "json"], ["--format", "jsonl"], ["--format", "json", "--fields", "id,path,snippet"],
      ["--format", "jsonl", "--fields", "path"],
    ] {
      let r = try CLI.run(["search", "--index", ws.index.path, "quynhzebra"] + args)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(!hasC1OrDEL(r.stdout), "\(r.stdout.debugDescription)")
      #expect(r.stdout.contains("\\u009b") && r.stdout.contains("\\u007f"), "\(args): \(r.stdout)")
      let first = try #require(r.stdout.split(separator: "\n").first.map(String.init))
      let text = args.contains("jsonl") ? first : r.stdout
      let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let hit = try #require((object["hits"] as? [[String: Any]])?.first ?? object)
      #expect((hit["path"] as? String)?.hasSuffix(name + ".txt") == true, "\(hit)")
    }
    let show = try CLI.run(["show", "--index", ws.index.path, name, "--format", "json"])
    #expect(show.status == 0, "\(show.stderr)")
    #expect(!hasC1OrDEL(show.stdout), "\(show.stdout.debugDescription)")
  }

  @Test func queriesWithoutASearchableWordMatchNothing() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let long = String(repeating: "a", count: 70)
    // Operators or brackets alone (a query that does not parse and leaves no word) read the same.
    for q in ["!!!", "?", "🙂", long, "\u{FFFD}", "(((", "AND", "\"", "-", "( )"] {
      let r = try ws.search(q)
      #expect(r.status == 1, "\(q): exit \(r.status) \(r.stdout)")
      #expect(r.hits.isEmpty)
      #expect(r.stderr.contains("no searchable words"), "\(q): \(r.stderr)")
    }
    #expect(try ws.search(long).stderr.contains("too long to be indexed"))
    // Invalid UTF-8 in argv, through the shell.
    let bad = try Self.shell([
      "sh", "-c", "\"$0\" search --index \"$1\" \"$(printf '\\377\\376')\"", CLI.binary, ws.index.path,
    ])
    #expect(bad.status == 1, "\(bad.stdout) \(bad.stderr)")
    // With a filter, the filter's listing, with the same note.
    let all = try ws.search("--since", "1900")
    let filtered = try ws.search("!!!", "--since", "1900")
    #expect(filtered.status == 0)
    #expect(filtered.hits.count == all.hits.count && !all.hits.isEmpty)
    #expect(filtered.stderr.contains("no searchable words"))
    // A searchable word beside them still searches.
    #expect(try ws.search("!!!", "việt").status == 0)
  }

  @Test func numericOptionsAndHugeQueriesAreBounded() throws {
    let ws = try Workspace()
    #expect(try ws.index().status == 0)
    let ctx = try CLI.run([
      "search", "--index", ws.index.path, "viet", "a", "--context", "9223372036854775807", "--color", "never",
    ])
    #expect(ctx.status == 0, "\(ctx.stderr)")
    for bad in [["--offset", "-1"], ["--limit", "-1"], ["--context", "-3"]] {
      let r = try CLI.run(["search", "--index", ws.index.path, "viet"] + bad)
      #expect(r.status == 2)
      #expect(r.stderr.contains("\(bad[0]) must be 0 or more"), "\(r.stderr)")
    }
    // A pasted 95 KB question: capped at 64 words, with a note, in seconds.
    let words = ["ủy", "ban", "nhân", "dân", "tỉnh", "việt", "tiêm", "chủng", "sở", "y", "tế", "bắc", "giang"]
    var query = ""
    var k = 0
    while query.utf8.count < 95_000 { query += words[k % words.count] + "\(k) "; k += 1 }
    let t0 = Date()
    let (r, finished) = try Faults.run(
      ["search", "--index", ws.index.path, "--any", query, "--format", "json"], within: 30)
    #expect(finished)
    #expect(Date().timeIntervalSince(t0) < 10)
    #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("more than 64 words"), "\(r.stderr.prefix(500))")
  }
}
