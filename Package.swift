// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kgraph", targets: ["kgraph"]),
        .library(name: "KGraph", targets: ["KGraph"]),
        .library(name: "KGraphFormats", targets: ["KGraphFormats"]),
        .library(name: "KGraphExtract", targets: ["KGraphExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The only C: libxml2 through a shim that hides its ICU headers (see shim.h).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The graph value: entities, relations, evidence, merge, queries. No I/O, no C.
        .target(
            name: "KGraph",
            dependencies: [.product(name: "Collections", package: "swift-collections")]
        ),
        // The one module that sees libxml2: text writer, streaming reader, HTML document.
        .target(
            name: "KGraphXML",
            dependencies: ["CLibXML2"]
        ),
        // GraphML (on KGraphXML), DOT, JSON Lines.
        .target(
            name: "KGraphFormats",
            dependencies: ["KGraph", "KGraphXML"]
        ),
        // Articles, sentences, lexicon, recognition, relation patterns, the builder.
        .target(
            name: "KGraphExtract",
            dependencies: ["KGraph", "KGraphXML", .product(name: "Collections", package: "swift-collections")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "kgraph",
            dependencies: [
                "KGraph", "KGraphFormats", "KGraphExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "kgraph-bench",
            dependencies: ["KGraph", "KGraphFormats", "KGraphExtract"],
            path: "Benchmarks/kgraph-bench"
        ),
        .testTarget(name: "KGraphTests", dependencies: ["KGraph"]),
        .testTarget(
            name: "KGraphFormatsTests",
            dependencies: ["KGraph", "KGraphFormats", "KGraphXML"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KGraphExtractTests",
            dependencies: ["KGraph", "KGraphExtract", "KGraphFormats"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["kgraph"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
