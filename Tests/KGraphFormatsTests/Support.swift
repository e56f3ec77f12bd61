import Foundation
import KGraph
import Testing

/// Paths and graphs that several suites share.
enum Support {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/KGraphFormatsTests/Fixtures`.
    static let fixtures = packageRoot.appendingPathComponent("Tests/KGraphFormatsTests/Fixtures")

    /// `<package root>/../shared`, which a user's clone does not have.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kgraph-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// The full path of an executable on `PATH`, if any.
    static func tool(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Skips the current test (recorded as cancelled, with the reason) when a tool is missing.
    static func requireTool(_ name: String) throws -> String {
        guard let path = tool(name) else { try Test.cancel("\(name) is not installed; skipping this check") }
        return path
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program and collects its output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    in folder: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a chatty tool cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    // MARK: Graphs

    /// The graph of the seed article: Russia, North Korea and their leaders.
    static func sampleGraph() -> KnowledgeGraph {
        let russia = Entity(name: "Russia", kind: .country, aliases: ["Russian Federation", "Moscow"],
                            attributes: ["iso": "RUS"], mentionsByArticle: ["seed": 7, "bbc-001": 2])
        let korea = Entity(name: "North Korea", kind: .country, aliases: ["DPRK", "Pyongyang"],
                           attributes: ["iso": "PRK"], mentionsByArticle: ["seed": 9])
        let putin = Entity(name: "Vladimir Putin", kind: .person, aliases: ["Putin"],
                           attributes: ["role": "president", "country": "RUS"], mentionsByArticle: ["seed": 3])
        let kim = Entity(name: "Kim Jong Un", kind: .person, aliases: ["Kim"],
                         attributes: ["role": "leader", "country": "PRK"], mentionsByArticle: ["seed": 4])
        let ossetia = Entity(name: "South Ossetia", kind: .place, mentionsByArticle: ["bbc-001": 1])
        let un = Entity(name: "United Nations", kind: .organization, aliases: ["UN"], mentionsByArticle: ["seed": 2])

        func evidence(_ article: String, _ date: String?, _ sentence: String, _ trigger: String, at start: Int,
                      object: String? = nil, hedged: Bool = false, negated: Bool = false,
                      claimant: String? = nil) -> Evidence {
            let offset = sentence.unicodeScalars.count
            let triggerStart = start + (sentence.range(of: trigger).map {
                sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: $0.lowerBound)
            } ?? 0)
            return Evidence(article: article, date: date, sentence: sentence, sentenceStart: start,
                            sentenceEnd: start + offset, trigger: trigger, triggerStart: triggerStart,
                            triggerEnd: triggerStart + trigger.unicodeScalars.count, pattern: "patterns.txt:12",
                            object: object, hedged: hedged, negated: negated, claimant: claimant)
        }

        let supplies = Relation(
            key: RelationKey(source: korea.id, type: .supplies, target: russia.id),
            evidence: [
                evidence("seed", "2024-02-07", "North Korea has supplied Russia with ballistic missiles.",
                         "supplied", at: 120, object: "ballistic missiles"),
                evidence("seed", "2024-02-07",
                         "Pyongyang reportedly sent \"millions\" of shells, according to Seoul.", "sent", at: 400,
                         object: "shells", hedged: true, claimant: "Seoul"),
            ])
        let funds = Relation(
            key: RelationKey(source: russia.id, type: .funds, target: ossetia.id),
            mentions: [RelationMention(article: "bbc-001", date: "2005-03-01", start: 10, end: 15, hedged: false,
                                       negated: false),
                       RelationMention(article: "bbc-002", date: nil, start: 99, end: 104, hedged: true,
                                       negated: false)],
            evidence: [evidence("bbc-001", "2005-03-01", "Moscow funds the breakaway region.", "funds", at: 0)],
            attributes: ["source": "bbc"])
        let meets = Relation(
            key: RelationKey(source: putin.id, type: .meets, target: kim.id),
            evidence: [evidence("seed", "2024-02-07", "Putin met Kim in the Far East.", "met", at: 700)])
        let sanctions = Relation(
            key: RelationKey(source: un.id, type: .sanctions, target: korea.id),
            evidence: [evidence("seed", "2024-02-07", "The UN sanctions North Korea.", "sanctions", at: 900)])
        let denied = Relation(
            key: RelationKey(source: russia.id, type: .supplies, target: korea.id),
            evidence: [evidence("seed", "2024-02-07", "Russia denied that it supplied North Korea.", "supplied",
                                at: 1000, negated: true)])
        return KnowledgeGraph(entities: [russia, korea, putin, kim, ossetia, un],
                              relations: [supplies, funds, meets, sanctions, denied])
    }

    /// Names that break careless writers: markup, quotes, escapes, scripts, emoji, DOT keywords.
    static let trickyNames = [
        "Say \"hi\"", "A & B <c>", "back\\slash\\", "line one\nline two", "Россия", "북한", "🚀 rocket 🇰🇵",
        "node", "edge", "strict", "graph", "digraph", "subgraph", "tab\there", "  spaced  ", "]]> --> <!--",
        "\\N \\G \\L", "'single'", "", "carriage\r\nreturn",
    ]

    /// A graph whose names, ids, attribute names, types and tags are all awkward.
    static func trickyGraph() -> KnowledgeGraph {
        var entities = trickyNames.enumerated().map { index, name in
            Entity(id: EntityID(rawValue: "id \(index) \(name)"), name: name,
                   kind: EntityKind.allCases[index % EntityKind.allCases.count],
                   aliases: index.isMultiple(of: 2) ? ["alias \"\(index)\"", "Ω\(index)"] : [],
                   attributes: ["label": "not the name", "id": "x\(index)", "attr.weird": "1",
                                "with space": name, "страна": "RU", "": "empty name"],
                   mentionsByArticle: ["article \"\(index)\"": index + 1])
        }
        entities.append(Entity(id: EntityID(rawValue: "node"), name: "plain", kind: .other))
        var relations: [Relation] = []
        for index in 0..<(entities.count - 1) {
            let mention = RelationMention(article: "a\\\(index)", date: index.isMultiple(of: 3) ? nil : "2024-01-0\(index % 9 + 1)",
                                          start: index, end: index + 3, hedged: index.isMultiple(of: 2),
                                          negated: index.isMultiple(of: 5))
            relations.append(Relation(
                key: RelationKey(source: entities[index].id, type: RelationType(rawValue: "type <\(index % 3)> & \"q\""),
                                 target: entities[index + 1].id),
                mentions: [mention], attributes: ["weight": "heavy", "note\nline": "x", "id": "y"]))
        }
        // Two parallel edges of one type, told apart by their tags.
        for tag in ["first", "second"] {
            relations.append(Relation(
                key: RelationKey(source: entities[0].id, type: .supplies, target: entities[1].id, tag: tag),
                mentions: [RelationMention(article: tag, date: nil, start: 0, end: 1, hedged: false, negated: false)]))
        }
        // A self-loop.
        relations.append(Relation(
            key: RelationKey(source: entities[2].id, type: .criticizes, target: entities[2].id),
            mentions: [RelationMention(article: "self", date: "2020-02-02", start: 5, end: 9, hedged: false,
                                       negated: false)]))
        return KnowledgeGraph(entities: entities, relations: relations)
    }
}
