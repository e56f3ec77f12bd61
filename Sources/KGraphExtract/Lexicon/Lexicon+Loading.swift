import Foundation
import KGraph

/// A problem in a lexicon file, with where it is.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

extension Lexicon {
    /// The lexicon shipped with kgraph (`Resources/lexicon`).
    ///
    /// - Throws: `LexiconError` when a shipped file is missing or malformed,
    ///   which means the installation is broken.
    public static func builtIn() throws -> Lexicon {
        guard let folder = Bundle.module.url(forResource: "Resources/lexicon", withExtension: nil)
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/lexicon")
        else {
            throw LexiconError(file: "Resources/lexicon", line: 0, message: "kgraph's lexicon is not installed")
        }
        var lexicon = Lexicon()
        for file in ["countries", "organizations", "places", "people"] {
            let url = folder.appendingPathComponent(file + ".tsv")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            try lexicon.load(builtIn: file, contents: String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
        }
        lexicon.rebuildIndexes()
        return lexicon
    }

    /// Adds or overrides entries from a user lexicon file.
    ///
    /// Format, one entry a line, tab-separated, `#` starts a comment:
    /// `kind  name  aliases  attributes` where kind is person, country,
    /// organization, place or group; aliases are `|`-separated; attributes are
    /// `key=value` pairs separated by `;` (country, demonyms, capital, code,
    /// metonyms, role, title, from, until, and any other key, kept on the node).
    /// An entry with the same kind and name as a shipped one replaces it; a
    /// kind written `!person` removes the entry.
    public mutating func loadUserFile(contents: String, name: String) throws {
        try forEachRow(contents, name: name, minimumColumns: 2) { line, columns in
            var kindText = columns[0]
            let removes = kindText.hasPrefix("!")
            if removes { kindText.removeFirst() }
            guard let kind = EntityKind(rawValue: kindText.lowercased()) else {
                throw LexiconError(file: name, line: line, message: "unknown kind \"\(columns[0])\" (use person, country, organization, place or group)")
            }
            let entryName = columns[1].trimmingCharacters(in: .whitespaces)
            guard !entryName.isEmpty else { throw LexiconError(file: name, line: line, message: "empty name") }
            var entry = LexiconEntry(name: entryName, kind: kind)
            if removes { remove(entry.id); return }
            entry.aliases = Self.list(columns.count > 2 ? columns[2] : "")
            var role = LexiconEntry.Role(of: "", role: "", titles: [])
            for pair in (columns.count > 3 ? columns[3] : "").split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else {
                    throw LexiconError(file: name, line: line, message: "attribute \"\(pair)\" is not key=value")
                }
                switch parts[0] {
                case "country": entry.country = parts[1]; role.of = parts[1]
                case "demonyms": entry.demonyms = Self.list(parts[1])
                case "capital": entry.capital = parts[1]
                case "code": entry.code = parts[1]
                case "metonyms": entry.metonyms = Self.list(parts[1])
                case "role": role.role = parts[1]
                case "title": role.titles = Self.list(parts[1]).map { $0.lowercased() }
                case "from": role.from = parts[1]
                case "until": role.until = parts[1]
                default: entry.attributes[parts[0]] = parts[1]
                }
            }
            if kind == .person, !role.role.isEmpty || !role.titles.isEmpty, !role.of.isEmpty {
                entry.roles = [role]
            }
            upsert(entry)
        }
        rebuildIndexes()
    }

    /// Reads one of the shipped files; see `Resources/lexicon/README.md` for the columns.
    public mutating func load(builtIn file: String, contents: String, name: String) throws {
        try forEachRow(contents, name: name, minimumColumns: 1) { line, columns in
            func column(_ index: Int) -> String { index < columns.count ? columns[index] : "" }
            func optional(_ index: Int) -> String? { column(index).isEmpty ? nil : column(index) }
            switch file {
            case "countries":
                // name code aliases demonyms capital capital_aliases kind
                var entry = LexiconEntry(name: column(0), kind: .country)
                entry.code = optional(1)
                entry.aliases = Self.list(column(2))
                entry.demonyms = Self.list(column(3))
                entry.capital = optional(4)
                entry.metonyms = Self.list(column(5))
                if column(6) == "territory" { entry.attributes["status"] = "territory" }
                upsert(entry)
            case "organizations":
                // name kind aliases country
                var entry = LexiconEntry(name: column(0), kind: EntityKind(rawValue: column(1)) ?? .organization)
                entry.aliases = Self.list(column(2))
                entry.country = optional(3)
                upsert(entry)
            case "places":
                // name aliases country kind
                var entry = LexiconEntry(name: column(0), kind: .place)
                entry.aliases = Self.list(column(1))
                entry.country = optional(2)
                upsert(entry)
            case "people":
                // name aliases country role title from until — one row per role
                let id = EntityID(name: column(0), kind: .person)
                var entry = self.entry(for: id) ?? LexiconEntry(name: column(0), kind: .person)
                for alias in Self.list(column(1)) where !entry.aliases.contains(alias) { entry.aliases.append(alias) }
                if entry.country == nil { entry.country = optional(2) }
                if !column(2).isEmpty || !column(3).isEmpty {
                    entry.roles.append(LexiconEntry.Role(
                        of: column(2), role: column(3), titles: Self.list(column(4)).map { $0.lowercased() },
                        from: optional(5), until: optional(6)))
                }
                upsert(entry)
            default:
                break
            }
        }
    }

    static func list(_ cell: String) -> [String] {
        cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func forEachRow(
        _ contents: String, name: String, minimumColumns: Int,
        _ body: (Int, [String]) throws -> Void
    ) throws {
        var lineNumber = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= minimumColumns, !columns[0].isEmpty else {
                throw LexiconError(file: name, line: lineNumber, message: "expected at least \(minimumColumns) tab-separated columns")
            }
            try body(lineNumber, columns)
        }
    }
}
