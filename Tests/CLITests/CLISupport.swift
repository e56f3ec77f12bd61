import Foundation
import Testing

/// What one run of the built `kgraph` executable did.
struct Run: CustomStringConvertible {
    var status: Int32
    var output: Data
    var error: String
    var timedOut: Bool
    var seconds: Double

    var stdout: String { String(decoding: output, as: UTF8.self) }

    /// The lines kgraph printed as errors (`kgraph: error: …`).
    var errorLines: [String] {
        error.split(separator: "\n").map(String.init).filter { $0.hasPrefix("kgraph: error: ") }
    }

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "") after \(String(format: "%.1f", seconds)) s\nstderr:\n\(error)\nstdout (first 2000 characters):\n\(stdout.prefix(2000))"
    }
}

/// Finds and runs the `kgraph` executable that SwiftPM built beside the tests.
enum CLI {
    /// The project's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/CLITests/Fixtures")

    /// `../shared` beside the project (absent in a user's clone).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static var seedArticle: URL { shared.appendingPathComponent("corpus/seed/russia-north-korea-bank-account.txt") }

    /// The executable: `KGRAPH_EXECUTABLE` when set, else `kgraph` in the products folder the
    /// test runner lives in (whatever `--scratch-path` was), else `.build/debug/kgraph`.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["KGRAPH_EXECUTABLE"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        // Linux: the runner is `<products>/kgraphPackageTests.xctest`, an executable, and
        // Bundle.main is its folder. macOS: the bundle `<products>/kgraphPackageTests.xctest`.
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("kgraph"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kgraph"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("kgraph"))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("kgraph"))
        candidates.append(root.appendingPathComponent(".build/debug/kgraph"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `kgraph` with `arguments` and waits for it (killing it after `timeout` seconds).
    ///
    /// Standard output and error go to files, not pipes, so a chatty run never blocks.
    static func run(
        _ arguments: [String],
        in folder: URL? = nil,
        environment: [String: String]? = nil,
        timeout: Double = 300,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        let executable = try #require(executable, "the kgraph executable was not found beside the tests; build with `swift build --build-tests` or set KGRAPH_EXECUTABLE", sourceLocation: sourceLocation)
        return try runProgram(executable, arguments, in: folder, environment: environment, timeout: timeout)
    }

    static func runProgram(
        _ executable: URL,
        _ arguments: [String],
        in folder: URL? = nil,
        environment: [String: String]? = nil,
        timeout: Double = 300
    ) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                process.terminate()
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus,
            output: try Data(contentsOf: outURL),
            error: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            timedOut: timedOut,
            seconds: Date().timeIntervalSince(started)
        )
    }

    /// Whether `program` is on the PATH.
    static func has(_ program: String) -> Bool { which(program) != nil }

    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var hasShared: Bool { FileManager.default.fileExists(atPath: seedArticle.path) }
}

/// A fresh folder for one test, removed afterwards.
@discardableResult
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

extension URL {
    func appending(_ name: String) -> URL { appendingPathComponent(name) }
    var bytes: Data? { try? Data(contentsOf: self) }
    var exists: Bool { FileManager.default.fileExists(atPath: path) }
}

/// Graphs built once and shared by the tests that only read them.
///
/// They live in folders named after the test process, which has no hook to remove them
/// at the end; each run removes those of runs that are no longer alive instead.
enum Built {
    static func sharedFolder(_ name: String) -> URL {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "kgraph-cli-\(name)-"
        for old in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where old.hasPrefix(prefix) {
            if let pid = Int32(old.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(old))
            }
        }
        let folder = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `kgraph build examples -o …/examples.graphml --dot …/examples.dot`, run from the project's root.
    static let examples: (graphml: URL, dot: URL)? = {
        let folder = sharedFolder("examples")
        let graphml = folder.appending("examples.graphml"), dot = folder.appending("examples.dot")
        guard let run = try? CLI.run(["build", "examples", "-o", graphml.path, "--dot", dot.path, "--quiet"], in: CLI.root),
              run.status == 0
        else { return nil }
        return (graphml, dot)
    }()

    static func examplesGraph(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(examples, "kgraph build examples failed", sourceLocation: sourceLocation).graphml
    }

    /// A folder of 400 small generated articles, so that a build takes about a second.
    static let manyArticles = generatedArticles(400)

    /// 1,200 generated articles: a debug build takes several seconds on one thread.
    static let evenMoreArticles = generatedArticles(1200)

    static func generatedArticles(_ count: Int) -> URL {
        let folder = sharedFolder("articles\(count)")
        let template = (try? String(contentsOf: CLI.fixtures.appending("articles/pyongyang-visit.txt"), encoding: .utf8)) ?? ""
        for index in 0..<count {
            var text = template
            for paragraph in 0..<6 {
                text += "\nDispatch \(index)-\(paragraph): officials counted \(index * 7 + paragraph) delegates in Pyongyang. "
                text += "Vladimir Putin met Kim Jong Un in Moscow, and Russia supplies oil to North Korea, state media said.\n"
            }
            try? Data(text.utf8).write(to: folder.appending(String(format: "article-%04d.txt", index)))
        }
        return folder
    }
}
