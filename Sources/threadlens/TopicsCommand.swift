import ArgumentParser

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "Cluster comments into labelled topics.")
    func run() throws { throw ValidationError("topics: not available yet") }
}
