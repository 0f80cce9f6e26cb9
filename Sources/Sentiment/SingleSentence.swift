/// Recognises text that ``SentenceSplitter`` would return as one sentence, without running it.
///
/// Most lines given to `polarityScores` are one sentence. The splitter ends a sentence only after `.`,
/// `!`, `?`, `…` or a line break followed by white space or the end; so when every such character sits in
/// the final run of terminal marks and closing quotes or brackets (before trailing white space), the
/// splitter's only possible cut is at the end of the text and its result is the text trimmed of white space.
/// That case is answered here in one scan with no allocation; anything else goes to the splitter.
/// `SingleSentenceTests` checks the answer against the splitter on crafted and generated lines.
enum SingleSentence {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isTerminalOrCloser(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D
    }

    /// The span of the only sentence of `b` (empty when `b` is blank), or nil when `b` may hold several.
    static func span(_ b: Bytes) -> Range<Int>? {
        var end = b.count
        while end > 0 && isSpace(b[end - 1]) { end -= 1 }
        var run = end
        while run > 0 && isTerminalOrCloser(b[run - 1]) { run -= 1 }
        var start = 0
        while start < run && isSpace(b[start]) { start += 1 }
        for i in start..<run {
            let c = b[i]
            // Bytes above "?" other than the lead byte of "…" (and of curly quotes) cannot end a sentence.
            if c > 0x3F { if c == 0xE2 { return nil } else { continue } }
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x0A { return nil }
        }
        return start < end ? start..<end : 0..<0
    }
}
