import ArgumentParser
import Pipeline

struct ThreadLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadlens",
        abstract: "Reads discussion threads and reports who stands where.",
        version: "0.1.0")
}

ThreadLens.main()
