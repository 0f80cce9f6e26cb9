import Foundation

/// Renders a long run of records on every core and writes them in order.
///
/// Records are taken a batch at a time; a batch is cut into consecutive chunks rendered concurrently,
/// each into its own buffer, and the buffers are appended to the sink in chunk order. The bytes are
/// therefore those of a plain loop whatever the number of cores, and no more than one batch of
/// rendered text is held at once.
enum LineBatches {
    static let chunk = 1_024
    static let chunksPerBatch = 8

    /// Calls `render(k, &out, &scratch)` for every `k` in `0..<count`, appending record `k`'s bytes to
    /// `out`; `scratch` (made by `makeScratch`, one per chunk) is a writer the closure may reuse
    /// between records.
    static func write<Scratch>(count: Int, to sink: ByteSink, scratch makeScratch: @Sendable () -> Scratch,
                               _ render: @Sendable (Int, inout [UInt8], inout Scratch) -> Void) {
        let batch = chunk * chunksPerBatch
        var start = 0
        while start < count {
            let (first, end) = (start, min(count, start + batch))
            let chunks = (end - start + chunk - 1) / chunk
            let slots = OrderedSlots<[UInt8]>(count: chunks, empty: [])
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = first + c * chunk
                var out: [UInt8] = []
                out.reserveCapacity(chunk * 512)
                var line = makeScratch()
                for k in lo..<min(end, lo + chunk) { render(k, &out, &line) }
                slots.put(c, out)
            }
            for c in 0..<chunks { sink.write(bytes: slots.take(c)) }
            start = end
        }
    }
}

/// One result per chunk of a parallel loop: each slot is put by one worker and taken (and released,
/// so results are not held twice) once all have finished.
final class OrderedSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T]
    private let empty: T

    init(count: Int, empty: T) {
        values = Array(repeating: empty, count: count)
        self.empty = empty
    }

    func put(_ i: Int, _ value: T) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    func take(_ i: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = values[i]
        values[i] = empty
        return value
    }
}
