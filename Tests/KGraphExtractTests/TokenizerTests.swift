import Testing
@testable import KGraphExtract

@Suite("Tokens and sentences")
struct TokenizerTests {
    func sentences(_ text: String) -> [String] {
        let analyzed = AnalyzedText(text: text, ranges: [])
        return analyzed.sentences.map { analyzed.text(of: $0) }
    }

    @Test func acronymsStayWhole() {
        #expect(Tokenizer.words(of: "U.N. sanctions and U.S. officials") == ["U.N.", "sanctions", "and", "U.S.", "officials"])
    }

    @Test func possessivesSplit() {
        #expect(Tokenizer.words(of: "the North’s transfer") == ["the", "North", "’s", "transfer"])
        #expect(Tokenizer.words(of: "Korea's leader") == ["Korea", "'s", "leader"])
        #expect(Tokenizer.words(of: "O'Brien didn't") == ["O'Brien", "didn't"])
    }

    @Test func numbersAndMoney() {
        #expect(Tokenizer.words(of: "$2.5 million, 30,000 rounds") == ["$", "2.5", "million", ",", "30,000", "rounds"])
    }

    @Test func sentencesAroundAbbreviations() {
        #expect(sentences("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. The talks ended.") == [
            "Mr. Smith met Dr. Jones on Jan. 5 in the U.S.", "The talks ended.",
        ])
        #expect(sentences("George W. Bush spoke. He left.") == ["George W. Bush spoke.", "He left."])
        #expect(sentences("It cost $2.5 million. \"We paid,\" he said. Then?") == [
            "It cost $2.5 million.", "\"We paid,\" he said.", "Then?",
        ])
        #expect(sentences("The U.N. said so.\nNew line starts here") == ["The U.N. said so.", "New line starts here"])
    }

    @Test func codePointOffsetsWithEmojiAndKorean() {
        let text = "😀 김정은 met Putin. 北朝鮮 too."
        let analyzed = AnalyzedText(text: text, ranges: [])
        for token in analyzed.tokens {
            let scalars = Array(text.unicodeScalars)
            let slice = String(String.UnicodeScalarView(scalars[Int(token.scalarStart)..<Int(token.scalarEnd)]))
            #expect(slice == token.text)
        }
    }

    @Test func inflections() {
        #expect(PatternSet.forms(of: "supply", class: .verb).map { $0.joined(separator: " ") }.sorted() == ["supplied", "supplies", "supply", "supplying"])
        #expect(PatternSet.forms(of: "ship", class: .verb).map { $0.joined(separator: " ") }.contains("shipped"))
        #expect(PatternSet.forms(of: "meet with/met with/met with", class: .verb).map { $0.joined(separator: " ") }.contains("met with"))
    }
}
