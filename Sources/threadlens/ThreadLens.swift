import ArgumentParser
import Foundation
import Pipeline

/// The command line. Subcommands live one per file; this file maps errors to exit codes.
///
/// Exit codes: 0 success; 1 the run failed (input, analysis or output); 2 a usage or
/// pipeline-file error (nothing was run). Errors go to stderr as `file:line: error: ...`.
@main
struct ThreadLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadlens",
        abstract: "Reads discussion threads and reports who stands where.",
        discussion: """
            ThreadLens reads discussion threads (Slashdot, Hacker News, Reddit, mbox, JSONL/CSV, \
            articles) and reports sentiment, topics and pro/anti stance per comment, as CSV, JSON \
            and HTML.

            EXAMPLES:
              threadlens run Pipelines/nightly.yml          the nightly job (what cron calls)
              threadlens run Pipelines/nightly.yml --full   re-analyse every thread
              threadlens validate Pipelines/nightly.yml     check a pipeline file, run nothing
              threadlens analyze data/samples/*.jsonl --out /tmp/report
              threadlens sentiment < lines.txt              score lines of text
              threadlens doctor                             BLAS library, threads, data files

            EXIT CODES:
              0  success
              1  the run failed (unreadable input in --strict mode, analysis or output error,
                 another run holding the lock)
              2  usage or pipeline-file error (nothing was run)
            """,
        version: ThreadLensVersion.current,
        subcommands: [RunCommand.self, AnalyzeCommand.self, ValidateCommand.self, SentimentCommand.self,
                      TopicsCommand.self, DoctorCommand.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Console.error(failure.message)
            Foundation.exit(failure.code)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // Help, --version and usage errors from the parser.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(ExitStatus.usage)
        }
    }
}

/// The documented exit codes.
enum ExitStatus {
    static let success: Int32 = 0
    static let runFailed: Int32 = 1
    static let usage: Int32 = 2
}

/// An error already worded for the user, with its exit code.
struct CommandFailure: Error {
    var message: String
    var code: Int32
    init(_ message: String, code: Int32) {
        self.message = message
        self.code = code
    }
}

/// Writes to stdout and stderr through FileHandle (the C globals are off limits under strict concurrency).
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
