import Foundation
import RubdownKit
import TestSupport
import Testing

@Suite struct JSONContractTests {
    @Test func turnKeysAreInTheDocumentedOrder() {
        let line = JSONContract.line(converse(["my calves hurt after a 10k"])[0])
        let keys = ["input", "reply", "plugin", "intent", "confidence", "entities", "awaiting", "triage"].map { "\"\($0)\":" }
        let positions = keys.map { line.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 }.sorted() == positions.compactMap { $0 })
        #expect(line.contains("\"entities\":{\"body_parts\":[\"calves\"],\"distance_km\":10,\"red_flags\":[]"))
        #expect(line.contains("\"awaiting\":\"swelling\",\"triage\":null,\"routine_step\":null}"))
        #expect(!line.contains("\n"))
    }

    @Test func distanceIsAbsentWhenNotGiven() {
        let line = JSONContract.line(shippedCoach.classify("hello"))
        #expect(!line.contains("distance_km"))
        #expect(line.hasPrefix("{\"input\":\"hello\",\"plugin\":\"core\",\"intent\":\"core.greet\",\"confidence\":"))
    }

    @Test func stringsAreEscaped() throws {
        let line = JSONContract.line(shippedCoach.classify("say \"hi\" \\ \u{1B}[31m"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["input"] as? String == "say \"hi\" \\ \u{1B}[31m")
    }

    @Test func triageObjectOnTheOutcomeTurn() throws {
        let turns = converse(["my calf is swollen and hot"])
        let object = try JSONSerialization.jsonObject(with: Data(JSONContract.line(turns[0]).utf8)) as? [String: Any]
        let triage = object?["triage"] as? [String: Any]
        #expect(triage?["level"] as? String == "seek-care")
        #expect((triage?["reasons"] as? [String])?.contains("red-flag:clot") == true)
        #expect((triage?["body_parts"] as? [String]) == ["calves"])
    }
}
