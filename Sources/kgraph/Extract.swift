import ArgumentParser
import Foundation
import KGraphExtract

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what kgraph finds in articles, as JSON Lines.",
        discussion: """
            One record a line: an `article` record, then its `mention`, `entity` and \
            `relation` records. Offsets (start, end) count Unicode code points in the \
            article's text (for JSON Lines input, in its "text" field), end exclusive. \
            Evidence is complete here, whatever `build --max-evidence` keeps.

              kgraph extract examples/russia-north-korea-bank-account.txt
              kgraph extract --input-format jsonl articles.jsonl > found.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Article files or folders; - reads standard input.", valueName: "articles"))
    var inputs: [String]

    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .long, help: ArgumentHelp("Output format (only jsonl for now).", valueName: "jsonl"))
    var format: String = "jsonl"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if format != "jsonl" { throw ValidationError("--format \(format): only jsonl is supported") }
        if inputs.isEmpty { throw ValidationError("give at least one article file or folder") }
    }

    func run() throws {
        let extractor: Extractor
        do {
            if let output { try AtomicWrite.checkWritable(output) }
            extractor = try extraction.makeExtractor()
        } catch {
            Terminal.error("\(error)")
            throw Exit.failure
        }
        let (files, inputErrors) = Inputs.expand(inputs, format: extraction.inputFormat)
        var errors = inputErrors
        var lines: [String] = []
        var articles = 0
        let reader = extraction.reader
        for file in files {
            do {
                let batch = try reader.read(path: file)
                errors.append(contentsOf: batch.errors)
                for article in batch.articles {
                    lines.append(contentsOf: ExtractionJSONLines.lines(for: extractor.extract(article)))
                    articles += 1
                }
            } catch {
                errors.append(error)
            }
        }
        for error in errors { Terminal.error(error.description) }
        guard articles > 0 else {
            if errors.isEmpty { Terminal.error("no articles in the input") }
            throw Exit.failure
        }
        let text = lines.joined(separator: "\n") + "\n"
        if let output {
            do { try AtomicWrite.write(Data(text.utf8), to: output) } catch {
                Terminal.error("\(error)")
                throw Exit.failure
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !errors.isEmpty { throw Exit.partial }
    }
}
