import ArgumentParser

/// The command line. Subcommands live one per file.
@main
struct ThreadLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadlens",
        abstract: "Reads discussion threads and reports who stands where.",
        version: "0.1.0",
        subcommands: [TopicsCommand.self, SentimentCommand.self])
}
