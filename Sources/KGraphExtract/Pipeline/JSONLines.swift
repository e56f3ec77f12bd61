import KGraph

/// Writes `kgraph extract`'s records as JSON Lines, one object a line, with
/// a fixed key order so the same input always gives the same bytes.
public enum ExtractionJSONLines {
    /// The lines for one article: the article, its mentions, its entities, its relations.
    public static func lines(for extraction: ArticleExtraction) -> [String] {
        var lines: [String] = []
        let article = extraction.article
        var object = JSONText.Object()
        object["type"] = .string("article")
        object["id"] = .string(article.id)
        object["title"] = article.title.map(JSONText.string) ?? .null
        object["date"] = article.date.map(JSONText.string) ?? .null
        object["author"] = article.author.map(JSONText.string) ?? .null
        object["url"] = article.url.map(JSONText.string) ?? .null
        lines.append(object.serialized)
        for mention in extraction.mentions {
            var object = JSONText.Object()
            object["type"] = .string("mention")
            object["article"] = .string(article.id)
            object["entity"] = .string(mention.entity.rawValue)
            object["text"] = .string(mention.text)
            object["start"] = .int(mention.start)
            object["end"] = .int(mention.end)
            object["kind"] = .string(mention.kind.rawValue)
            object["form"] = .string(mention.form.rawValue)
            lines.append(object.serialized)
        }
        for entity in extraction.entities {
            var object = JSONText.Object()
            object["type"] = .string("entity")
            object["id"] = .string(entity.id.rawValue)
            object["name"] = .string(entity.name)
            object["kind"] = .string(entity.kind.rawValue)
            object["aliases"] = .array(entity.sortedAliases.map(JSONText.string))
            object["article"] = .string(article.id)
            object["mentions"] = .int(entity.mentions)
            lines.append(object.serialized)
        }
        for relation in extraction.relations {
            let evidence = relation.evidence
            var object = JSONText.Object()
            object["type"] = .string("relation")
            object["article"] = .string(article.id)
            object["source"] = .string(relation.source.rawValue)
            object["target"] = .string(relation.target.rawValue)
            object["relation"] = .string(relation.type.rawValue)
            object["start"] = .int(evidence.sentenceStart)
            object["end"] = .int(evidence.sentenceEnd)
            object["trigger"] = .string(evidence.trigger)
            object["trigger_start"] = .int(evidence.triggerStart)
            object["trigger_end"] = .int(evidence.triggerEnd)
            object["hedged"] = .bool(evidence.hedged)
            object["negated"] = .bool(evidence.negated)
            object["intended"] = .bool(evidence.intended)
            object["claimant"] = evidence.claimant.map(JSONText.string) ?? .null
            object["object"] = evidence.object.map(JSONText.string) ?? .null
            object["pattern"] = .string(evidence.pattern)
            object["date"] = evidence.date.map(JSONText.string) ?? .null
            object["sentence"] = .string(evidence.sentence)
            lines.append(object.serialized)
        }
        return lines
    }
}
