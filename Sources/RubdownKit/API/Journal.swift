import Foundation

/// The runner's private soreness journal: kept only with consent, on this computer, and read
/// at the next start to ask how the legs feel and to spot patterns a coach would act on.
public struct Journal: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        package var date: Date
        package var areas: [String]
        var level: String
        var painLevel: Int?
        /// The warning signs behind a seek-care entry: they still bar massage of its areas next time.
        var redFlags: [String]?

        public init(date: Date, areas: [String], level: String, painLevel: Int?, redFlags: [String]? = nil) {
            self.date = date
            self.areas = areas
            self.level = level
            self.painLevel = painLevel
            self.redFlags = redFlags
        }
    }

    /// Seek-care entries of the last two weeks: a warning sign told in an earlier session still stands.
    public func standingWarnings(now: Date) -> [Entry] {
        guard consent == true else { return [] }
        return entries.filter { $0.level == "seek-care" && Self.days(since: $0.date, now: now) <= 14 }
    }

    /// nil until the runner has been asked.
    package var consent: Bool?
    package var entries: [Entry]

    public init(consent: Bool? = nil, entries: [Entry] = []) {
        self.consent = consent
        self.entries = entries
    }

    /// How much is kept: the most recent `keptEntries`, none older than `keptDays` days.
    public static let keptEntries = 500
    public static let keptDays = 365

    /// Oldest entries dropped beyond `keptEntries` or `keptDays`; an entry dated in the future
    /// (a clock that was wrong, a file from another machine) counts as dated `now`.
    public func tidied(now: Date) -> Journal {
        var journal = self
        journal.entries = entries.map { entry in
            var entry = entry
            if entry.date > now { entry.date = now }
            return entry
        }
        journal.entries.removeAll { now.timeIntervalSince($0.date) > Double(Self.keptDays) * 86_400 }
        journal.entries = Array(journal.entries.suffix(Self.keptEntries))
        return journal
    }

    /// What this session changed, from `before` (as loaded or last saved) to `after` (now),
    /// applied to `current`, the journal as it is on disk now (other sessions may have written
    /// since): a consent given or withdrawn, entries added, or the journal erased ("forget my
    /// journal"), after which only this session's newer entries remain.
    public static func merge(from before: Journal, to after: Journal, onto current: Journal) -> Journal {
        var merged = current
        if after.consent != before.consent { merged.consent = after.consent }
        if after.entries.starts(with: before.entries) {
            merged.entries += after.entries.dropFirst(before.entries.count)
        } else {
            merged.entries = after.entries
        }
        return merged
    }

    /// Days from an entry to `now`, never negative.
    static func days(since date: Date, now: Date) -> Double { max(0, now.timeIntervalSince(date)) / 86_400 }

    /// A pattern that should move the advice up a level, with its reason id.
    public struct Pattern: Sendable, Equatable {
        var area: String
        public var reason: String
        public var level: TriageOutcome.Level
    }

    /// Patterns for an area reported sore now: sore after run after run for two weeks
    /// (three or more entries over 14 days), or not easing (reported for 5 days or more).
    public func patterns(for areas: [String], now: Date) -> [Pattern] {
        var found: [Pattern] = []
        for area in areas {
            let past = entries.filter { $0.areas.contains(area) && Self.days(since: $0.date, now: now) <= 15 }
            guard let first = past.map(\.date).min() else { continue }
            let days = Self.days(since: first, now: now)
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
        guard consent == true, let last = entries.last, Self.days(since: last.date, now: now) <= 14, !last.areas.isEmpty
        else { return nil }
        let days = Int(Self.days(since: last.date, now: now))
        let when = days == 0 ? "earlier today" : days == 1 ? "yesterday" : "\(days) days ago"
        let warned =
            last.level == "seek-care"
            ? " You described a warning sign then: please don't massage there until it has been checked." : ""
        return
            "Welcome back. \(when.prefix(1).uppercased() + when.dropFirst()) your \(knowledge.names(of: last.areas)) were sore.\(warned) How do they feel now?"
    }

    /// The entries as the runner reads them (`journal`): the year is shown for a date not in
    /// this year, and a date in the future reads as today.
    public func text(knowledge: KnowledgeBase, now: Date = Date()) -> String {
        guard consent == true else { return "I'm not keeping a journal: you haven't said yes to one." }
        guard !entries.isEmpty else { return "Your journal is empty." }
        let thisYear = DateFormatter()
        let otherYear = DateFormatter()
        thisYear.dateFormat = "EEE d MMM"
        otherYear.dateFormat = "EEE d MMM yyyy"
        let calendar = Calendar.current
        func day(_ date: Date) -> String {
            let date = min(date, now)
            return (calendar.isDate(date, equalTo: now, toGranularity: .year) ? thisYear : otherYear).string(from: date)
        }
        return "Your journal (kept only on this computer; say \"forget my journal\" to erase it):\n"
            + entries.suffix(20).map {
                "- \(day($0.date)): \(knowledge.names(of: $0.areas)), \($0.level)" + ($0.painLevel.map { ", pain \($0)/10" } ?? "")
            }
            .joined(separator: "\n")
    }
}
