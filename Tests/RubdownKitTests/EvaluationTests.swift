import Testing

@testable import RubdownKit

/// The labelled lines `rubdown eval` reads: each problem is reported at its line with what to fix.
@Suite struct EvaluationTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try Evaluation.cases(file: "set.jsonl", text: text)
            return []
        } catch {
            return error.contentDiagnostics.map(\.description)
        }
    }

    @Test func everyShapeOfLineIsRead() throws {
        let cases = try Evaluation.cases(
            file: "set.jsonl",
            text: """
                {"text": "my calves hurt", "plugin": "triage", "intent": "triage.soreness"}

                {"text": "what's the weather", "label": "fallback", "clinc_label": "oos"}
                {"text": "calf swollen and hot", "red_flags": ["clot"], "urgency": "today"}
                """)
        #expect(cases.map(\.line) == [1, 3, 4])
        #expect(cases[0].plugin == "triage" && cases[0].intent == "triage.soreness" && cases[0].redFlags == nil)
        #expect(cases[1].plugin == "fallback")
        #expect(cases[2].plugin == nil && cases[2].redFlags == ["clot"] && cases[2].urgency == "today")
    }

    @Test(arguments: [
        ("not json", #"set.jsonl:1:1: error: not valid JSON: expected {"text": ..., "plugin": ...} on one line"#),
        (#"["a list"]"#, #"set.jsonl:1:1: error: not a JSON object: expected {"text": ..., "plugin": ...}"#),
        (#"{"plugin": "core"}"#, #"set.jsonl:1:1: error: no "text": expected {"text": ..., "plugin": ...}"#),
        (#"{"text": 5, "plugin": "core"}"#, #"set.jsonl:1:1: error: "text" should be a string"#),
        (#"{"text": "x", "intent": ["a"], "plugin": "core"}"#, #"set.jsonl:1:1: error: "intent" should be a string"#),
        (#"{"text": "x", "red_flags": "clot"}"#, #"set.jsonl:1:1: error: "red_flags" should be a list of strings, such as ["clot"]"#),
        (#"{"text": "x", "urgency": "today"}"#, #"set.jsonl:1:1: error: expected a "plugin" label, or "red_flags" for a safety line"#),
    ])
    func aBadLineSaysWhatToFix(line: String, message: String) {
        #expect(problems(line) == [message])
    }

    @Test func everyBadLineIsReportedAtOnce() {
        #expect(problems("{}\n{\"text\": \"ok\", \"plugin\": \"core\"}\nnope\n").map { $0.prefix(12) } == ["set.jsonl:1:", "set.jsonl:3:"])
    }
}
