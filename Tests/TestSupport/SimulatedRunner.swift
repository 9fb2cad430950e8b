import Foundation
import RubdownKit

/// The simulated runners of `../shared/tools/simulated_runner.py`, in process: each says its opening
/// line, then answers whatever the coach is awaiting from the facts it knows, until an outcome.
/// The same JSON Lines files serve both; the wording for each answer is picked deterministically.
public struct SimulatedRunner: Decodable, Sendable {
    public struct Expectation: Decodable, Sendable {
        public var level: [String]
        public var urgency: [String]?
        public var bodyParts: [String]?
        public var mentionAny: [String]?
        public var neverMention: [String]?

        enum CodingKeys: String, CodingKey {
            case level, urgency
            case bodyParts = "body_parts"
            case mentionAny = "mention_any"
            case neverMention = "never_mention"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let one = try? c.decode(String.self, forKey: .level) {
                level = [one]
            } else {
                level = try c.decode([String].self, forKey: .level)
            }
            urgency = try c.decodeIfPresent([String].self, forKey: .urgency)
            bodyParts = try c.decodeIfPresent([String].self, forKey: .bodyParts)
            mentionAny = try c.decodeIfPresent([String].self, forKey: .mentionAny)
            neverMention = try c.decodeIfPresent([String].self, forKey: .neverMention)
        }
    }

    public var id: String
    public var opening: String
    public var facts: [String: [String]]
    public var expect: Expectation

    public static func load(_ relativePath: String) throws -> [SimulatedRunner] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(SimulatedRunner.self, from: Data($0.utf8))
        }
    }

    /// The conversation: the opening, then an answer to each question, until an outcome (or `maxTurns`).
    public func turns(coach: Coach = shippedCoach, maxTurns: Int = 14) -> [Turn] {
        var conversation = coach.startConversation()
        var turn = conversation.send(opening)
        var all = [turn]
        var asked: [String: Int] = [:]
        // A stable pick per runner, so a failure reproduces.
        let offset = id.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
        while turn.triage == nil, let slot = turn.awaiting?.rawValue, all.count < maxTurns {
            asked[slot, default: 0] += 1
            let wordings = facts[slot] ?? []
            let answer = wordings.isEmpty ? "not sure" : wordings[(asked[slot]! - 1 + offset) % wordings.count]
            turn = conversation.send(answer)
            all.append(turn)
        }
        return all
    }

    /// Holds the conversation; returns why it failed its expectations, or nil when it passed.
    public func run(coach: Coach = shippedCoach, maxTurns: Int = 14) -> String? {
        let transcript = turns(coach: coach, maxTurns: maxTurns)
        let turn = transcript.last!
        let replies = transcript.map(\.reply)
        let turns = transcript.count
        guard let outcome = turn.triage else { return "no outcome after \(turns) turns (awaiting \(turn.awaiting?.rawValue ?? "nothing"))" }
        if !expect.level.contains(outcome.level.rawValue) { return "level \(outcome.level.rawValue), wanted \(expect.level)" }
        if let urgency = expect.urgency, !urgency.contains(outcome.urgency.rawValue) {
            return "urgency \(outcome.urgency.rawValue), wanted \(urgency)"
        }
        if let areas = expect.bodyParts, !Set(areas).isSubset(of: outcome.bodyParts) {
            return "body parts \(outcome.bodyParts), wanted \(areas)"
        }
        let last = replies.last!.lowercased()
        if let any = expect.mentionAny, !any.contains(where: { last.contains($0.lowercased()) }) {
            return "the outcome names none of \(any)"
        }
        let all = replies.joined(separator: "\n").lowercased()
        if let banned = expect.neverMention?.filter({ all.contains($0.lowercased()) }), !banned.isEmpty {
            return "a reply names \(banned)"
        }
        return nil
    }
}
