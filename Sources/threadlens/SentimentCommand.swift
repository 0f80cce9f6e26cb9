import ArgumentParser
import Foundation
import Sentiment

/// `threadlens sentiment [--mode vader|default] [--lexicons DIR] [FILE]`: a scriptable front door.
///
/// Reads lines from FILE (or standard input): `id<TAB>text`, or bare text whose id is then its line number.
/// Blank lines are skipped; a trailing CR is dropped. Writes TSV with a header:
/// `id<TAB>compound<TAB>pos<TAB>neu<TAB>neg`, scores with 4 decimals. Input is streamed, output buffered,
/// so a million lines run in constant memory.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score lines of text (id<TAB>text or bare text) and write id, compound, pos, neu, neg as TSV.")

    @Option(help: "vader (vaderSentiment 3.3.2 numbers) or default (per sentence, software overlay).")
    var mode: SentimentMode = .default

    @Option(help: "Directory holding vader_lexicon.txt, emoji_utf8_lexicon.txt and software.tsv.")
    var lexicons: String?

    @Argument(help: "Input file; standard input when absent or '-'.")
    var file: String?

    func run() throws {
        let dir = try lexicons ?? Self.findLexicons()
        let analyzer = SentimentAnalyzer(lexicon: try Lexicon.load(directory: dir), options: SentimentOptions(mode: mode))
        let name = (file == nil || file == "-") ? "<stdin>" : file ?? "<stdin>"
        let input: FileHandle
        if let file, file != "-" {
            guard let h = FileHandle(forReadingAtPath: file) else { throw CommandError("\(file): error: cannot open file") }
            input = h
        } else {
            input = FileHandle.standardInput
        }
        var out = TSVOut(FileHandle.standardOutput)
        out.text("id\tcompound\tpos\tneu\tneg\n")
        var lineNo = 0
        try LineReader(input).forEach { bytes in
            lineNo += 1
            var line = bytes[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw CommandError("\(name):\(lineNo): error: line is not valid UTF-8")
            }
            var id = String(lineNo), body = Substring(text)
            if let tab = body.firstIndex(of: "\t") {
                id = String(body[..<tab])
                body = body[body.index(after: tab)...]
            }
            let s = analyzer.polarityScores(String(body))
            out.text(id)
            for v in [s.compound, s.pos, s.neu, s.neg] { out.byte(0x09); out.fixed4(v) }
            out.byte(0x0A)
        }
        out.flush()
    }

    /// `data/lexicons` under the working directory, else beside the package the binary was built in.
    static func findLexicons() throws -> String {
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath + "/data/lexicons"]
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("data/lexicons").path)
        }
        for c in candidates where fm.fileExists(atPath: c + "/" + Lexicon.lexiconFile) { return c }
        throw CommandError("error: no data/lexicons found (looked in \(candidates[0])); pass --lexicons DIR")
    }
}

extension SentimentMode: ExpressibleByArgument {}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Reads a file handle in 1 MB chunks and hands out lines (without the LF).
struct LineReader {
    let handle: FileHandle
    init(_ h: FileHandle) { handle = h }

    func forEach(_ body: ([UInt8]) throws -> Void) throws {
        var pending: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                try body(Array(pending[start..<nl]))
                start = nl + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try body(pending) }
    }
}

/// Buffered byte output with hand-formatted fixed-point numbers (String(format:) is ~30x slower).
struct TSVOut {
    let handle: FileHandle
    var buffer: [UInt8] = []
    init(_ h: FileHandle) { handle = h; buffer.reserveCapacity(1 << 16) }

    mutating func byte(_ b: UInt8) { buffer.append(b) }
    mutating func text(_ s: String) { buffer.append(contentsOf: s.utf8); if buffer.count >= 1 << 16 { flush() } }

    /// `v` with exactly 4 decimals, rounded half away from zero on v * 10^4.
    mutating func fixed4(_ v: Double) {
        var n = Int((abs(v) * 10000).rounded())
        if v < 0 && n != 0 { buffer.append(0x2D) }
        let frac = n % 10000
        n /= 10000
        buffer.append(contentsOf: String(n).utf8)
        buffer.append(0x2E)
        var d = 1000
        while d > 0 { buffer.append(UInt8(48 + (frac / d) % 10)); d /= 10 }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
