import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TextProcessing
import ThreadModel

/// Reads a file line by line in large chunks, without holding the whole file.
///
/// A line longer than `maxLineBytes` is not buffered: it is skipped to its end and reported as
/// `.tooLong`, so a 100 MB line costs no more memory than a chunk. Lines end at `\n`; a `\r` before it
/// is dropped. Numbers are 1-based.
///
/// Design notes: `FileHandle.read(upToCount:)` in 4 MB chunks measured at about 1.5 GB/s here; a
/// `String`-based split is 20x slower (see SWIFT-LINUX-NOTES). The caller gets the chunk array and a
/// range, so no line is copied unless it straddles two chunks.
struct LineReader {
    enum Line {
        case text(bytes: [UInt8], range: Range<Int>, number: Int)
        case tooLong(number: Int, bytes: Int)
    }

    let handle: FileHandle
    let path: String
    let chunkSize: Int
    let maxLineBytes: Int
    private static let zeros = [UInt8](repeating: 0, count: 1 << 16)
    private var buffer: [UInt8] = []
    private var pos = 0
    private var eof = false
    private(set) var lineNumber = 0
    /// Bytes consumed so far (for progress and benchmarks).
    private(set) var bytesRead = 0

    init(path: String, maxLineBytes: Int, chunkSize: Int = 1 << 22) throws {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw InputError(SourceLocation(file: path), code: "unreadable", "cannot open file")
        }
        handle = h
        self.path = path
        self.maxLineBytes = min(maxLineBytes, Span.maxOffset)  // text offsets are 32-bit
        self.chunkSize = chunkSize
    }

    /// Moves the pending bytes to the front and reads the next chunk after them, into the same storage
    /// (no new 4 MB array, no fresh pages per chunk) when the caller no longer holds the previous one.
    private mutating func fill() throws {
        if pos > 0 {
            buffer.removeSubrange(0..<pos)
            pos = 0
        }
        let old = buffer.count
        // Grown by copying from a ready block of zeros: a contiguous copy stays a memcpy even in unoptimised
        // (debug, sanitizer) builds, where appending a generic `repeatElement` costs seconds per chunk.
        var missing = chunkSize
        while missing > 0 {
            let step = min(missing, Self.zeros.count)
            buffer.append(contentsOf: Self.zeros[0..<step])
            missing -= step
        }
        let fd = handle.fileDescriptor
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            while true {
                let r = Glibc.read(fd, raw.baseAddress! + old, chunkSize)
                if r >= 0 || errno != EINTR { return r }
            }
        }
        guard n >= 0 else {
            buffer.removeLast(chunkSize)
            throw InputError(SourceLocation(file: path, line: lineNumber), code: "unreadable", "read error (errno \(errno))")
        }
        buffer.removeLast(chunkSize - n)
        if n == 0 { eof = true; return }
        bytesRead += n
    }

    mutating func next() throws -> Line? {
        var searchFrom = pos
        while true {
            if let nl = UTF8Text.firstIndex(of: 0x0A, in: buffer, from: searchFrom, to: buffer.count) {
                lineNumber += 1
                if nl - pos > maxLineBytes {
                    let length = nl - pos
                    pos = nl + 1
                    return .tooLong(number: lineNumber, bytes: length)
                }
                let end = nl > pos && buffer[nl - 1] == 0x0D ? nl - 1 : nl
                let r = pos..<end
                pos = nl + 1
                return .text(bytes: buffer, range: r, number: lineNumber)
            }
            if buffer.count - pos > maxLineBytes {
                return try skipLongLine()
            }
            if eof {
                guard pos < buffer.count else { return nil }
                lineNumber += 1
                let end = buffer.last == 0x0D ? buffer.count - 1 : buffer.count
                let r = pos..<end
                pos = buffer.count
                return .text(bytes: buffer, range: r, number: lineNumber)
            }
            let pending = buffer.count - pos
            try fill()
            searchFrom = eof ? buffer.count : pos + pending
        }
    }

    /// Discards the rest of an over-long line, chunk by chunk.
    private mutating func skipLongLine() throws -> Line {
        lineNumber += 1
        var length = buffer.count - pos
        buffer = []
        pos = 0
        while true {
            try fill()
            if eof { return .tooLong(number: lineNumber, bytes: length) }
            if let nl = UTF8Text.firstIndex(of: 0x0A, in: buffer, from: 0, to: buffer.count) {
                length += nl
                pos = nl + 1
                return .tooLong(number: lineNumber, bytes: length)
            }
            length += buffer.count
            buffer = []
            pos = 0
        }
    }
}

/// Reads a whole file as bytes, with a clear error when it cannot be read.
func readWholeFile(_ path: String) throws -> [UInt8] {
    // Offsets into a text are 32-bit (`Span`): a file read whole must stay below 2 GiB.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Span.maxOffset {
        throw InputError(SourceLocation(file: path), code: "unreadable", "file of \(size) bytes is too large to read whole (limit \(Span.maxOffset))")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(SourceLocation(file: path), code: "unreadable", "cannot read file")
    }
    return [UInt8](data)
}
