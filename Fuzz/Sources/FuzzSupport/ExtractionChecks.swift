import KGraph
import KGraphExtract

/// The extractor every extraction target shares, built once per process.
///
/// It is kgraph's standard one: the shipped lexicon and patterns, found in the
/// resource bundle SwiftPM builds next to the fuzz executables. If that
/// bundle is missing (an executable copied elsewhere) it falls back to a few
/// entries and no patterns, and says so, rather than fuzz nothing.
public let sharedExtractor: Extractor = {
    do {
        return try Extractor.standard()
    } catch {
        print("fuzz: kgraph's lexicon is not available (\(error)); using a tiny one")
        var lexicon = Lexicon()
        try? lexicon.loadUserFile(contents: """
            country\tRussia\tRussian Federation\tdemonyms=Russian;capital=Moscow
            country\tNorth Korea\tDPRK\tdemonyms=North Korean;capital=Pyongyang
            person\tKim Jong Un\tKim\tcountry=North Korea;role=leader;title=leader
            organization\tUnited Nations\tUN
            """, name: "fuzz.tsv")
        return Extractor(lexicon: lexicon, patterns: PatternSet())
    }
}()

/// Checks what the article readers promise about one article.
public func checkArticle(_ article: Article) {
    let count = article.text.unicodeScalars.count
    for range in article.bodyRanges {
        invariant(range.lowerBound >= 0 && range.upperBound <= count,
                  "body range \(range) outside the text's \(count) code points")
    }
    invariant(!article.id.isEmpty, "an article has an empty id")
}

/// Extracts `article` and checks that every offset points into its text.
///
/// Mentions must be exactly `text[start..<end]` (code points), as
/// `MentionRecord` documents; evidence offsets must lie inside the text and
/// relations must join entities the extraction lists.
public func extractAndCheck(_ article: Article) {
    let extraction = sharedExtractor.extract(article)
    let scalars = Array(article.text.unicodeScalars)
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
    for mention in extraction.mentions {
        invariant(0 <= mention.start && mention.start <= mention.end && mention.end <= scalars.count,
                  "mention [\(mention.start), \(mention.end)) outside the text's \(scalars.count) code points")
        invariant(slice(mention.start, mention.end) == mention.text,
                  "mention text \"\(mention.text)\" is not text[\(mention.start)..<\(mention.end)]")
    }
    let ids = Set(extraction.entities.map(\.id))
    for relation in extraction.relations {
        invariant(ids.contains(relation.source) && ids.contains(relation.target),
                  "relation \(relation.type) joins an entity the extraction does not list")
        let evidence = relation.evidence
        invariant(0 <= evidence.sentenceStart && evidence.sentenceStart <= evidence.sentenceEnd
                  && evidence.sentenceEnd <= scalars.count,
                  "sentence [\(evidence.sentenceStart), \(evidence.sentenceEnd)) outside the text")
        invariant(0 <= evidence.triggerStart && evidence.triggerStart <= evidence.triggerEnd
                  && evidence.triggerEnd <= scalars.count,
                  "trigger [\(evidence.triggerStart), \(evidence.triggerEnd)) outside the text")
    }
    // The article's own graph must be buildable (its precondition checks both ends).
    _ = extraction.graph
}
