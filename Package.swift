// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "vanban",
  products: [
    .library(name: "VanbanKit", targets: ["VanbanKit"]),
    .library(name: "Xapian", targets: ["Xapian"]),
    .library(name: "VanbanServer", targets: ["VanbanServer"]),
    .executable(name: "vanban", targets: ["vanban"]),
    .executable(name: "vanban-serve", targets: ["vanban-serve"]),
  ],
  dependencies: [
    // Pinned to the versions mirrored for offline builds; bump deliberately, with Package.resolved.
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    // NIO's HTTP parser errors and the HTTP parts, for the answer to a request it cannot parse.
    .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
    // SHA-256 of a file's bytes, the OCR cache's key (CryptoKit is not on Linux).
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
  ],
  targets: [
    // C interface over Xapian's C++ API. Every entry point catches every exception and returns a
    // status plus an owned message, because a C++ exception crossing into Swift aborts the process.
    .target(
      name: "CXapian",
      linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("stdc++")]
    ),
    // One final class per Xapian handle; knows nothing about dispatches.
    .target(name: "Xapian", dependencies: ["CXapian"]),
    // The domain: decoding, Vietnamese text, extraction, schema, indexing, searching, printing.
    .target(
      name: "VanbanKit",
      dependencies: [
        "Xapian", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // `vanban serve`: the JSON API, whose routes call VanbanKit as the CLI does and answer with
    // the bytes the CLI prints, and the search page (Mustache templates, escaped for HTML).
    .target(
      name: "VanbanServer",
      dependencies: [
        "VanbanKit",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
      ]
    ),
    // The CLI: parses options, calls VanbanKit, prints.
    // What both programs share: the terminal, the wording of errors, `--index`, the entry point.
    .target(
      name: "VanbanCLI",
      dependencies: ["VanbanKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "vanban",
      dependencies: ["VanbanKit", "VanbanCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // `vanban serve`, a program of its own: linked into `vanban`, the server made every command
    // start 3-4 ms slower (Sources/vanban/ServeProgram.swift).
    .executableTarget(
      name: "vanban-serve",
      dependencies: [
        "VanbanKit", "VanbanCLI", "VanbanServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // In-process query latency for scripts/bench (not installed; `make bench` builds it).
    .executableTarget(name: "vanban-bench", dependencies: ["VanbanKit", "Xapian"]),
    // Helpers every test target shares: paths (repository, corpus/, fixtures, shared/ via
    // $VANBAN_SHARED), the vanban binary, temporary directories, a process runner, a seeded
    // generator, and .docx/.odt builders. Fixtures/ holds files read through #filePath.
    .target(
      name: "VanbanTestSupport",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/VanbanTestSupport",
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "CXapianTests", dependencies: ["CXapian", "VanbanTestSupport"]),
    .testTarget(name: "XapianTests", dependencies: ["Xapian", "VanbanTestSupport"]),
    .testTarget(
      name: "VanbanKitTests",
      dependencies: [
        "VanbanKit", "Xapian", "VanbanTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]
    ),
    // The CLI's logic that needs no process (the progress line, "did you mean"), through
    // `@testable import vanban`.
    .testTarget(name: "vanbanTests", dependencies: ["vanban", "VanbanCLI"]),
    .testTarget(
      name: "VanbanServerTests",
      dependencies: [
        "VanbanServer", "VanbanKit", "VanbanTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
      ]
    ),
    .testTarget(name: "vanbanCLITests", dependencies: ["VanbanKit", "VanbanTestSupport"], exclude: ["Fixtures"]),
  ],
  // Swift 5 language mode: the Xapian handles are used from one thread at a time by design, and
  // the indexer hands plain values (not handles) between threads.
  swiftLanguageModes: [.v6],
  cxxLanguageStandard: .cxx17
)
