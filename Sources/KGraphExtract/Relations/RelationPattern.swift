import Foundation
import KGraph

/// One line of a relation pattern file: which words signal a relation and
/// where its target is.
///
/// See `Resources/patterns/README.md` for the file format.
public struct RelationPattern: Sendable, Hashable {
    public enum TriggerClass: String, Sendable, Hashable {
        /// A verb: the source is its subject (the `by` agent when passive).
        case verb
        /// A noun: the source is its possessor or modifier ("the North's transfer",
        /// "U.N. sanctions"), else the subject of the clause.
        case noun
    }

    public var relation: RelationType
    public var triggerClass: TriggerClass
    /// Each trigger as its words, every inflection spelled out.
    public var triggers: [[String]]
    /// Prepositions that introduce the target, in order of preference; `object`
    /// stands for the first entity after the trigger with no preposition.
    public var targetMarkers: [String]
    public var options: Set<String>
    /// `FILE:LINE`, reported as the evidence's pattern.
    public var origin: String

    var capturesObject: Bool { options.contains("object") }
    var needsMoney: Bool { options.contains("needs-money") }
    var needsSource: Bool { options.contains("needs-source") }
    var usesBetween: Bool { options.contains("between") }
    var targetFallsBackToNext: Bool { options.contains("target-fallback-next") }
    /// The subject receives: "Eriador received money from Osgiliath" is Osgiliath funds Eriador.
    var isReversed: Bool { options.contains("reverse") }
    var isSymmetric: Bool { options.contains("symmetric") || relation.isSymmetric }
}

/// A problem in a pattern file, with where it is.
public struct PatternError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// The relation patterns kgraph uses: the shipped file plus any `--patterns` files.
public struct PatternSet: Sendable {
    public private(set) var patterns: [RelationPattern] = []
    /// First trigger word's hash → (pattern, trigger) pairs, longest trigger first.
    private(set) var byFirstWordHash = WordHashTable<[(pattern: Int, words: [String])]>()

    public init() {}

    /// The patterns shipped with kgraph (`Resources/patterns/relations.tsv`).
    public static func builtIn() throws -> PatternSet {
        guard let url = Bundle.module.url(forResource: "Resources/patterns/relations", withExtension: "tsv")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/patterns/relations.tsv")
        else {
            throw PatternError(file: "relations.tsv", line: 0, message: "kgraph's patterns are not installed")
        }
        var set = PatternSet()
        try set.load(contents: String(contentsOf: url, encoding: .utf8), name: "relations.tsv")
        return set
    }

    /// Adds the patterns of one file.
    ///
    /// - Throws: `PatternError` naming the line of the first malformed pattern.
    public mutating func load(contents: String, name: String) throws {
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func fail(_ message: String) -> PatternError { PatternError(file: name, line: lineNumber, message: message) }
            guard columns.count >= 3 else { throw fail("expected relation, class, triggers[, target[, options]] separated by tabs") }
            guard !columns[0].isEmpty, columns[0].allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw fail("relation \"\(columns[0])\" must be letters and underscores")
            }
            guard let triggerClass = RelationPattern.TriggerClass(rawValue: columns[1]) else {
                throw fail("class \"\(columns[1])\" must be verb or noun")
            }
            var triggers: [[String]] = []
            for spec in columns[2].split(separator: ";") {
                let forms = Self.forms(of: spec.trimmingCharacters(in: .whitespaces), class: triggerClass)
                for form in forms where !triggers.contains(form) { triggers.append(form) }
            }
            guard !triggers.isEmpty else { throw fail("no triggers") }
            let targets = columns.count > 3 && !columns[3].isEmpty
                ? columns[3].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } : ["object"]
            let options = columns.count > 4
                ? Set(columns[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) : []
            let known: Set<String> = ["object", "needs-money", "needs-source", "between", "target-fallback-next", "capital-is-country", "symmetric", "reverse"]
            if let unknown = options.subtracting(known).sorted().first { throw fail("unknown option \"\(unknown)\"") }
            patterns.append(RelationPattern(
                relation: RelationType(rawValue: columns[0]), triggerClass: triggerClass, triggers: triggers,
                targetMarkers: targets, options: options, origin: "\(name):\(lineNumber)"))
        }
        reindex()
    }

    private mutating func reindex() {
        var byFirstWord: [String: [(pattern: Int, words: [String])]] = [:]
        for (index, pattern) in patterns.enumerated() {
            for words in pattern.triggers {
                byFirstWord[words[0], default: []].append((index, words))
            }
        }
        for key in byFirstWord.keys {
            // Longest trigger first; patterns that need money before those that do not, so
            // "gave $5 million to" is funds and "gave missiles to" is supplies.
            byFirstWord[key]!.sort {
                if $0.words.count != $1.words.count { return $0.words.count > $1.words.count }
                let lhs = patterns[$0.pattern].needsMoney ? 0 : 1
                let rhs = patterns[$1.pattern].needsMoney ? 0 : 1
                return (lhs, $0.pattern) < (rhs, $1.pattern)
            }
        }
        byFirstWordHash = WordHashTable(capacity: byFirstWord.count)
        for (word, candidates) in byFirstWord { byFirstWordHash[WordHash.of(word)] = candidates }
    }

    /// Every written form of a trigger spec: `=form` as is, `give/gave/given`
    /// with its inflections, a noun as written.
    static func forms(of spec: String, class triggerClass: RelationPattern.TriggerClass) -> [[String]] {
        if spec.hasPrefix("=") { return [Tokenizer.words(of: String(spec.dropFirst())).map { $0.lowercased() }] }
        let parts = spec.split(separator: "/").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let base = parts.first, !base.isEmpty else { return [] }
        if triggerClass == .noun { return [Tokenizer.words(of: base).map { $0.lowercased() }] }
        // Inflect the first word of a verb phrase; keep the rest ("meet with" → "met with").
        var words = base.split(separator: " ").map(String.init)
        let lemma = words.removeFirst()
        let rest = words.joined(separator: " ")
        var inflected = Inflection.forms(ofVerb: lemma)
        if parts.count > 1 {
            inflected.append(contentsOf: parts.dropFirst().map { String($0.split(separator: " ").first ?? "") })
        } else {
            inflected.append(Inflection.past(lemma))
        }
        var result: [[String]] = []
        for form in inflected where !form.isEmpty {
            let phrase = rest.isEmpty ? form : form + " " + rest
            let tokens = Tokenizer.words(of: phrase).map { $0.lowercased() }
            if !result.contains(tokens) { result.append(tokens) }
        }
        return result
    }
}

/// English verb inflection, enough for trigger lists.
enum Inflection {
    static func forms(ofVerb lemma: String) -> [String] {
        [lemma, thirdPerson(lemma), gerund(lemma)]
    }

    static func thirdPerson(_ verb: String) -> String {
        if verb.hasSuffix("y"), let beforeY = verb.dropLast().last, !"aeiou".contains(beforeY) { return verb.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh", "o"].contains(where: verb.hasSuffix) { return verb + "es" }
        return verb + "s"
    }

    static func past(_ verb: String) -> String {
        if verb.hasSuffix("e") { return verb + "d" }
        if verb.hasSuffix("y"), let beforeY = verb.dropLast().last, !"aeiou".contains(beforeY) { return verb.dropLast() + "ied" }
        if doublesFinalConsonant(verb) { return verb + String(verb.last!) + "ed" }
        return verb + "ed"
    }

    static func gerund(_ verb: String) -> String {
        if verb.hasSuffix("ie") { return verb.dropLast(2) + "ying" }
        if verb.hasSuffix("e"), !verb.hasSuffix("ee") { return verb.dropLast() + "ing" }
        if doublesFinalConsonant(verb) { return verb + String(verb.last!) + "ing" }
        return verb + "ing"
    }

    /// Short consonant-vowel-consonant verbs double: ship → shipped, ban → banned.
    static func doublesFinalConsonant(_ verb: String) -> Bool {
        let letters = Array(verb)
        guard letters.count >= 3, letters.count <= 4 else { return false }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = letters[letters.count - 1], middle = letters[letters.count - 2], before = letters[letters.count - 3]
        return !vowels.contains(last) && !"wxy".contains(last) && vowels.contains(middle) && !vowels.contains(before)
    }
}
