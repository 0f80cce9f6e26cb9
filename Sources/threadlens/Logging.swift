import Foundation
import Logging

/// Logging set-up: the only place that configures swift-log.
///
/// On a terminal, warnings and errors print as `threadlens: warning: ...` and progress is one line
/// redrawn in place; elsewhere (cron, systemd, CI) every event is a structured `logfmt` line
/// (`ts=... level=info msg="stage finished" stage=ingest items=42 seconds=0.012`) and there are no bars.
enum LogSetup {
    static func bootstrap(verbose: Bool, quiet: Bool) {
        let terminal = Console.stderrIsTerminal
        let level: Logger.Level = verbose ? .debug : quiet ? .warning : terminal ? .warning : .info
        LoggingSystem.bootstrap { label in
            var handler: LogHandler = terminal ? TerminalLogHandler(label: label) : LogfmtLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Human lines for a terminal: `threadlens: warning: message (key=value ...)`.
struct TerminalLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let tail = all.isEmpty ? "" : " (" + all.keys.sorted().map { "\($0)=\(all[$0].map { "\($0)" } ?? "")" }.joined(separator: " ") + ")"
        Progress.shared.clear()
        let text = "\(message)"
        // Located input problems already read `file:line: warning: ...`: print them as they are.
        let located = text.contains(": warning: ") || text.contains(": error: ")
        Console.error(located ? text : "threadlens: \(level): \(text)\(tail)")
    }
}

/// One `logfmt` line per event, keys sorted after `ts`, `level`, `logger`, `msg`.
struct LogfmtLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        var parts = ["ts=\(ISO8601DateFormatter().string(from: Date()))", "level=\(level)", "logger=\(label)",
                     "msg=\(Self.quote("\(message)"))"]
        for key in all.keys.sorted() { parts.append("\(key)=\(Self.quote(all[key].map { "\($0)" } ?? ""))") }
        Console.error(parts.joined(separator: " "))
    }

    /// Quotes a value when it holds a space, quote, `=` or control character.
    static func quote(_ s: String) -> String {
        let needs = s.isEmpty || s.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        guard needs else { return s }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(u.value < 0x20 ? " " : u)
            }
        }
        return out + "\""
    }
}
