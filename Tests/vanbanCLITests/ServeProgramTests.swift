// `vanban serve` runs the `vanban-serve` program from vanban's own folder (issue K: the server's
// libraries are not linked into `vanban`). It is found through vanban's real path, so a symlink
// to vanban elsewhere still finds it; never through PATH; and its absence is one clear line.

import Foundation
import Testing
import VanbanTestSupport

@Suite struct ServeProgramTests {
  @Test func serveRunsTheProgramBesideVanbanAndSaysSoWhenItIsMissing() throws {
    let dir = try TemporaryDirectory()
    // Through a symlink in another folder: the real folder's vanban-serve answers.
    let link = dir.sub("vanban")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: VanbanBinary.path)
    let help = try ProcessRunner.run(link, ["serve", "--help"], timeout: 60)
    #expect(help.status == 0, "\(help.stderr)")
    #expect(help.stdout.contains("--tls-cert") && help.stdout.contains("--users"), "\(help.stdout.prefix(300))")
    // `vanban help serve` lists --version: vanban-serve answers it as vanban does.
    let ownVersion = try ProcessRunner.run(VanbanBinary.path, ["--version"], timeout: 60)
    let serveVersion = try ProcessRunner.run(link, ["serve", "--version"], timeout: 60)
    #expect(try ProcessRunner.run(link, ["help", "serve"], timeout: 60).stdout.contains("--version"))
    #expect(serveVersion.status == 0, "\(serveVersion.stderr)")
    #expect(serveVersion.stdout == ownVersion.stdout && !ownVersion.stdout.isEmpty)

    // A copy with no vanban-serve beside it, and a vanban-serve on PATH that must not run.
    let alone = try TemporaryDirectory()
    let copy = alone.sub("vanban")
    try FileManager.default.copyItem(atPath: VanbanBinary.path, toPath: copy)
    let decoy = try TemporaryDirectory()
    let marker = decoy.sub("ran")
    try "#!/bin/sh\ntouch \(marker)\n".write(toFile: decoy.sub("vanban-serve"), atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: decoy.sub("vanban-serve"))
    let path = decoy.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let missing = try ProcessRunner.run(copy, ["serve", "--port", "0"], environment: ["PATH": path], timeout: 60)
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("vanban: `vanban serve` needs vanban-serve beside vanban"), "\(missing.stderr)")
    #expect(missing.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: marker), "a vanban-serve on PATH ran")

    // The other commands do not need it.
    let version = try ProcessRunner.run(copy, ["--version"], timeout: 60)
    #expect(version.status == 0)
  }
}
