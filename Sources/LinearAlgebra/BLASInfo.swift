import CLinearAlgebra
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which BLAS and LAPACK the process actually loaded, and how many threads BLAS uses.
///
/// Debian picks `libblas.so.3`/`liblapack.so.3` through the alternatives system, so the library
/// that runs is only known at run time: this reads `/proc/self/maps` for the mapped libraries and
/// resolves symbolic links to their real files. The thread count comes from OpenBLAS's
/// `openblas_get_num_threads`, looked up with `dlsym` so the reference BLAS (which has no threads,
/// and no such symbol) still links; without it the count is 1.
public struct BLASInfo: Sendable, Hashable, Codable {
    /// Real paths of the mapped BLAS/LAPACK/OpenBLAS libraries, sorted.
    public var libraries: [String]
    /// The BLAS implementation: "OpenBLAS", "reference" or "unknown".
    public var implementation: String
    /// Threads BLAS may use.
    public var threads: Int

    /// The libraries loaded into this process now.
    public static func current() -> BLASInfo {
        _ = dot([1], [1])  // make sure the libraries are mapped before reading the map
        let libraries = mappedLibraries()
        let isOpen = libraries.contains { $0.lowercased().contains("openblas") }
            || symbol("openblas_get_num_threads") != nil
        let isReference = !isOpen && libraries.contains { $0.contains("/blas/") || $0.contains("/lapack/") }
        return BLASInfo(libraries: libraries,
                        implementation: isOpen ? "OpenBLAS" : (isReference ? "reference" : "unknown"),
                        threads: threadCount())
    }

    /// One line for `doctor` and benchmarks: implementation, threads and library files.
    public var summary: String {
        "\(implementation), \(threads) thread\(threads == 1 ? "" : "s") (\(libraries.joined(separator: ", ")))"
    }

    /// Threads OpenBLAS uses, or 1 for a BLAS without threads.
    public static func threadCount() -> Int {
        typealias Getter = @convention(c) () -> Int32
        guard let sym = symbol("openblas_get_num_threads") else { return 1 }
        return Int(unsafeBitCast(sym, to: Getter.self)())
    }

    /// Sets OpenBLAS's thread count; returns false (and does nothing) for a BLAS without threads.
    @discardableResult
    public static func setThreadCount(_ n: Int) -> Bool {
        typealias Setter = @convention(c) (Int32) -> Void
        guard n >= 1, let sym = symbol("openblas_set_num_threads") else { return false }
        unsafeBitCast(sym, to: Setter.self)(Int32(n))
        return true
    }

    /// A dot product through CBLAS, proving the library links.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        BLAS.dot(x, y)
    }

    static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        return dlsym(handle, name)
    }

    /// Paths in `/proc/self/maps` naming a BLAS, LAPACK or OpenBLAS library, resolved and de-duplicated.
    /// procfs files report size 0, so the map is read through `FileHandle` to the end.
    static func mappedLibraries() -> [String] {
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return [] }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd(), let text = String(data: data, encoding: .utf8) else { return [] }
        var found = Set<String>()
        for line in text.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            let name = path.split(separator: "/").last.map(String.init) ?? ""
            guard name.hasPrefix("libblas") || name.hasPrefix("liblapack") || name.hasPrefix("libopenblas")
                || name.hasPrefix("libcblas") else { continue }
            found.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        }
        return found.sorted()
    }
}
