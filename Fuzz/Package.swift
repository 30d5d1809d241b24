// swift-tools-version:6.0
// libFuzzer targets for vanban, built by scripts/fuzz with `swift build --sanitize fuzzer`.
// A separate package so that the main package's build and tests are untouched.
import PackageDescription

let package = Package(
  name: "vanban-fuzz",
  dependencies: [.package(name: "vanban", path: "..")],
  targets: [
    // query string → QueryLanguage.parse → (QueryCompiler inside) Searcher.search on a seed index
    .executableTarget(name: "QueryFuzz", dependencies: [.product(name: "VanbanKit", package: "vanban")]),
    // bytes → DocumentDecoder.decode(bytes:format:) → TextNormalizer → MetadataExtractor → WordTokenizer
    .executableTarget(name: "TextFuzz", dependencies: [.product(name: "VanbanKit", package: "vanban")]),
    // bytes → the main XML part of a .docx / .odt (in a stored zip), or an HTML page → DocumentDecoder
    .executableTarget(name: "OfficeFuzz", dependencies: [.product(name: "VanbanKit", package: "vanban")]),
  ],
  swiftLanguageModes: [.v6]
)
