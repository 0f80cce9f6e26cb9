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
    /// Read storage: `buffer[pos..<end]` is what is read and not yet returned; bytes from `end` on are
    /// free space (stale or zero), never part of a line.
    private var buffer: [UInt8] = []
    private var pos = 0
    private var end = 0
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
        self.chunkSize = max(1, chunkSize)
    }

    /// Moves the pending bytes to the front and reads the next chunk after them, into the same storage
    /// when the caller no longer holds the previous line's array.
    ///
    /// The storage is zero-filled only when it has to grow (the first chunk, or a long pending line): a
    /// `[UInt8]` that was cut back to the bytes read had to be refilled with a chunk of zeros before every
    /// read, as many bytes written as the file holds.
    private mutating func fill() throws {
        let pending = end - pos
        if pos > 0 {
            if pending > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    let base = b.baseAddress!
                    base.update(from: base + pos, count: pending)  // memmove: the ranges may overlap
                }
            }
            pos = 0
            end = pending
        }
        if buffer.count < end + chunkSize {
            // Grown with memcpy and memset: unoptimised (debug, sanitizer) builds append a generic
            // `repeatElement` at seconds per chunk.
            let size = end + chunkSize, keep = end, old = buffer
            buffer = [UInt8](unsafeUninitializedCapacity: size) { b, count in
                let base = b.baseAddress!
                if keep > 0 { old.withUnsafeBufferPointer { _ = memcpy(base, $0.baseAddress!, keep) } }
                memset(base + keep, 0, size - keep)
                count = size
            }
        }
        let fd = handle.fileDescriptor
        let start = end, want = chunkSize
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            while true {
                let r = Glibc.read(fd, raw.baseAddress! + start, want)
                if r >= 0 || errno != EINTR { return r }
            }
        }
        guard n >= 0 else {
            throw InputError(SourceLocation(file: path, line: lineNumber), code: "unreadable", "read error (errno \(errno))")
        }
        if n == 0 { eof = true; return }
        end += n
        bytesRead += n
    }

    mutating func next() throws -> Line? {
        var searchFrom = pos
        while true {
            if let nl = UTF8Text.firstIndex(of: 0x0A, in: buffer, from: searchFrom, to: end) {
                lineNumber += 1
                if nl - pos > maxLineBytes {
                    let length = nl - pos
                    pos = nl + 1
                    return .tooLong(number: lineNumber, bytes: length)
                }
                let e = nl > pos && buffer[nl - 1] == 0x0D ? nl - 1 : nl
                let r = pos..<e
                pos = nl + 1
                return .text(bytes: buffer, range: r, number: lineNumber)
            }
            if end - pos > maxLineBytes {
                return try skipLongLine()
            }
            if eof {
                guard pos < end else { return nil }
                lineNumber += 1
                let e = buffer[end - 1] == 0x0D ? end - 1 : end
                let r = pos..<e
                pos = end
                return .text(bytes: buffer, range: r, number: lineNumber)
            }
            let pending = end - pos
            try fill()
            searchFrom = eof ? end : pos + pending
        }
    }

    /// Discards the rest of an over-long line, chunk by chunk.
    private mutating func skipLongLine() throws -> Line {
        lineNumber += 1
        var length = end - pos
        buffer = []  // the storage grew with the line: let it go
        pos = 0
        end = 0
        while true {
            try fill()
            if eof { return .tooLong(number: lineNumber, bytes: length) }
            if let nl = UTF8Text.firstIndex(of: 0x0A, in: buffer, from: 0, to: end) {
                length += nl
                pos = nl + 1
                return .tooLong(number: lineNumber, bytes: length)
            }
            length += end
            pos = 0
            end = 0
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
