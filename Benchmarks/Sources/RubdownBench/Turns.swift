import Foundation
import RubdownKit

/// The scripted triage conversation of issue 6, one fresh conversation per repetition.
let triageScript = [
    "my calves hurt after a 10k", "no", "a dull ache", "4", "yesterday", "how do I do drumming?",
    "should I have an ice bath afterwards?",
]

func turnsCommand(_ arguments: Arguments) {
    let repo = repositoryRoot(arguments)
    let out = arguments.string("out", "results")
    let conversations = arguments.int("conversations", 300)
    let (coach, _) = loadCoach(knowledgeDirectory: repo + "/Knowledge", intentsDirectory: repo + "/Intents")

    // One conversation shown, so the numbers can be checked against what the script did.
    var shown = coach.startConversation()
    var routes: [String] = []
    for line in triageScript {
        let turn = shown.send(line)
        routes.append("\(turn.plugin)/\(turn.intent)\(turn.awaiting.map { " → asks \($0)" } ?? "")")
    }
    for _ in 0..<20 {  // warm-up
        var conversation = coach.startConversation()
        for line in triageScript { sink &+= conversation.send(line).reply.utf8.count }
    }
    var perLine = [[Double]](repeating: [], count: triageScript.count)
    var whole: [Double] = []
    for _ in 0..<conversations {
        var conversation = coach.startConversation()
        let begin = now()
        for (index, line) in triageScript.enumerated() {
            let start = now()
            let turn = conversation.send(line)
            perLine[index].append(Double(now() - start))
            sink &+= turn.reply.utf8.count
        }
        whole.append(Double(now() - begin))
    }
    var rows: [[String]] = []
    var json: [[String: Any]] = []
    for (index, line) in triageScript.enumerated() {
        let summary = Summary(perLine[index])
        rows.append(["\(index + 1). \(line)", routes[index], us(summary.p50), us(summary.p99)])
        json.append(["line": line, "route": routes[index], "ns": summary.json])
    }
    let all = Summary(perLine.flatMap { $0 })
    let conversation = Summary(whole)
    rows.append(["every turn", "", us(all.p50), us(all.p99)])
    rows.append(["whole conversation (7 turns)", "", us(conversation.p50), us(conversation.p99)])
    print("== Conversation turn latency, in-process (\(conversations) conversations; µs per turn)")
    print(table(["turn", "routed to", "p50", "p99"], rows))
    print("")
    writeJSON(
        ["conversations": conversations, "turns": json, "all_turns_ns": all.json, "conversation_ns": conversation.json],
        to: out + "/turns.json")
}
