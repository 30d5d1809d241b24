// A file is decoded as the file opened, and refused when that file is outside the folders being
// indexed: a folder on its path swapped for a link after the walk must not let another place's
// files in (DecodeFileIO.open). The swap is set up beforehand here, so the check is what is tested.
import Foundation
import Testing
import VanbanTestSupport

@testable import VanbanKit

@Suite struct OpenedFileTests {
  /// `root/d` → `outside/d`, each holding `x.txt` and a PDF; `root/in` a real folder with the same.
  static func layout() throws -> (TemporaryDirectory, root: String, outside: String) {
    let dir = try TemporaryDirectory()
    let root = dir.sub("root"), outside = dir.sub("outside")
    let fm = FileManager.default
    for folder in [root + "/in", outside + "/d"] {
      try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("Số: 12/UBND-VX\nV/v tiêm chủng \(folder.hasPrefix(outside) ? "xyzzyoutside" : "trong")".utf8)
        .write(to: URL(fileURLWithPath: folder + "/x.txt"))
      try fm.copyItem(
        atPath: TestPaths.repoRoot.path + "/Tests/Fixtures/formats/02-cv-so-y-te.pdf", toPath: folder + "/y.pdf")
    }
    try fm.createSymbolicLink(atPath: root + "/d", withDestinationPath: outside + "/d")
    return (dir, realPath(root)!, outside)
  }

  @Test func aFileInsideTheRootsIsRead() throws {
    let (dir, root, _) = try Self.layout()
    let decoder = DocumentDecoder(maxFileSize: 1 << 20)
    let text = try decoder.decode(fileAt: root + "/in/x.txt", format: .txt, within: [root]).text
    #expect(text.contains("trong"))
    // A helper program reads the opened file through /proc.
    let pdf = try decoder.decode(fileAt: root + "/in/y.pdf", format: .pdf, within: [root]).text
    #expect(pdf.contains("1021/SYT-NVY"))
    withExtendedLifetime(dir) {}
  }

  @Test(arguments: [("x.txt", DocumentFormat.txt), ("y.pdf", .pdf)])
  func aFileReachedThroughALinkOutIsRefused(_ name: String, _ format: DocumentFormat) throws {
    let (dir, root, outside) = try Self.layout()
    let decoder = DocumentDecoder(maxFileSize: 1 << 20)
    #expect {
      try decoder.decode(fileAt: root + "/d/" + name, format: format, within: [root])
    } throws: { error in
      guard case DecodeError.unreadable(let why) = error else { return false }
      return why.contains("outside the folders given") && why.contains(realPath(outside)!)
    }
    // Unchecked (a file decoded on its own, `vanban extract`), the link is followed as asked.
    #expect(try decoder.decode(fileAt: root + "/d/x.txt", format: .txt).text.contains("xyzzyoutside"))
    withExtendedLifetime(dir) {}
  }
}
