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
        var parts = ["ts=\(Self.timestamp(Date()))", "level=\(level)", "logger=\(label)",
                     "msg=\(Self.quote("\(message)"))"]
        for key in all.keys.sorted() { parts.append("\(key)=\(Self.quote(all[key].map { "\($0)" } ?? ""))") }
        Console.error(parts.joined(separator: " "))
    }

    /// `2026-12-03T06:52:47Z`: ISO 8601 in UTC, whole seconds, without building a formatter per line.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
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
