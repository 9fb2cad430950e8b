// swift-tools-version:6.1
// Rubdown's benchmark suite (issue 6): a package of its own, so that CI's build and `swift test`
// do not grow. Run everything with `Benchmarks/run.sh`.
//
// It compiles the main package's RubdownKit, every plugin module (`Sources/*Plugin`) and the
// plugin registry (`Sources/RubdownPlugins/RegisteredPlugins.swift`) from the same source files, through
// symbolic links that this manifest makes under Sources/Linked/ (git-ignored). Depending on
// the main package instead would expose only RubdownKit: the plugins are not products, and
// SwiftPM refuses a second target of the same name. `rubdown` itself is built from the main
// package (see run.sh), so that it is exactly the shipped binary.
import Foundation
import PackageDescription

let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let mainSources = benchmarks.deletingLastPathComponent().appendingPathComponent("Sources")
let linked = benchmarks.appendingPathComponent("Sources/Linked")

/// Makes the symbolic link `at` (in Benchmarks/) point to `destination`, unless it already does.
func link(_ at: String, to destination: String) {
    let at = benchmarks.appendingPathComponent(at).path
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: at)) == destination { return }
    try? FileManager.default.removeItem(atPath: at)
    try? FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
    try? FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: destination)
}

// The plugin modules: one folder each, named *Plugin, depending on RubdownKit only.
let plugins = ((try? FileManager.default.contentsOfDirectory(atPath: mainSources.path)) ?? [])
    .filter { $0.hasSuffix("Plugin") }.sorted()
link("Sources/Linked/RubdownKit", to: "../../../Sources/RubdownKit")
for plugin in plugins { link("Sources/Linked/\(plugin)", to: "../../../Sources/\(plugin)") }
// The registry exactly as `rubdown` has it, compiled into rubdown-bench.
link("Sources/RubdownBench/RegisteredPlugins.swift", to: "../../../Sources/RubdownPlugins/RegisteredPlugins.swift")

let package = Package(
    name: "RubdownBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2")
    ],
    targets: [
        .target(name: "RubdownKit", dependencies: [.product(name: "Yams", package: "Yams")], path: "Sources/Linked/RubdownKit")
    ]
        + plugins.map { .target(name: $0, dependencies: ["RubdownKit"], path: "Sources/Linked/\($0)") }
        + [
            // In-process measurements: classification, conversation turns, generated tables at scale.
            .executableTarget(
                name: "rubdown-bench", dependencies: ["RubdownKit"] + plugins.map { .target(name: $0) }, path: "Sources/RubdownBench"),
            // The start-up yardstick: a Foundation hello-world, built the same way as `rubdown`.
            .executableTarget(name: "hello-foundation", path: "Sources/HelloFoundation"),
        ],
    swiftLanguageModes: [.v6]
)
