// swift-tools-version:6.1
// Rubdown: a terminal coach for runners' post-run self-massage.
import PackageDescription

let package = Package(
    name: "Rubdown",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rubdown", targets: ["rubdown"]),
        .library(name: "RubdownKit", targets: ["RubdownKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Core: knowledge base, intent table, understanding, dialogue, plugin protocol.
        // Names no plugin and knows nothing of the terminal.
        .target(
            name: "RubdownKit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // Generic types (each Codable type's decoding container) made from their metadata accessors, not looked up by
            // mangled name: each such look-up scanned every protocol conformance of the process, about 16 % of a start's
            // instructions (BENCHMARKS.md, session 16). A root package may use unsafe flags.
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
        ),
        // Plugins: one module each; registered in Sources/RubdownPlugins.
        .target(name: "CoreChatPlugin", dependencies: ["RubdownKit"]),
        .target(name: "FallbackPlugin", dependencies: ["RubdownKit"]),
        .target(name: "TechniquesPlugin", dependencies: ["RubdownKit"]),
        .target(name: "TriagePlugin", dependencies: ["RubdownKit"]),
        .target(name: "BathPlugin", dependencies: ["RubdownKit"]),
        .target(name: "AnswersPlugin", dependencies: ["RubdownKit"]),
        .target(
            name: "RubdownPlugins",
            dependencies: [
                "RubdownKit", "CoreChatPlugin", "FallbackPlugin", "TechniquesPlugin", "TriagePlugin", "BathPlugin", "AnswersPlugin",
            ]),
        // The bundled Intents/ and Knowledge/, and the coach built from them, embedded in the binary at build time.
        .executableTarget(name: "EmbedContent", dependencies: ["RubdownKit", "RubdownPlugins"], path: "Tools/EmbedContent"),
        .plugin(name: "EmbedContentPlugin", capability: .buildTool(), dependencies: ["EmbedContent"]),
        .target(name: "BundledContent", dependencies: ["RubdownKit"], plugins: ["EmbedContentPlugin"]),
        // GNU readline (GPL) through a system-library module.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The terminal front end: readline REPL, wrapping, colour.
        .target(name: "RubdownTerminal", dependencies: ["RubdownKit", "CReadline"]),
        // LeakSanitizer suppressions for leaks inside the toolchain's libraries (Foundation, XCTest):
        // an empty C file except in an AddressSanitizer build. Linked into the binary and the tests.
        .target(name: "LeakSanitizerSuppressions"),
        // The thin executable: subcommands that wire the modules together.
        .executableTarget(
            name: "rubdown",
            dependencies: [
                "RubdownKit", "RubdownTerminal", "BundledContent", "LeakSanitizerSuppressions", "RubdownPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests, split by kind (as swift-argument-parser splits its own): unit tests of one module
        // each, example tests of the shipped coach on data (stories, data sets, the documentation's
        // examples, damaged content), and end-to-end tests of the built binary. TestSupport gives
        // them the compiled coach and helpers.
        .target(
            name: "TestSupport",
            dependencies: [
                "RubdownKit", "BundledContent", "RubdownPlugins", "CoreChatPlugin", "TechniquesPlugin", "TriagePlugin", "BathPlugin",
                "AnswersPlugin",
                "LeakSanitizerSuppressions",
            ],
            path: "Tests/TestSupport"
        ),
        // Unit tests: one module each.
        .testTarget(
            name: "RubdownKitTests",
            dependencies: ["RubdownKit", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RubdownTerminalTests", dependencies: ["RubdownTerminal", "TestSupport"]),
        .testTarget(name: "TriagePluginTests", dependencies: ["TriagePlugin", "TestSupport"]),
        // Example tests: the shipped coach on Tests/Stories, Tests/Data, docs/examples and damaged content.
        .testTarget(name: "ExampleTests", dependencies: ["RubdownKit", "RubdownTerminal", "BundledContent", "TestSupport"]),
        // End-to-end tests: the built rubdown through pipes, signals and a real terminal (tmux).
        .testTarget(name: "EndToEndTests", dependencies: ["rubdown", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
