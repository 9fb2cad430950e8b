import ArgumentParser
import Foundation
import RubdownKit
import RubdownTerminal

/// Measures the classifier on labelled JSON Lines.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score classification on FILE.jsonl lines {\"text\", \"plugin\", \"intent\"?, \"red_flags\"?, \"urgency\"?}.")

    @OptionGroup var content: ContentOptions

    @Argument(help: ArgumentHelp("Labelled lines (JSON Lines).", valueName: "FILE.jsonl"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Exit 1 when plugin accuracy is below this (0 to 1).", valueName: "X"))
    var minAccuracy: Double?

    @Option(name: .long, help: "How many wrong lines to list.")
    var list: Int = 50

    @Flag(name: .long, help: "Print figures only, never a line's text (for held-out data).")
    var countsOnly = false

    func validate() throws {
        if let minAccuracy, !(0...1).contains(minAccuracy) {
            throw ValidationError("--min-accuracy takes a fraction from 0 to 1, for example 0.95")
        }
    }

    func run() throws {
        let coach = try content.coach()
        var evaluation = Evaluation()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("rubdown: error: cannot read \(file.escapingControlCharacters)\n")
                throw ExitCode(.ioError)
            }
            let cases: [Evaluation.Case]
            do {
                cases = try Evaluation.cases(file: file, text: String(decoding: data, as: UTF8.self))
            } catch {
                Diagnostics.report(error)
                throw ExitCode(.dataError)
            }
            for item in cases {
                let classification = coach.classify(item.text)
                evaluation.add(item, classification, urgency: coach.safety.urgency(of: classification.entities.redFlags))
            }
        }
        StandardOutput.line(evaluation.report(listing: list, countsOnly: countsOnly).escapingControlCharacters)
        if let minAccuracy, evaluation.pluginAccuracy < minAccuracy {
            StandardOutput.line(String(format: "plugin accuracy %.3f is below --min-accuracy %.3f", evaluation.pluginAccuracy, minAccuracy))
            throw ExitCode(.failure)
        }
    }
}
