import Foundation
import Testing
@testable import Ingest
import ThreadModel

/// The line reader at chunk boundaries: chunk sizes far below the lines make every line straddle reads.
@Suite struct LineReaderTests {
    private func lines(_ bytes: [UInt8], chunk: Int, max: Int = 1 << 20) throws -> [String] {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("lines.txt")
        try write(bytes, to: url)
        var reader = try LineReader(path: url.path, maxLineBytes: max, chunkSize: chunk)
        var out: [String] = []
        while let line = try reader.next() {
            switch line {
            case .text(let b, let r, let number):
                #expect(number == out.count + 1)
                // Hex, not a String: the bytes themselves, invalid ones included.
                out.append(b[r].map { String($0, radix: 16) }.joined(separator: " "))
            case .tooLong(let number, let length):
                #expect(number == out.count + 1)
                out.append("too long: \(length)")
            }
        }
        #expect(reader.bytesRead == bytes.count)
        return out
    }

    private func hex(_ s: [UInt8]) -> String { s.map { String($0, radix: 16) }.joined(separator: " ") }

    @Test func everyChunkSizeGivesTheSameLines() throws {
        // Multi-byte characters, a truncated sequence, an invalid byte and CRLF, at shifting offsets.
        let text: [[UInt8]] = [
            Array("first line — dash".utf8), [], Array("caf".utf8) + [0xC3, 0xA9, 0x0D],
            [0xE2, 0x82] + Array(" cut".utf8), [0xFF, 0xF0, 0x9F, 0x98, 0x80], Array("no newline at the end".utf8),
        ]
        var bytes: [UInt8] = []
        for (k, l) in text.enumerated() {
            bytes += l
            if k < text.count - 1 { bytes.append(0x0A) }
        }
        let expected = text.map { l in hex(l.last == 0x0D ? Array(l.dropLast()) : l) }
        for chunk in 1...12 {
            #expect(try lines(bytes, chunk: chunk) == expected, "chunk \(chunk)")
        }
        #expect(try lines(bytes, chunk: 1 << 22) == expected)
    }

    @Test func aLongLineIsSkippedAndTheNextOneRead() throws {
        let long = [UInt8](repeating: 0x61, count: 100)
        let bytes = Array("short\n".utf8) + long + [0x0A] + Array("after é\n".utf8) + long
        for chunk in [3, 7, 16, 64, 1024] {
            let got = try lines(bytes, chunk: chunk, max: 20)
            #expect(got == [hex(Array("short".utf8)), "too long: 100", hex(Array("after é".utf8)), "too long: 100"], "chunk \(chunk)")
        }
    }

    @Test func emptyFileAndBlankLines() throws {
        #expect(try lines([], chunk: 4) == [])
        #expect(try lines([0x0A, 0x0A], chunk: 1) == ["", ""])
        #expect(try lines([0x0D, 0x0A, 0x0D], chunk: 2) == ["", ""])
    }

    @Test func jsonlReadInTinyChunksMatchesOneChunk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("t.jsonl")
        var body = ""
        for i in 0..<40 {
            body += "{\"id\": \(i), \"time\": \(1_765_000_000 + i), \"text\": \"Comment \(i) — naïve café. Second sentence!\"}\n"
        }
        try write(Array(body.utf8), to: url)
        var small = ReadContext(file: url.path, options: IngestOptions())
        var one = ReadContext(file: url.path, options: IngestOptions())
        let a = try JSONFileLines.collect(url.path, chunk: 5, context: &small)
        let b = try JSONFileLines.collect(url.path, chunk: 1 << 22, context: &one)
        #expect(a.count == 40 && a == b)
    }
}

/// Reads every line of a file with a given chunk size, as the readers do.
private enum JSONFileLines {
    static func collect(_ path: String, chunk: Int, context: inout ReadContext) throws -> [[UInt8]] {
        var reader = try LineReader(path: path, maxLineBytes: context.options.maxRecordBytes, chunkSize: chunk)
        var out: [[UInt8]] = []
        while let line = try reader.next() {
            if case .text(let b, let r, _) = line { out.append(Array(b[r])) }
        }
        return out
    }
}

@Suite struct TimeFieldTests {
    @Test func wholeNumbersReadLikeTheGeneralParser() {
        for text in ["0", "1765000000", "-5", "1765000000123", "999999999999999", "42"] {
            #expect(Dates.wholeNumber(text) == Double(text), "\(text)")
        }
        // Not plain whole numbers: left to the general path.
        for text in ["", "-", "--5", "1-2", " 5", "5 ", "1.5", "1e9", "+5", "1234567890123456", "٣"] {
            #expect(Dates.wholeNumber(text) == nil, "\(text)")
        }
        #expect(Dates.parse("1765000000") == 1_765_000_000)
        #expect(Dates.parse("1765000000123") == 1_765_000_000.123)
        #expect(Dates.parse(" 1765000000 ") == 1_765_000_000)
        #expect(Dates.parse("1765000000.5") == 1_765_000_000.5)
    }
}
