import Stance

/// Inline SVG charts for `report.html`. Sizes are in SVG user units; every number is written with one
/// decimal by `Format.fixed`, every label through `HTML.escape`, so the markup is deterministic and safe.
enum Charts {
    /// Stance colours: a blue/orange pair that stays apart for the common colour-vision deficiencies.
    static func colour(_ label: StanceLabel) -> String {
        switch label {
        case .pro: return "#1f78b4"
        case .anti: return "#e66101"
        case .neutral: return "#b8b8b8"
        case .offTopic: return "#8fc9bd"
        }
    }

    static func n(_ x: Double) -> String { Format.fixed(x, decimals: 1) ?? "0" }

    static func percent(_ x: Double) -> String { (Format.fixed(x * 100, decimals: 0) ?? "0") + "%" }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Int = 12,
                     extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(extra)>\(HTML.escape(s))</text>"
    }

    static func svg(width: Int, height: Int, label: String, _ body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "height=\"\(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
            + "<title>\(HTML.escape(label))</title>\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    static func legend(x: Double, y: Double) -> [String] {
        StanceLabel.allCases.enumerated().flatMap { i, l -> [String] in
            let lx = x + Double(i) * 110
            return ["<rect x=\"\(n(lx))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(colour(l))\"/>",
                    text(l.rawValue.replacingOccurrences(of: "_", with: "-"), x: lx + 16, y: y)]
        }
    }

    /// One bar per row, split into the four stance shares (raw, unweighted), `n = total` at the right.
    static func stanceBars(_ rows: [(label: String, summary: StanceSummary)], title: String) -> String {
        let labelWidth = 260.0, barWidth = 520.0, rowHeight = 26.0, top = 34.0
        let height = Int(top + Double(rows.count) * rowHeight + 14)
        var body = legend(x: labelWidth, y: 18)
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            body.append(text(clip(row.label, 40), x: labelWidth - 8, y: y + 15, anchor: "end"))
            var x = labelWidth
            for share in row.summary.shares where share.share > 0 {
                let w = share.share * barWidth
                let tip = "\(share.label.rawValue): \(share.count) of \(row.summary.total) (\(percent(share.share)), "
                    + "95% CI \(percent(share.interval.lower))-\(percent(share.interval.upper)))"
                body.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"20\" fill=\"\(colour(share.label))\">"
                            + "<title>\(HTML.escape(tip))</title></rect>")
                if w >= 34 {
                    let ink = share.label == .pro || share.label == .anti ? " fill=\"#fff\"" : ""
                    body.append(text(percent(share.share), x: x + w / 2, y: y + 14, anchor: "middle", size: 11, extra: ink))
                }
                x += w
            }
            if row.summary.total == 0 {
                body.append("<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(barWidth))\" height=\"20\" fill=\"#f0f0f0\"/>")
            }
            body.append(text("n = \(row.summary.total)", x: labelWidth + barWidth + 8, y: y + 15))
        }
        return svg(width: Int(labelWidth + barWidth + 70), height: height, label: title, body)
    }

    /// A histogram of compound sentiment in 20 bins of width 0.1 over [-1, 1] (1 falls in the last bin),
    /// bars tinted anti below -0.1, pro from 0.1 up, neutral between.
    static func sentimentHistogram(_ values: [Double], title: String) -> String {
        var bins = [Int](repeating: 0, count: 20)
        for v in values where v.isFinite {
            bins[Int(max(0, min(19, ((v + 1) * 10).rounded(.down))))] += 1   // clamped before Int(): no trap on wild values
        }
        let left = 44.0, top = 16.0, plotW = 600.0, plotH = 180.0
        let peak = max(1, bins.max() ?? 1)
        var body: [String] = [
            "<line x1=\"\(n(left))\" y1=\"\(n(top + plotH))\" x2=\"\(n(left + plotW))\" y2=\"\(n(top + plotH))\" stroke=\"#555\"/>",
            "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\" stroke=\"#555\"/>",
            text(String(peak), x: left - 6, y: top + 4, anchor: "end", size: 11),
            text("0", x: left - 6, y: top + plotH + 4, anchor: "end", size: 11),
        ]
        let bw = plotW / 20
        for (i, count) in bins.enumerated() where count > 0 {
            let h = Double(count) / Double(peak) * plotH
            let lo = -1 + Double(i) / 10
            // The two bins around 0 ([-0.1, 0.1)) are VADER's neutral band (|compound| < 0.05) and its edges.
            let fill = i < 9 ? colour(.anti) : i > 10 ? colour(.pro) : colour(.neutral)
            let tip = "\(Format.fixed(lo, decimals: 1) ?? "") to \(Format.fixed(lo + 0.1, decimals: 1) ?? ""): \(count)"
            body.append("<rect x=\"\(n(left + Double(i) * bw + 1))\" y=\"\(n(top + plotH - h))\" width=\"\(n(bw - 2))\" "
                        + "height=\"\(n(h))\" fill=\"\(fill)\"><title>\(HTML.escape(tip))</title></rect>")
        }
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            let x = left + (tick + 1) / 2 * plotW
            body.append(text(Format.fixed(tick, decimals: 1) ?? "", x: x, y: top + plotH + 16, anchor: "middle", size: 11))
        }
        body.append(text("compound sentiment (own words), \(values.count) comments", x: left + plotW / 2,
                         y: top + plotH + 34, anchor: "middle", size: 11))
        return svg(width: Int(left + plotW + 16), height: Int(top + plotH + 42), label: title, body)
    }

    /// Share of each stance per day (all sources, threads and topics together), one line per stance.
    static func stanceOverTime(_ days: [(date: String, counts: [StanceLabel: Int])], title: String) -> String {
        let left = 44.0, top = 30.0, plotW = 600.0, plotH = 170.0
        var body = legend(x: left, y: 16)
        for f in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let y = top + plotH - f * plotH
            body.append("<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotW))\" y2=\"\(n(y))\" stroke=\"#e4e4e4\"/>")
            body.append(text(percent(f), x: left - 6, y: y + 4, anchor: "end", size: 11))
        }
        let step = days.count > 1 ? plotW / Double(days.count - 1) : 0
        let xOf = { (i: Int) -> Double in days.count > 1 ? left + Double(i) * step : left + plotW / 2 }
        // Date labels need about 70 units: label every k-th day, and the last, dropping one that would crowd it.
        let minGap = 70.0
        let labelEvery = step > 0 ? max(1, Int((minGap / step).rounded(.up))) : 1
        let radius = days.count > 20 ? "2" : "3.5"
        let last = days.count - 1
        for (i, day) in days.enumerated()
        where i == last || (i % labelEvery == 0 && Double(last - i) * step >= minGap) {
            body.append(text(day.date, x: xOf(i), y: top + plotH + 16, anchor: "middle", size: 11))
        }
        if days.count < 2 {
            // Left of the centre, where a single day's points sit.
            let note = days.isEmpty ? "No history yet." : "Only one day of history so far."
            body.append(text(note, x: left + 8, y: top + plotH * 0.375 + 4, size: 12, extra: " fill=\"#666\""))
        }
        for label in StanceLabel.allCases {
            var points: [String] = []
            for (i, day) in days.enumerated() {
                let total = day.counts.values.reduce(0, +)
                let share = total > 0 ? Double(day.counts[label] ?? 0) / Double(total) : 0
                let (x, y) = (xOf(i), top + plotH - share * plotH)
                points.append("\(n(x)),\(n(y))")
                body.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(radius)\" fill=\"\(colour(label))\">"
                            + "<title>\(HTML.escape("\(day.date) \(label.rawValue): \(percent(share)) of \(total)"))</title></circle>")
            }
            if points.count > 1 {
                body.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour(label))\" stroke-width=\"2\"/>")
            }
        }
        return svg(width: Int(left + plotW + 40), height: Int(top + plotH + 26), label: title, body)
    }

    /// At most `limit` characters, with `…` marking a cut.
    static func clip(_ s: String, _ limit: Int) -> String { TextCell.excerpt(s, limit: limit) }
}
