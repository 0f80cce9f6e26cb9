import Testing
@testable import Ingest
import ThreadModel

@Suite struct ArticleTests {
    @Test func markdownArticleIsOneDocument() throws {
        let result = try Ingestor().read(paths: [fixture("article.md")])
        #expect(result.formats == [.article])
        let t = try #require(result.threads.first)
        #expect(t.id == "article")
        #expect(t.title == "Kernel maintainers settle the Rust question")
        #expect(t.comments.isEmpty)
        #expect(t.body == "The annual summit ended with a clear decision: Rust support is no longer marked as an experiment.\n\nMaintainers said the driver work convinced most of them.")
    }

    @Test func seedArticlesRead() throws {
        guard let shared = sharedDirectory() else {
            print("ArticleTests.seedArticlesRead: skipped, ../shared is absent")
            return
        }
        let result = try Ingestor().read(paths: [shared + "/seeds/article-thenewstack.txt"])
        #expect(result.formats == [.article])
        #expect((result.threads.first?.body?.count ?? 0) > 1000)
    }
}
