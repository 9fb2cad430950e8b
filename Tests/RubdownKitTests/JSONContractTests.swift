import Foundation
import TestSupport
import Testing

@testable import RubdownKit

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

/// The contract's writer writes every value as Foundation's JSONEncoder (with
/// `.withoutEscapingSlashes`) does, DEL and the C1 controls escaped besides.
@Suite struct OrderedJSONTests {
    func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func written(_ string: String) -> String {
        var json: [UInt8] = []
        OrderedJSON.write(string, to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        var scalars = Array(0...0x2FF) + [0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x1F3C3]
        scalars.removeAll { (0x7F...0x9F).contains($0) }
        for value in scalars {
            let text = "a" + String(Unicode.Scalar(UInt32(value))!) + "b"
            #expect(written(text) == (try encoded(text)), "U+\(String(value, radix: 16))")
        }
        #expect(written("say \"hi\" \\ / é 🏃") == (try encoded("say \"hi\" \\ / é 🏃")))
    }

    @Test func deleteAndTheC1ControlsAreEscapedToo() {
        #expect(written("\u{7F}\u{80}\u{9B}[2J\u{9F}\u{A0}") == "\"\\u007F\\u0080\\u009B[2J\\u009F\u{A0}\"")
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        for number in [0, 1, -3, 10, 0.5, 21.1, 42.195, 0.966, 1e-7, 1e16, 123_456_789.25, -0.0] as [Double] {
            var json: [UInt8] = []
            OrderedJSON.write(number, to: &json)
            #expect(String(decoding: json, as: UTF8.self) == (try encoded(number)), "\(number)")
        }
        var json: [UInt8] = []
        OrderedJSON.write(Double.nan, to: &json)
        #expect(String(decoding: json, as: UTF8.self) == "null")
    }
}
