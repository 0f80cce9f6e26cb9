import ThreadModel

struct RedditReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        try context.skip(line: 0, code: "unsupported", "this format is not read yet")
        return []
    }
}
