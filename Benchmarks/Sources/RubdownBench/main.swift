// rubdown-bench: Rubdown's in-process benchmarks (issue 6). `Benchmarks/run.sh` runs them all.
//
//   rubdown-bench startup --cases FILE [--baseline NAME] [--out DIR]
//   rubdown-bench classify [--repo DIR] [--clinc DIR] [--rounds N] [--out DIR]
//   rubdown-bench turns [--repo DIR] [--conversations N] [--out DIR]
//   rubdown-bench scale [--sizes 100,1000,10000] [--examples 20] [--queries N] [--rubdown PATH] [--out DIR]
//   rubdown-bench scale-one --dir DIR --json FILE [--load-only]      (one size, run by `scale`)
//   rubdown-bench golden --file FILE [--size N] [--full]   (understanding of many lines, to compare two builds)
//   rubdown-bench probe [--dir DIR] [--reps N] [--top N] [--classify] (the slowest lines, shipped content or a `scale` table)
//   rubdown-bench loadcost [--runs N] [--out DIR]   (what a cached form of the content would save at start-up)
import Foundation

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
if let out = arguments.options["out"] {
    try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
}
switch arguments.words.first {
case "startup": startupCommand(arguments)
case "classify": classifyCommand(arguments)
case "turns": turnsCommand(arguments)
case "scale": scaleCommand(arguments)
case "scale-one": scaleOneCommand(arguments)
case "golden": goldenCommand(arguments)
case "probe": probeCommand(arguments)
case "loadcost": loadCostCommand(arguments)
case "snapshot-loop": snapshotLoopCommand(arguments)
default:
    fail("usage: rubdown-bench startup|classify|turns|scale|scale-one|loadcost|golden|probe [options] (see Benchmarks/run.sh)")
}
