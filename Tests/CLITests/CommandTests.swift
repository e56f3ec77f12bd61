import Foundation
import Testing

/// `--version`, `--help`, completions, and what `build` and `extract` write.
@Suite("kgraph commands")
struct CommandTests {
    static let subcommands = ["extract", "build", "merge", "convert", "inspect", "render"]

    @Test("--version prints the version and exits 0")
    func version() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^kgraph \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run)")
    }

    @Test("--help documents the exit codes and names every subcommand")
    func rootHelp() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        for code in ["0   success", "1   partial", "2   failure", "64  usage error"] { #expect(run.stdout.contains(code)) }
        for command in Self.subcommands { #expect(run.stdout.contains("  \(command) ")) }
        #expect(run.stdout.contains("  kgraph build "))
    }

    @Test("every subcommand's --help shows an example", arguments: subcommands)
    func subcommandHelp(command: String) throws {
        let run = try CLI.run([command, "--help"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("USAGE: kgraph \(command) "))
        #expect(run.stdout.contains("\n  kgraph \(command) "), "an example line:\n\(run.stdout)")
    }

    @Test("no arguments, an unknown subcommand and an unknown option are usage errors (64)")
    func usageErrors() throws {
        #expect(try CLI.run(["frobnicate"]).status == 64)
        #expect(try CLI.run(["build", "--frobnicate"]).status == 64)
        let missing = try CLI.run(["build", "examples"])
        #expect(missing.status == 64)
        #expect(missing.error.contains("--output"))
    }

    @Test("completion scripts for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try CLI.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("kgraph"))
        for command in ["build", "inspect", "render"] { #expect(run.stdout.contains(command)) }
        #expect(run.stdout.contains("relations"), "options are completed too")
    }

    @Test("build of the seed article passes ../shared/tools/validate-exports.sh", .enabled(if: CLI.hasShared && FileManager.default.fileExists(atPath: CLI.shared.appending("tools/validate-exports.sh").path) && CLI.has("xmllint") && CLI.has("dot") && CLI.has("gvpr") && CLI.has("python3"), "needs ../shared (seed article, tools/validate-exports.sh), xmllint, python3 with networkx, dot and gvpr"))
    func seedValidates() throws {
        try withTemporaryFolder { folder in
            let graphml = folder.appending("seed.graphml"), dot = folder.appending("seed.dot")
            let build = try CLI.run(["build", CLI.shared.appending("corpus/seed").path, "-o", graphml.path, "--dot", dot.path])
            #expect(build.status == 0, "\(build)")
            #expect(build.error.hasPrefix("kgraph: 1 articles, "))
            let validate = try CLI.runProgram(
                URL(fileURLWithPath: "/bin/bash"),
                [CLI.shared.appending("tools/validate-exports.sh").path, graphml.path, dot.path]
            )
            #expect(validate.status == 0, "\(validate)")
            #expect(validate.stdout.contains("== result: OK"), "\(validate.stdout)")
        }
    }

    /// Checks every `start`/`end` pair of `extract` against `text`, counting code points.
    func checkOffsets(_ records: [[String: Any]], article: String, text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let scalars = Array(text.unicodeScalars)
        func slice(_ start: Any?, _ end: Any?) -> String? {
            guard let start = start as? Int, let end = end as? Int, 0 <= start, start <= end, end <= scalars.count else { return nil }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[start..<end])
            return String(result)
        }
        var checked = 0
        for record in records where record["article"] as? String == article {
            switch record["type"] as? String {
            case "mention":
                #expect(slice(record["start"], record["end"]) == record["text"] as? String, "\(record)", sourceLocation: sourceLocation)
                checked += 1
            case "relation":
                #expect(slice(record["start"], record["end"]) == record["sentence"] as? String, "\(record)", sourceLocation: sourceLocation)
                #expect(slice(record["trigger_start"], record["trigger_end"]) == record["trigger"] as? String, "\(record)", sourceLocation: sourceLocation)
                checked += 1
            default: break
            }
        }
        return checked
    }

    func records(_ run: Run) throws -> [[String: Any]] {
        try run.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test("extract: offsets of JSON Lines input count code points of the \"text\" field (accents, emoji, flags)")
    func offsetsJSONLines() throws {
        let input = CLI.fixtures.appending("articles/wire.jsonl")
        let run = try CLI.run(["extract", input.path])
        #expect(run.status == 0, "\(run)")
        let found = try records(run)
        #expect(found.first?["type"] as? String == "article")
        let sources = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        var checked = 0
        for source in sources {
            let id = try #require(source["id"] as? String), text = try #require(source["text"] as? String)
            checked += try checkOffsets(found, article: id, text: text)
        }
        #expect(checked >= 6)
        #expect(found.contains { $0["type"] as? String == "relation" && $0["article"] as? String == "wire-2" && $0["relation"] as? String == "sanctions" })
    }

    @Test("extract: offsets of a text file count code points of the file", .enabled(if: CLI.hasShared, "needs ../shared/corpus/seed"))
    func offsetsSeed() throws {
        let run = try CLI.run(["extract", CLI.seedArticle.path])
        #expect(run.status == 0, "\(run)")
        let text = try String(contentsOf: CLI.seedArticle, encoding: .utf8)
        let checked = try checkOffsets(try records(run), article: CLI.seedArticle.path, text: text)
        #expect(checked >= 40)
    }

    @Test("extract -o writes the same lines as standard output")
    func extractToFile() throws {
        try withTemporaryFolder { folder in
            let input = CLI.fixtures.appending("articles/pyongyang-visit.txt").path
            let printed = try CLI.run(["extract", input])
            let written = try CLI.run(["extract", input, "-o", folder.appending("found.jsonl").path])
            #expect(written.status == 0 && written.output.isEmpty)
            #expect(folder.appending("found.jsonl").bytes == printed.output)
        }
    }

    @Test("convert GraphML → DOT → render-ready, and the same input gives the same bytes")
    func convertAndDeterminism() throws {
        try withTemporaryFolder { folder in
            let articles = CLI.fixtures.appending("articles").path
            let first = try CLI.run(["build", articles, "-o", "a.graphml", "--dot", "a.dot", "--quiet"], in: folder)
            let second = try CLI.run(["build", articles, "-o", "b.graphml", "--threads", "1", "--quiet"], in: folder)
            #expect(first.status == 0 && second.status == 0)
            #expect(folder.appending("a.graphml").bytes == folder.appending("b.graphml").bytes)
            let convert = try CLI.run(["convert", "a.graphml", "c.dot"], in: folder)
            #expect(convert.status == 0, "\(convert)")
            #expect(folder.appending("c.dot").bytes == folder.appending("a.dot").bytes)
        }
    }
}
