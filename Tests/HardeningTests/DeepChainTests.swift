import Foundation
import Ingest
import Sentiment
import Stance
import Testing
import ThreadModel

/// A 100,000-deep reply chain goes through ingest and stance (reply inheritance walks the tree)
/// without overflowing the stack: both walk iteratively. The main thread's stack is 8 MB and a test
/// thread's may be smaller, so a recursive walk of this depth would crash here.
@Suite struct DeepChainTests {
    static let depth = 100_000

    @Test func hundredThousandDeepChainIngestsAndClassifies() throws {
        let root = try Hardening.scratch("deep")
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("chain.jsonl").path
        var text = ""
        text.reserveCapacity(Self.depth * 90)
        for i in 0..<Self.depth {
            let parent = i == 0 ? "" : ",\"parent\":\"c\(i - 1)\""
            text += "{\"thread\":\"deep\",\"id\":\"c\(i)\"\(parent),\"time\":\(1_765_441_800 + i),\"text\":\"Rust reply \(i) agrees.\"}\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)

        let result = try Ingestor().read(path: path)
        let thread = try #require(result.threads.first)
        #expect(thread.comments.count == Self.depth)
        #expect(thread.comments.map(\.depth).max() == Self.depth - 1)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(3))")

        let profilePath = Hardening.repo.appendingPathComponent("data/stance/rust-in-linux.yml").path
        let classifier = StanceClassifier(profile: try StanceProfile.load(path: profilePath))
        let stances = classifier.run(threads: [thread], sentiments: [:])
        #expect(stances.count == Self.depth)
    }
}
