import Foundation
import KGraph

/// Turns articles into entities, mentions and relations.
///
/// An extractor holds only immutable dictionaries, so one instance can serve
/// any number of threads.
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let patterns: PatternSet

    public init(lexicon: Lexicon, patterns: PatternSet) {
        self.lexicon = lexicon
        self.patterns = patterns
    }

    /// The extractor with kgraph's shipped lexicon and patterns, plus user files.
    ///
    /// - Parameters:
    ///   - lexiconFiles: `--lexicon` files as (name, contents) pairs, applied in order.
    ///   - patternFiles: `--patterns` files as (name, contents) pairs.
    /// - Throws: `LexiconError` or `PatternError` naming the file and line.
    public static func standard(
        lexiconFiles: [(name: String, contents: String)] = [],
        patternFiles: [(name: String, contents: String)] = []
    ) throws -> Extractor {
        var lexicon = try Lexicon.builtIn()
        for file in lexiconFiles { try lexicon.loadUserFile(contents: file.contents, name: file.name) }
        var patterns = try PatternSet.builtIn()
        for file in patternFiles { try patterns.load(contents: file.contents, name: file.name) }
        return Extractor(lexicon: lexicon, patterns: patterns)
    }

    /// Extracts one article.
    ///
    /// - Complexity: O(n) in the article's length, times the longest lexicon phrase.
    public func extract(_ article: Article) -> ArticleExtraction {
        let analyzed = AnalyzedText(text: article.text, ranges: article.bodyRanges, titleRange: titleCaseHeadline(of: article))
        let recognition = Recognizer(lexicon: lexicon).recognize(analyzed, date: article.date)
        let (found, completed) = RelationExtractor(patterns: patterns, lexicon: lexicon)
            .extract(analyzed, recognition: recognition, article: article)

        var mentionCounts: [Int: Int] = [:]
        var mentions: [MentionRecord] = []
        for mention in completed.mentions {
            let entity = completed.entities[mention.entity]
            mentionCounts[mention.entity, default: 0] += 1
            let first = analyzed.tokens[mention.tokens.lowerBound]
            let last = analyzed.tokens[mention.tokens.upperBound - 1]
            mentions.append(MentionRecord(
                entity: entity.id, text: analyzed.text(of: mention.tokens), start: Int(first.scalarStart),
                end: Int(last.scalarEnd), kind: entity.kind, form: mention.form))
        }
        var relations: [RelationRecord] = []
        var involved = Set<Int>()
        for relation in found {
            involved.insert(relation.source)
            involved.insert(relation.target)
            relations.append(RelationRecord(
                source: completed.entities[relation.source].id, target: completed.entities[relation.target].id,
                type: relation.type, evidence: relation.evidence))
        }
        relations.sort { ($0.evidence.triggerStart, $0.type, $0.source, $0.target) < ($1.evidence.triggerStart, $1.type, $1.source, $1.target) }

        var entities: [Entity] = []
        for (index, entity) in completed.entities.enumerated() where mentionCounts[index] != nil || involved.contains(index) {
            entities.append(Entity(
                id: entity.id, name: entity.name, kind: entity.kind, aliases: entity.aliases,
                attributes: entity.attributes, mentionsByArticle: [article.id: mentionCounts[index] ?? 0]))
        }
        // One id may come from two article entities (a lexicon alias and a name); merge them.
        var merged: [EntityID: Entity] = [:]
        for entity in entities {
            if var existing = merged[entity.id] {
                existing.aliases.formUnion(entity.aliases)
                existing.mentionsByArticle[article.id, default: 0] += entity.mentionsByArticle[article.id] ?? 0
                merged[entity.id] = existing
            } else {
                merged[entity.id] = entity
            }
        }
        return ArticleExtraction(
            article: article, entities: merged.keys.sorted().map { merged[$0]! }, mentions: mentions, relations: relations)
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        guard range.upperBound <= scalars.count else { return "" }
        let from = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        return String(scalars[from..<scalars.index(from, offsetBy: range.count)])
    }

    /// The headline's range when it is written in title case, where capitals say nothing.
    func titleCaseHeadline(of article: Article) -> Range<Int>? {
        guard let title = article.title, let first = article.bodyRanges.first else { return nil }
        let words = title.split(separator: " ").filter { $0.count > 3 }
        guard words.count >= 3 else { return nil }
        let capitalized = words.filter { $0.first?.isUppercase == true }.count
        guard capitalized * 10 >= words.count * 7 else { return nil }
        return Self.slice(article.text, first).trimmingCharacters(in: .whitespacesAndNewlines) == title ? first : nil
    }
}
