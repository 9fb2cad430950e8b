// swift-tools-version:6.1
// Rubdown's benchmark suite (issue 6): kept out of the main package so that CI's build and
// `swift test` do not grow. Run everything with `Benchmarks/run.sh`.
import PackageDescription

let package = Package(
    name: "RubdownBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The Rubdown package itself: RubdownKit is its library product.
        .package(name: "Rubdown", path: ".."),
    ],
    targets: [
        // The plugins are targets of the main package but not products, so this package compiles
        // the same sources through symbolic links (Sources/<Plugin> -> ../../Sources/<Plugin>),
        // under other module names (SwiftPM refuses two targets of the same name).
        .target(name: "BenchCoreChatPlugin", dependencies: [.product(name: "RubdownKit", package: "Rubdown")], path: "Sources/CoreChatPlugin"),
        .target(name: "BenchTechniquesPlugin", dependencies: [.product(name: "RubdownKit", package: "Rubdown")], path: "Sources/TechniquesPlugin"),
        .target(name: "BenchTriagePlugin", dependencies: [.product(name: "RubdownKit", package: "Rubdown")], path: "Sources/TriagePlugin"),
        .target(name: "BenchBathPlugin", dependencies: [.product(name: "RubdownKit", package: "Rubdown")], path: "Sources/BathPlugin"),
        // In-process measurements: classification, conversation turns, generated tables at scale.
        .executableTarget(
            name: "rubdown-bench",
            dependencies: [
                .product(name: "RubdownKit", package: "Rubdown"),
                "BenchCoreChatPlugin", "BenchTechniquesPlugin", "BenchTriagePlugin", "BenchBathPlugin",
            ],
            path: "Sources/RubdownBench"
        ),
        // The start-up yardstick: a Foundation hello-world, built the same way as `rubdown`.
        .executableTarget(name: "hello-foundation", path: "Sources/HelloFoundation"),
    ],
    swiftLanguageModes: [.v6]
)
