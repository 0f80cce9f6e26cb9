import ArgumentParser

struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sentiment", abstract: "Score lines of text.")
    func run() throws { throw ValidationError("sentiment: not available yet") }
}
