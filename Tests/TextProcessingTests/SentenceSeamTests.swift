import TextProcessing
import ThreadModel
import Testing

/// Sentence spans cover the sentences and skip the white space between them.
@Test func splitterSpansSkipWhiteSpace() {
    let text = "Rust is here. Is it ready?  Yes!"
    let parts = SentenceSplitter.split(text).map { text.slice($0) }
    #expect(parts == ["Rust is here.", "Is it ready?", "Yes!"])
}
