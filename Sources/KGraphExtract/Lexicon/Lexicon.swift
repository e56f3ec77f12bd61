import Foundation
import KGraph

/// How a mention names its entity.
public enum MentionForm: String, Sendable, Hashable, Codable {
    /// The canonical name ("Vladimir Putin").
    case name
    /// Another name, short form, acronym or surname ("Putin", "U.N.", "DPRK").
    case alias
    /// A nationality adjective or people noun ("Russian officials", "North Koreans").
    case demonym
    /// A description ("the Russian president", "the North").
    case nominal
    /// A pronoun ("he", "she").
    case pronoun
}

/// The dictionary kgraph recognises names with: countries, organisations, places and people.
///
/// Built from the data files shipped with kgraph (see `Resources/lexicon/README.md`)
/// and any user files given with `--lexicon`. Matching is case-sensitive on
/// whole tokens, so "US" is a country and "us" is not.
public struct Lexicon: Sendable {
    /// What a phrase of the text can refer to.
    struct Hit: Sendable, Hashable {
        var entry: Int
        var form: MentionForm
    }

    public private(set) var entries: [LexiconEntry] = []
    private var indexByID: [EntityID: Int] = [:]
    /// First bytes of phrases that start with a lower-case word ("the Commons", "al-Qaeda"):
    /// other lower-case words are skipped without a lookup.
    private(set) var lowercaseFirstBytes: Set<UInt8> = []
    /// Token-joined phrase or phrase prefix → what it names, and whether a longer phrase
    /// continues it: one lookup per step of the longest match.
    private(set) var phraseTable = WordHashTable<Int32>()
    /// What `phraseTable` points at (kept apart so a lookup copies no array).
    private(set) var phraseEntries: [PhraseEntry] = []

    struct PhraseEntry: Sendable {
        var hits: [Hit] = []
        var continues = false
    }
    /// A person's last name (and other name parts) → people.
    private(set) var nameParts: [String: [Int]] = [:]
    /// For each person entry, the hashes of the parts of its canonical name that refer to it
    /// alone (`Recognizer.referenceParts`), worked out once.
    private(set) var referencePartHashes: [Int: [UInt64]] = [:]
    /// The keys of `nameParts`, for a quick check by token hash.
    private(set) var namePartSet = WordSet([String]())
    /// Country or organisation name → (person, role) pairs.
    private(set) var rolesByHolder: [String: [(person: Int, role: LexiconEntry.Role)]] = [:]
    /// Place name → the country it is the capital of.
    private(set) var capitalOf: [String: String] = [:]
    /// Canonical country/organisation names, for `country` lookups.
    private(set) var countryNames: Set<String> = []
    /// First names of known people: evidence that an unknown capitalised pair is a person.
    private(set) var firstNames: Set<String> = []

    public init() {}

    public init(entries: [LexiconEntry]) {
        for entry in entries { upsert(entry) }
        rebuildIndexes()
    }

    public var count: Int { entries.count }

    public func entry(for id: EntityID) -> LexiconEntry? { indexByID[id].map { entries[$0] } }

    /// Adds an entry or replaces the one with the same kind and name.
    mutating func upsert(_ entry: LexiconEntry) {
        if let index = indexByID[entry.id] {
            entries[index] = entry
        } else {
            indexByID[entry.id] = entries.count
            entries.append(entry)
        }
    }

    mutating func remove(_ id: EntityID) {
        guard let index = indexByID[id] else { return }
        entries.remove(at: index)
        indexByID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) })
    }

    /// The hits of a phrase given as text ("Vladimir Putin"), if the lexicon names it.
    func hits(for text: String) -> [Hit] {
        phraseTable[WordHash.of(words: Tokenizer.words(of: text))].map { phraseEntries[Int($0)].hits } ?? []
    }


    public mutating func rebuildIndexes() {
        referencePartHashes = [:]
        phraseTable = WordHashTable(capacity: entries.count * 3)
        phraseEntries = []
        func entryIndex(_ hash: UInt64) -> Int {
            if let index = phraseTable[hash] { return Int(index) }
            phraseEntries.append(PhraseEntry())
            phraseTable[hash] = Int32(phraseEntries.count - 1)
            return phraseEntries.count - 1
        }
        lowercaseFirstBytes = []
        nameParts = [:]
        rolesByHolder = [:]
        capitalOf = [:]
        countryNames = []
        firstNames = []
        func add(_ surface: String, _ entry: Int, _ form: MentionForm) {
            let words = Tokenizer.words(of: surface)
            guard let first = words.first else { return }
            let hit = Hit(entry: entry, form: form)
            if let byte = first.utf8.first, byte >= 0x61 && byte <= 0x7A || byte >= 0x80 { lowercaseFirstBytes.insert(byte) }
            var prefix = WordHash.of(first)
            for word in words.dropFirst() {
                phraseEntries[entryIndex(prefix)].continues = true
                prefix = WordHash.join(prefix, word)
            }
            let index = entryIndex(prefix)
            if !phraseEntries[index].hits.contains(hit) { phraseEntries[index].hits.append(hit) }
        }
        for (index, entry) in entries.enumerated() {
            add(entry.name, index, .name)
            for alias in entry.aliases where Self.isUsable(alias: alias, of: entry) { add(alias, index, .alias) }
            for demonym in entry.demonyms { add(demonym, index, .demonym) }
            for metonym in entry.metonyms { add(metonym, index, .alias) }
            if entry.kind == .country || entry.kind == .organization { countryNames.insert(entry.name) }
            if let capital = entry.capital, !capital.isEmpty { capitalOf[capital] = entry.name }
            if entry.kind == .person {
                referencePartHashes[index] = Recognizer.referenceParts(of: entry.name).map(WordHash.of)
                for name in [entry.name] + entry.aliases {
                    for part in Recognizer.referenceParts(of: name) where nameParts[part]?.contains(index) != true {
                        nameParts[part, default: []].append(index)
                    }
                    if let first = Tokenizer.words(of: name).first, first.count > 1, !Recognizer.familyNameFirst.contains(first) {
                        firstNames.insert(first)
                    }
                }
                for role in entry.roles { rolesByHolder[role.of, default: []].append((index, role)) }
            }
        }
        namePartSet = WordSet(nameParts.keys)
        // Capitals are places; the countries file names them, so make sure they exist.
        for (capital, _) in capitalOf where hits(for: capital).isEmpty {
            let entry = LexiconEntry(name: capital, kind: .place)
            indexByID[entry.id] = entries.count
            entries.append(entry)
            add(capital, entries.count - 1, .name)
        }
    }

    /// Whether an alias can stand for its entry in running text.
    ///
    /// A person's alias must be two words or more and share one with the canonical
    /// name ("Prince Charles" for Charles III, not "Wales" or "Edward III").
    static func isUsable(alias: String, of entry: LexiconEntry) -> Bool {
        guard let first = alias.unicodeScalars.first, first.properties.isUppercase || first.properties.numericType != nil
            || !first.properties.isAlphabetic else { return false }
        guard entry.kind == .person else { return true }
        let words = Tokenizer.words(of: alias)
        let nameWords = Set(Tokenizer.words(of: entry.name))
        if words.count < 2 { return false }
        return words.contains(where: nameWords.contains)
    }

    /// The people who held a role titled `title` (e.g. "president") in `holder` on `date`.
    func holders(of title: String, in holder: String, on date: String?) -> [Int] {
        var result: [Int] = []
        for (person, role) in rolesByHolder[holder] ?? [] where role.titles.contains(title) && role.isHeld(on: date) {
            if !result.contains(person) { result.append(person) }
        }
        return result
    }

    /// The people `holder`'s leader or head was on `date`.
    func leaders(of holder: String, on date: String?) -> [Int] {
        var result: [Int] = []
        for (person, role) in rolesByHolder[holder] ?? [] where role.isLeadership && role.isHeld(on: date) {
            if !result.contains(person) { result.append(person) }
        }
        return result
    }

    /// Roles `person` held on `date`.
    func roles(of person: Int, on date: String?) -> [LexiconEntry.Role] {
        entries[person].roles.filter { $0.isHeld(on: date) }
    }
}

extension Tokenizer {
    /// The token texts of `text`, for building and querying phrase keys.
    static func words(of text: String) -> [String] {
        var tokens: [Token] = []
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            tokenize(UnsafeBufferPointer(buffer), range: 0..<buffer.count, scalarBase: 0, into: &tokens)
        }
        return tokens.map(\.text)
    }
}
