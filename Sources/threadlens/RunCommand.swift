import ArgumentParser
import Foundation
import LinearAlgebra
import Logging
import Pipeline

/// Options shared by the commands that run a pipeline.
struct RunFlags: ParsableArguments {
    @Flag(name: .long, help: "Log every stage's details (debug level).")
    var verbose = false

    @Flag(name: .long, help: "Only warnings and errors; no progress line.")
    var quiet = false

    @Option(name: .long, help: "Seconds to wait for another run of the same pipeline to finish (default: fail at once).")
    var wait: Double = 0

    @Option(name: .customLong("date"), help: ArgumentHelp("Run date YYYY-MM-DD (default: today, UTC).", visibility: .hidden))
    var runDate: String?

    @Option(name: .customLong("pause-before-publish"), help: ArgumentHelp("Test hook: seconds to pause before publishing.", visibility: .hidden))
    var pauseBeforePublish: Double = 0

    func setUp() {
        LogSetup.bootstrap(verbose: verbose, quiet: quiet)
        Progress.shared.enabled = Console.stderrIsTerminal && !quiet
    }

    func runOptions(full: Bool) -> RunOptions {
        var o = RunOptions(full: full, runDate: runDate)
        o.lockWait = wait
        o.pauseBeforePublish = pauseBeforePublish
        o.dataDirectory = DataDirectory.locate()
        o.blasLibrary = BLASInfo.current().summary
        return o
    }
}

/// `threadlens run <pipeline.yml> [--full]`: what cron or a systemd timer calls.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline file: ingest, sentiment, topics, stance, reports.",
        discussion: """
            Writes reports/<pipeline>/<run date>/ (comments.csv, threads.csv, topics.csv, history.csv, \
            summary.json, manifest.json, report.html) and repoints reports/<pipeline>/latest. Only \
            threads that are new or changed since the last run are analysed again unless --full. \
            Prints one summary line on stdout. Exit 0 ok, 1 run failed, 2 pipeline-file error.
            """)

    @Argument(help: "The pipeline file (YAML), e.g. Pipelines/nightly.yml.")
    var pipeline: String

    @Flag(name: .long, help: "Re-analyse every thread instead of reusing unchanged ones.")
    var full = false

    @OptionGroup var flags: RunFlags

    func run() throws {
        flags.setUp()
        let file = try loadPipeline(pipeline)
        var options = flags.runOptions(full: full)
        options.pipelineFilePath = pipeline
        try execute(file, options: options)
    }
}

/// Loads and validates a pipeline file, turning problems into exit code 2.
func loadPipeline(_ path: String) throws -> PipelineFile {
    do {
        return try PipelineLoader().load(path: path)
    } catch let error as PipelineFileError {
        throw CommandFailure(error.description, code: ExitStatus.usage)
    }
}

/// Runs a pipeline and prints its summary line; any failure is exit code 1.
func execute(_ pipeline: PipelineFile, options: RunOptions) throws {
    let logger = Logger(label: "threadlens.pipeline")
    do {
        let summary = try PipelineRunner(pipeline: pipeline, options: options, logger: logger,
                                         progress: Progress.shared.handler).run()
        Progress.shared.clear()
        Console.out(summary.line)
    } catch {
        Progress.shared.clear()
        throw CommandFailure(describe(error), code: ExitStatus.runFailed)
    }
}

/// Error text for the user: located errors keep their `file:line: error:` form.
func describe(_ error: Error) -> String {
    let text = "\(error)"
    if text.contains(": error: ") { return text }
    return "threadlens: error: \(text)"
}
