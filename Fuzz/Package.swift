// swift-tools-version:5.4
// libFuzzer targets for kgraph's readers and the DOT writer (see README.md).
//
// A package of its own, depending on the main one by path, so that the main
// package stays free of fuzzing flags and SwiftPM still builds the library
// modules (with their resource bundles) as it always does. Build only with the
// flags in Scripts/fuzz.sh:
//   swift build --package-path Fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "kgraph-fuzz",
    platforms: [.macOS(.v10_15)],
    dependencies: [.package(name: "kgraph", path: "..")],
    targets: [
        // Invariant checks and the shared extractor; no libFuzzer entry point.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "KGraph", package: "kgraph"),
                .product(name: "KGraphExtract", package: "kgraph"),
            ]
        ),
        .executableTarget(
            name: "FuzzGraphML",
            dependencies: [
                "FuzzSupport",
                .product(name: "KGraph", package: "kgraph"),
                .product(name: "KGraphFormats", package: "kgraph"),
            ]
        ),
        .executableTarget(
            name: "FuzzHTML",
            dependencies: ["FuzzSupport", .product(name: "KGraphExtract", package: "kgraph")]
        ),
        .executableTarget(
            name: "FuzzTextExtract",
            dependencies: ["FuzzSupport", .product(name: "KGraphExtract", package: "kgraph")]
        ),
        .executableTarget(
            name: "FuzzJSONLines",
            dependencies: ["FuzzSupport", .product(name: "KGraphExtract", package: "kgraph")]
        ),
        .executableTarget(
            name: "FuzzDOTReader",
            dependencies: [
                "FuzzSupport",
                .product(name: "KGraph", package: "kgraph"),
                .product(name: "KGraphFormats", package: "kgraph"),
            ]
        ),
        .executableTarget(
            name: "FuzzDOT",
            dependencies: [
                "FuzzSupport",
                .product(name: "KGraph", package: "kgraph"),
                .product(name: "KGraphFormats", package: "kgraph"),
            ]
        ),
    ],
    swiftLanguageVersions: [.v5]
)
