import Testing
import Topics

@Suite("Topic modeler")
struct TopicModelerTests {
    @Test("empty input gives no topics")
    func empty() throws {
        let result = try TopicModeler().run([])
        #expect(result.topics.isEmpty && result.assignments.isEmpty)
    }
}
