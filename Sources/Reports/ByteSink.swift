import Foundation

/// Where a report file's bytes go: a file written through a 1 MB buffer, or memory (for `render`).
///
/// Design notes: a million-comment report is hundreds of megabytes; building it as one `String` first
/// would double the peak memory and copy it once more into `Data`. Writers append to a sink instead and
/// the file is written as it is produced. Write errors are kept and thrown once by `close()`, so the
/// hot append paths stay non-throwing.
final class ByteSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private let path: String
    private var kept: [UInt8] = []
    private var failure: Error?
    private static let flushSize = 1 << 20

    /// A sink that keeps everything in memory.
    init() {
        handle = nil
        path = "<memory>"
        buffer.reserveCapacity(1 << 16)
    }

    /// A sink that creates (or truncates) the file at `url`.
    /// - Throws: `ReportError` naming the file when it cannot be created.
    init(file url: URL) throws {
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let h = FileHandle(forWritingAtPath: url.path) else {
            throw ReportError(path: url.path, message: "cannot create report file")
        }
        handle = h
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// A buffer writers may use for one cell or record before it is appended.
    var scratch: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= Self.flushSize { flush() }
    }

    func write(bytes: [UInt8]) {
        // A large block (a batch of rendered records) goes to the file as it is, not through the buffer.
        if handle != nil && bytes.count >= Self.flushSize / 4 {
            flush()
            put(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { flush() }
    }

    func write(byte b: UInt8) { buffer.append(b) }

    /// Lets `body` append to the buffer directly.
    func write(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= Self.flushSize { flush() }
    }

    private func flush() {
        guard handle != nil else {
            kept.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file unless an earlier write failed.
    private func put(_ bytes: [UInt8]) {
        guard let handle, failure == nil, !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: bytes) } catch { failure = error }
    }

    /// Flushes and closes the file.
    /// - Throws: `ReportError` naming the file when any write failed.
    func close() throws {
        flush()
        if let handle {
            do { try handle.close() } catch { failure = failure ?? error }
        }
        if let failure {
            throw ReportError(path: path, message: "cannot write report file: \(failure.localizedDescription)")
        }
    }

    /// Everything written, for an in-memory sink.
    var text: String {
        flush()
        return String(decoding: kept, as: UTF8.self)
    }
}
