import Foundation
import Testing

/// Progress and summary on standard error: a line on a terminal, only the summary otherwise,
/// nothing with `--quiet`.
@Suite("progress")
struct ProgressTests {
    static let summary = #"^kgraph: \d+ articles, \d+ entities, \d+ relations \(\d+ statements\) in \d+\.\d s.* → "#

    @Test("not a terminal: only the one-line summary, even on a run longer than a second")
    func notATerminal() throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(["build", Built.manyArticles.path, "-o", "out.graphml", "--threads", "1"], in: folder)
            #expect(run.status == 0, "\(run)")
            #expect(run.output.isEmpty)
            let lines = run.error.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(run.error)")
            #expect(run.error.range(of: Self.summary, options: .regularExpression) != nil, "\(run.error)")
            #expect(run.error.contains("kgraph: 400 articles"))
            #expect(!run.error.contains("\r"))
            #expect(!run.error.contains("\u{1B}"))
        }
    }

    @Test("--quiet: nothing at all on standard error or output", arguments: ["build", "merge"])
    func quiet(command: String) throws {
        try withTemporaryFolder { folder in
            let arguments = command == "build"
                ? ["build", CLI.fixtures.appending("articles").path, "-o", "out.graphml", "--quiet"]
                : ["merge", try Built.examplesGraph().path, "-o", "out.graphml", "-q"]
            let run = try CLI.run(arguments, in: folder)
            #expect(run.status == 0, "\(run)")
            #expect(run.error.isEmpty)
            #expect(run.output.isEmpty)
            #expect(folder.appending("out.graphml").exists)
        }
    }

    @Test("--quiet keeps the errors: the summary goes, the skipped file is still named")
    func quietKeepsErrors() throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(["build", CLI.fixtures.appending("articles").path, "missing.txt", "-o", "out.graphml", "--quiet"], in: folder)
            #expect(run.status == 1)
            #expect(run.error == "kgraph: error: missing.txt: no such file or folder\n")
        }
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// `script` gives kgraph a pseudo-terminal, as a person at a terminal would.
    func inTerminal(_ arguments: [String], in folder: URL) throws -> Run {
        let executable = try #require(CLI.executable)
        let command = ([executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CLI.runProgram(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: folder)
    }

    @Test("on a terminal: a progress line (done of total, rate, time left), then the summary", .enabled(if: hasScript, "needs util-linux `script` for a pseudo-terminal"))
    func terminal() throws {
        try withTemporaryFolder { folder in
            let run = try inTerminal(["build", Built.evenMoreArticles.path, "-o", "out.graphml", "--threads", "1"], in: folder)
            #expect(run.status == 0, "\(run)")
            // script copies the terminal's output to its standard output.
            let screen = run.stdout
            #expect(screen.range(of: #"kgraph: 1200 articles, \d+ entities"#, options: .regularExpression) != nil, "\(screen)")
            // The summary's time includes loading the lexicon; progress starts after it and
            // shows only past a second, which a release build may not reach.
            let summarySeconds = screen.firstMatch(of: /in (\d+\.\d) s/).flatMap { Double($0.1) } ?? 0
            if summarySeconds > 2.5 {
                #expect(screen.range(of: #"\r\d+/1200 files  \d+/s  \d+s left"#, options: .regularExpression) != nil, "\(screen.debugDescription)")
                #expect(screen.contains("\r\u{1B}[K"), "the progress line is cleared before the summary")
            }
        }
    }

    @Test("on a terminal with --quiet: nothing", .enabled(if: hasScript, "needs util-linux `script` for a pseudo-terminal"))
    func terminalQuiet() throws {
        try withTemporaryFolder { folder in
            let run = try inTerminal(["build", Built.manyArticles.path, "-o", "out.graphml", "--threads", "1", "--quiet"], in: folder)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.isEmpty, "\(run.stdout.debugDescription)")
        }
    }
}
