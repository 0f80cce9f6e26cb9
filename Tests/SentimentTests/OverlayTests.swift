import Foundation
import Testing
@testable import Sentiment

/// The software overlay: every entry scores as its file says, and domain sentences read right.
@Suite struct OverlayTests {
    @Test func overlayIsLoadedWithNotes() {
        let overlay = Support.lexicon.overlay
        #expect(overlay.count >= 60)
        for e in overlay { #expect(!e.note.isEmpty && (-4...4).contains(e.valence), "\(e.term)") }
        let required = ["unsafe", "panic", "kill", "killer", "dead", "crash", "abort", "garbage", "use after free",
                        "safe", "safety", "bug", "CVE", "UB", "segfault", "bloat", "hype", "zealot", "toxic", "churn"]
        let terms = Set(overlay.map(\.term))
        for t in required { #expect(terms.contains(t), "overlay lacks '\(t)'") }
    }

    /// Each entry in a neutral frame: the entry's token carries exactly its valence (or nothing for 0).
    @Test func everyEntryScoresItsValence() {
        let a = Support.standard
        for e in Support.lexicon.overlay {
            let text = "They mentioned \(e.term) yesterday"
            let r = a.scorer.score(Array(text.utf8))
            #expect(r.tokens.count == 4, "'\(e.term)' should read as one token, got \(r.tokens.count - 3)")
            guard r.tokens.count == 4 else { continue }
            expectClose(r.wordScores[2], e.valence, 1e-12, "'\(e.term)' (line \(e.line))")
            expectClose(r.wordScores[0] + r.wordScores[1] + r.wordScores[3], 0, 1e-12, "frame around '\(e.term)'")
        }
    }

    /// Sentences from software talk: the class vader mode gets wrong and the default mode gets right.
    @Test(arguments: [
        ("The code has an unsafe block for the MMIO access.", 0),
        ("Memory safety is why we want it.", 1),
        ("The driver hit a kernel panic on boot.", -1),
        ("Use kill -9 on the process and restart it.", 0),
        ("Borrow checking is the killer feature of the language.", 1),
        ("The new allocator kills the old workaround.", 0),
        ("The OOM killer took out the build.", -1),
        ("Remove the dead code in that path.", 0),
        ("The test suite crashed again.", -1),
        ("Call abort when the invariant fails.", -1),
        ("The garbage collector runs concurrently.", 0),
        ("Another use after free in the USB stack.", -1),
        ("The buffer is freed twice.", 0),
        ("Free the buffer before returning.", 0),
        ("You get bounds checks for free.", 1),
        ("Feel free to send a patch.", 1),
        ("Another CVE in the parser.", -1),
        ("That cast is UB in C.", -1),
        ("The tool segfaults on large inputs.", -1),
        ("The binary bloat is annoying.", -1),
        ("I am tired of the hype.", -1),
        ("The zealots on both sides are the problem.", -1),
        ("The mailing list can be toxic.", -1),
        ("The churn in the driver API costs us.", -1),
        ("Add the block device to the list.", 0),
        ("Use the stable API for that.", 0),
        ("Merged with no problems.", 1),
        ("The port is not great.", -1),
    ] as [(String, Int)])
    func domainSentences(_ text: String, _ expected: Int) {
        func cls(_ c: Double) -> Int { c >= 0.05 ? 1 : (c <= -0.05 ? -1 : 0) }
        let d = Support.standard.polarityScores(text).compound
        #expect(cls(d) == expected, "default mode: \(d) for '\(text)' (vader mode: \(Support.vader.polarityScores(text).compound))")
    }

    @Test func vaderModeIgnoresTheOverlay() {
        expectClose(VaderRuleTests.words("the code is free")[3], 2.3)
        expectClose(DefaultModeTests.words("the code is free")[3], 0)
    }
}
