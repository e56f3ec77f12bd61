import ArgumentParser
import Foundation
import KGraph
import KGraphExtract

extension InputFormat: ExpressibleByArgument {}

/// Options of every command that reads articles.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read every input as this format instead of guessing from the extension.", valueName: "text|html|jsonl"))
    var inputFormat: InputFormat?

    @Option(name: .long, help: ArgumentHelp("A lexicon file that adds or overrides entries (repeatable). See Resources/lexicon/README.md.", valueName: "file"))
    var lexicon: [String] = []

    @Option(name: .long, help: ArgumentHelp("A relation pattern file to add (repeatable). See Resources/patterns/README.md.", valueName: "file"))
    var patterns: [String] = []

    func makeExtractor() throws -> Extractor {
        func load(_ paths: [String]) throws -> [(name: String, contents: String)] {
            try paths.map { path in
                guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CLIError("\(path): cannot read the file (missing, unreadable or not UTF-8)")
                }
                return (path, contents)
            }
        }
        return try Extractor.standard(lexiconFiles: load(lexicon), patternFiles: load(patterns))
    }

    @Option(name: .long, help: ArgumentHelp(
        "Read files that are not valid UTF-8 in this encoding (latin1, cp1252, macroman, …) instead of refusing them.",
        valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("How to read dates like 07/02/2024.", valueName: "day-first|month-first"))
    var dateOrder: String = "day-first"

    func validate() throws {
        if let encoding, ArticleReader.Options.encoding(named: encoding) == nil {
            throw ValidationError("--encoding \(encoding): unknown encoding (try latin1, cp1252, macroman, utf16)")
        }
        if !["day-first", "month-first"].contains(dateOrder) {
            throw ValidationError("--date-order \(dateOrder): use day-first or month-first")
        }
    }

    var reader: ArticleReader {
        ArticleReader(options: .init(
            format: inputFormat, fallbackEncoding: encoding.flatMap(ArticleReader.Options.encoding(named:)),
            numericDateOrder: dateOrder == "month-first" ? .monthFirst : .dayFirst))
    }
}

/// Filters shared by `build`, `merge` and `convert`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Keep relations stated at least this many times.", valueName: "n"))
    var minWeight: Int = 1

    @Option(name: .long, help: ArgumentHelp("Keep only these relation types, comma-separated (supplies,funds,…).", valueName: "types"))
    var relations: String?

    @Option(name: .long, help: ArgumentHelp("Keep only these entity kinds, comma-separated (person,country,organization,place,group,other).", valueName: "kinds"))
    var kinds: String?

    @Option(name: .long, help: ArgumentHelp("Keep mentions dated on or after this day.", valueName: "yyyy-mm-dd"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Keep mentions dated on or before this day.", valueName: "yyyy-mm-dd"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Keep the neighbourhood of this entity (name, alias or id).", valueName: "entity"))
    var around: String?

    @Option(name: .long, help: ArgumentHelp("How many relations away from --around to keep.", valueName: "n"))
    var depth: Int = 1

    func validate() throws {
        if minWeight < 1 { throw ValidationError("--min-weight must be 1 or more") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, !Self.isDate(value) { throw ValidationError("\(flag) \(value): expected a date as yyyy-mm-dd") }
        }
        if let kinds {
            for kind in Self.list(kinds) where EntityKind(rawValue: kind) == nil {
                throw ValidationError("--kinds: unknown kind \"\(kind)\" (known: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }

    /// The filter, checking `--relations` against the types the patterns know.
    /// The filter for a graph read from files (`merge`, `convert`): its own relation
    /// types are known too, besides kgraph's. A bad value is one line on standard
    /// error and the usage exit code.
    func filter(forGraph graph: KnowledgeGraph, command: String) throws -> GraphFilter {
        do {
            let known = Set(RelationType.builtIn).union(graph.relations.values.map(\.type))
            return try filter(knownRelations: known)
        } catch let error as ValidationError {
            Terminal.error("\(error) (see kgraph \(command) --help)")
            throw ExitCode.validationFailure
        }
    }

    func filter(knownRelations: Set<RelationType>?) throws -> GraphFilter {
        var filter = GraphFilter()
        filter.minimumWeight = minWeight
        if let relations {
            for name in Self.list(relations) {
                let type = RelationType(rawValue: name)
                if let knownRelations, !knownRelations.contains(type) {
                    throw ValidationError("--relations: unknown relation \"\(name)\" (known: \(knownRelations.map(\.rawValue).sorted().joined(separator: ", ")))")
                }
                filter.relationTypes.insert(type)
            }
        }
        if let kinds { filter.kinds = Set(Self.list(kinds).compactMap(EntityKind.init(rawValue:))) }
        filter.since = since
        filter.until = until
        filter.around = around
        filter.depth = depth
        return filter
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Output and run options.
struct RunOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Articles processed at once (default: all cores).", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be 1 or more") }
    }
}

/// A one-line error for the person at the terminal.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
