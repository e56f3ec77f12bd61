import KGraph

/// Decoders for the JSON kgraph writes inside its graph files: aliases, mention
/// counts, the complete mention list and the evidence of an edge. Shared by the
/// GraphML and DOT readers, which only differ in how they say where a bad value is.
enum KGraphData {
    /// Makes the reader's located error from a message about `what`.
    typealias Fail = (String) -> any Error

    static func parse(_ text: String, _ what: String, _ fail: Fail) throws -> JSONValue {
        do {
            return try JSONValue.parse(text)
        } catch {
            throw fail("\(what) is not valid JSON: \(error)")
        }
    }

    static func strings(_ text: String, _ what: String, _ fail: Fail) throws -> [String] {
        guard let items = try parse(text, what, fail).array else { throw fail("\(what) is not a JSON array") }
        return try items.map { item in
            guard let string = item.string else { throw fail("\(what) holds a non-string") }
            return string
        }
    }

    static func stringObject(_ text: String, _ what: String, _ fail: Fail) throws -> [String: String] {
        guard let members = try parse(text, what, fail).object else { throw fail("\(what) is not a JSON object") }
        return try members.mapValues { value in
            guard let string = value.string else { throw fail("\(what) holds a non-string value") }
            return string
        }
    }

    /// Mention counts by article. Counts are summed when a graph is written or shown, so a
    /// hostile file's `Int.max` would overflow there; real counts are far below `Int32.max`.
    static func counts(_ text: String, _ what: String, _ fail: Fail) throws -> [String: Int] {
        guard let members = try parse(text, what, fail).object else { throw fail("\(what) is not a JSON object") }
        return try members.mapValues { value in
            guard let count = value.integer, (0...Int(Int32.max)).contains(count) else {
                throw fail("\(what) holds \(value), not a count from 0 to \(Int32.max)")
            }
            return count
        }
    }

    /// `[[article, date or null, start, end, flags]]`, flags 1 = hedged, 2 = negated.
    static func mentions(_ text: String, _ what: String, _ fail: Fail) throws -> Set<RelationMention> {
        guard let items = try parse(text, what, fail).array else { throw fail("\(what) is not a JSON array") }
        var result = Set<RelationMention>(minimumCapacity: items.count)
        for item in items {
            guard let fields = item.array, fields.count == 5, let article = fields[0].string,
                let start = fields[2].integer, let end = fields[3].integer, let flags = fields[4].integer,
                fields[1] == .null || fields[1].string != nil
            else {
                throw fail("a mention in \(what) is not [article, date or null, start, end, flags]")
            }
            result.insert(RelationMention(
                article: article, date: fields[1].string, start: start, end: end, hedged: flags & 1 != 0,
                negated: flags & 2 != 0))
        }
        return result
    }

    /// An array of `Evidence` records, with the keys of its `Codable` form.
    static func evidence(_ text: String, _ what: String, _ fail: Fail) throws -> Set<Evidence> {
        guard let items = try parse(text, what, fail).array else { throw fail("\(what) is not a JSON array") }
        var result = Set<Evidence>(minimumCapacity: items.count)
        for item in items {
            guard let fields = item.object, let article = fields["article"]?.string,
                let sentence = fields["sentence"]?.string, let sentenceStart = fields["sentenceStart"]?.integer,
                let sentenceEnd = fields["sentenceEnd"]?.integer, let trigger = fields["trigger"]?.string,
                let triggerStart = fields["triggerStart"]?.integer, let triggerEnd = fields["triggerEnd"]?.integer,
                let pattern = fields["pattern"]?.string
            else {
                throw fail("an evidence record in \(what) lacks a required field")
            }
            result.insert(Evidence(
                article: article, date: fields["date"]?.string, sentence: sentence, sentenceStart: sentenceStart,
                sentenceEnd: sentenceEnd, trigger: trigger, triggerStart: triggerStart, triggerEnd: triggerEnd,
                pattern: pattern, object: fields["object"]?.string, hedged: fields["hedged"]?.bool ?? false,
                negated: fields["negated"]?.bool ?? false, intended: fields["intended"]?.bool ?? false,
                claimant: fields["claimant"]?.string))
        }
        return result
    }
}
