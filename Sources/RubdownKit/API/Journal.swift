import Foundation

/// The runner's private soreness journal: kept only with consent, on this computer, and read
/// at the next start to ask how the legs feel and to spot patterns a coach would act on.
public struct Journal: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var date: Date
        public var areas: [String]
        public var level: String
        public var painLevel: Int?

        public init(date: Date, areas: [String], level: String, painLevel: Int?) {
            self.date = date
            self.areas = areas
            self.level = level
            self.painLevel = painLevel
        }
    }

    /// nil until the runner has been asked.
    public var consent: Bool?
    public var entries: [Entry]

    public init(consent: Bool? = nil, entries: [Entry] = []) {
        self.consent = consent
        self.entries = entries
    }

    /// A pattern that should move the advice up a level, with its reason id.
    public struct Pattern: Sendable, Equatable {
        public var area: String
        public var reason: String
        public var level: TriageOutcome.Level
    }

    /// Patterns for an area reported sore now: sore after run after run for two weeks
    /// (three or more entries over 14 days), or not easing (reported for 5 days or more).
    public func patterns(for areas: [String], now: Date) -> [Pattern] {
        var found: [Pattern] = []
        for area in areas {
            let past = entries.filter { $0.areas.contains(area) && now.timeIntervalSince($0.date) <= 15 * 86_400 }
            guard let first = past.map(\.date).min() else { continue }
            let days = now.timeIntervalSince(first) / 86_400
            if past.count >= 3 && days >= 12 {
                found.append(Pattern(area: area, reason: "recurring:\(area)", level: .caution))
            } else if days >= 5 {
                found.append(Pattern(area: area, reason: "not-easing:\(area)-\(Int(days))-days", level: days > 7 ? .seekCare : .caution))
            }
        }
        return found
    }

    /// The check-in question for the next start, about the most recent entry of the last two weeks.
    public func checkIn(now: Date, knowledge: KnowledgeBase) -> String? {
        guard consent == true, let last = entries.last, now.timeIntervalSince(last.date) <= 14 * 86_400, !last.areas.isEmpty
        else { return nil }
        let days = Int(now.timeIntervalSince(last.date) / 86_400)
        let when = days == 0 ? "earlier today" : days == 1 ? "yesterday" : "\(days) days ago"
        return "Welcome back. \(when.prefix(1).uppercased() + when.dropFirst()) your \(knowledge.names(of: last.areas)) were sore. How do they feel now?"
    }

    /// The entries as the runner reads them (`journal`).
    public func text(knowledge: KnowledgeBase) -> String {
        guard consent == true else { return "I'm not keeping a journal: you haven't said yes to one." }
        guard !entries.isEmpty else { return "Your journal is empty." }
        let format = DateFormatter()
        format.dateFormat = "EEE d MMM"
        return "Your journal (kept only on this computer; say \"forget my journal\" to erase it):\n"
            + entries.suffix(20).map { "- \(format.string(from: $0.date)): \(knowledge.names(of: $0.areas)), \($0.level)" + ($0.painLevel.map { ", pain \($0)/10" } ?? "") }
                .joined(separator: "\n")
    }
}
