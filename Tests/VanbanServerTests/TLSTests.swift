// `--tls-cert`/`--tls-key`: the same page and API over HTTPS, with a certificate made by openssl
// (Debian `openssl`, installed by `make deps`) and checked by the client against that certificate.

import Foundation
import Testing
import VanbanTestSupport

@Suite struct TLSTests {
  @Test func httpsWithACertificateAndKey() throws {
    let seeds = try SeedServer()
    let dir = try TemporaryDirectory()
    let cert = dir.sub("cert.pem"), key = dir.sub("key.pem")
    let made = try ProcessRunner.run(
      "openssl",
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
      ], timeout: 60)
    #expect(made.status == 0, "\(made.stderr)")
    let server = try LiveServer(["--index", seeds.index, "--tls-cert", cert, "--tls-key", key])
    #expect(server.scheme == "https")
    // The client trusts exactly this certificate, and checks the host name against it.
    let fetch = try ProcessRunner.run(
      "/usr/bin/python3",
      [
        "-c",
        """
        import ssl, sys, urllib.request
        ctx = ssl.create_default_context(cafile=sys.argv[1])
        for path in ["/api/search?q=viet+a", "/?q=viet+a"]:
            body = urllib.request.urlopen(sys.argv[2] + path, context=ctx, timeout=30).read().decode()
            print(body)
        """, cert, server.base,
      ], timeout: 60)
    #expect(fetch.status == 0, "\(fetch.stderr)")
    #expect(fetch.stdout.contains("\"000_7dcd8441d4f25c6a\""))
    #expect(fetch.stdout.contains("<mark>Việt</mark> <mark>Á</mark>"))
    // Plain HTTP to the HTTPS port gets no page.
    let plain = try ProcessRunner.run(
      "/usr/bin/python3",
      [
        "-c",
        "import sys, urllib.request\ntry:\n  urllib.request.urlopen(sys.argv[1], timeout=10)\n  print('served')\nexcept Exception as e:\n  print('refused')",
        "http://127.0.0.1:\(server.port)/api/stats",
      ], timeout: 60)
    #expect(plain.stdout.contains("refused"))
  }

  @Test func aKeyWithoutACertificateOrAnUnreadableOneIsAClearError() throws {
    let seeds = try SeedServer()
    let dir = try TemporaryDirectory()
    try "not a certificate".write(toFile: dir.sub("bad.pem"), atomically: true, encoding: .utf8)
    let half = try ProcessRunner.run(
      VanbanBinary.path, ["serve", "--index", seeds.index, "--port", "0", "--tls-key", dir.sub("bad.pem")], timeout: 30)
    #expect(half.status == 64 || half.status == 2, "\(half.status)")
    #expect(half.stderr.contains("--tls-cert and --tls-key go together"))
    let bad = try ProcessRunner.run(
      VanbanBinary.path,
      [
        "serve", "--index", seeds.index, "--port", "0", "--tls-cert", dir.sub("bad.pem"), "--tls-key",
        dir.sub("bad.pem"),
      ],
      timeout: 30)
    #expect(bad.status == 2, "\(bad.status) \(bad.stderr)")
    #expect(bad.stderr.contains("bad.pem"), "\(bad.stderr)")
  }
}
