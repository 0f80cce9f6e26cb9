/// RFC 4180 CSV cells, with spreadsheet formula neutralising.
public enum CSV {
    /// Quotes a cell when needed; a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
    public static func cell(_ value: String) -> String {
        var v = value
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

import Foundation
