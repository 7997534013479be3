import BylineStore
import Foundation

/// Charts drawn by the server as SVG: no script and no library in the browser.
enum Charts {
    /// Articles per period as bars, with the first and last period and the highest count named.
    static func attention(_ counts: [AttentionCount], query: String, width: Int = 880, height: Int = 220) -> Markup {
        guard !counts.isEmpty else { return "<p class=\"empty\">No dated article matches.</p>" }
        let top = max(1, counts.map(\.articles).max() ?? 1)
        let plotHeight = height - 40
        let step = Double(width - 60) / Double(counts.count)
        let barWidth = max(1.0, step * 0.8)
        var bars: [Markup] = []
        for (index, count) in counts.enumerated() {
            let barHeight = Double(plotHeight) * Double(count.articles) / Double(top)
            let x = 50 + Double(index) * step
            let y = 10 + Double(plotHeight) - barHeight
            let link = Link.to("/", [("q", query), ("since", count.period)])
            bars.append("""
                <a href="\(link)"><rect class="bar" x="\(format(x))" y="\(format(y))" width="\(format(barWidth))" height="\(format(barHeight))"><title>\(count.period): \(count.articles) articles</title></rect></a>
                """)
        }
        return """
            <svg class="chart attention" role="img" aria-label="articles per period" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" xmlns="http://www.w3.org/2000/svg">
            <line class="axis" x1="48" y1="\(10 + plotHeight)" x2="\(width - 8)" y2="\(10 + plotHeight)"/>
            <text class="label" x="44" y="18" text-anchor="end">\(top)</text><text class="label" x="44" y="\(10 + plotHeight)" text-anchor="end">0</text>
            \(bars)
            <text class="label" x="50" y="\(height - 8)">\(counts.first?.period)</text>
            <text class="label" x="\(width - 8)" y="\(height - 8)" text-anchor="end">\(counts.last?.period)</text>
            </svg>
            """
    }

    /// Milestones on a time axis, numbered as the list under the chart numbers them; each dot
    /// links to the first sentence that states it.
    static func timeline(_ milestones: [Timeline.Milestone], width: Int = 880) -> Markup {
        let placed = milestones.enumerated().compactMap { index, milestone in year(of: milestone.date).map { (index, milestone, $0) } }
        guard let first = placed.map(\.2).min(), let last = placed.map(\.2).max() else {
            return "<p class=\"empty\">No dated milestone.</p>"
        }
        let start = floor(first)
        let end = max(start + 1, ceil(last + 0.001))
        let span = end - start
        let left = 30.0
        let usable = Double(width) - 2 * left
        func x(_ year: Double) -> Double { left + usable * (year - start) / span }
        let tickStep = max(1, Int((span / 10).rounded(.up)))
        var ticks: [Markup] = []
        var tick = Int(start)
        while Double(tick) <= end {
            ticks.append("<line class=\"tick\" x1=\"\(format(x(Double(tick))))\" y1=\"60\" x2=\"\(format(x(Double(tick))))\" y2=\"66\"/><text class=\"label\" x=\"\(format(x(Double(tick))))\" y=\"82\" text-anchor=\"middle\">\(tick)</text>")
            tick += tickStep
        }
        var dots: [Markup] = []
        var lastX = -100.0
        var level = 0
        for (index, milestone, year) in placed {
            let cx = x(year)
            level = cx - lastX < 22 ? (level + 1) % 3 : 0
            lastX = cx
            let cy = 60.0 - Double(level) * 16 - 8
            let evidence = milestone.evidence.first
            let href = evidence.map { "/articles/\($0.article)#t\($0.start)" } ?? "#m\(index + 1)"
            dots.append("""
                <a href="\(href)" class="milestone-dot"><circle cx="\(format(cx))" cy="\(format(cy))" r="7"><title>\(milestone.date): \(milestone.text)</title></circle><text class="dot-label" x="\(format(cx))" y="\(format(cy + 3.5))" text-anchor="middle">\(index + 1)</text></a>
                """)
        }
        return """
            <svg class="chart timeline" role="img" aria-label="milestones on a time axis" viewBox="0 0 \(width) 92" width="\(width)" height="92" xmlns="http://www.w3.org/2000/svg">
            <line class="axis" x1="\(format(left))" y1="60" x2="\(format(left + usable))" y2="60"/>
            \(ticks)\(dots)
            </svg>
            """
    }

    /// A TIMEX3 date's position in years (`2024-07` is 2024.5); nil for a value without a year.
    static func year(of date: String) -> Double? {
        let parts = date.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2].prefix(2)) : nil
        return Double(year) + Double((month ?? 1) - 1) / 12 + Double((day ?? 1) - 1) / 366
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
