#!/usr/bin/env python3
"""Reads the results of Benchmarks/run.sh and prints Rubdown beside the scikit-learn baseline
and every target of issue 6 with its verdict; writes the same as Markdown to summary.md.
Plain Python, no packages needed.   usage: summarize.py RESULTS_DIR
"""

import json
import os
import sys

MB = 1_000_000 / 1024  # KiB in a megabyte (10^6 bytes): the targets say MB


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def us(ns):
    return "-" if ns is None else f"{ns / 1e3:.1f}" if ns < 1e5 else f"{ns / 1e3:.0f}"


def ms(ns):
    return "-" if ns is None else f"{ns / 1e6:.1f}" if ns < 1e8 else f"{ns / 1e6:.0f}"


def pct(x):
    return "-" if x is None else f"{x * 100:.1f}%"


def get(obj, *path):
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(header))) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header, rows):
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    render = lambda r: "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
    return "\n".join([render(header), "  ".join("-" * w for w in widths)] + [render(r) for r in rows])


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
    startup = load(directory, "startup.json")
    classify = load(directory, "classify.json")
    turns = load(directory, "turns.json")
    scale = load(directory, "scale.json")
    sklearn = load(directory, "sklearn.json")
    loadcost = load(directory, "loadcost.json")
    sections = []  # (title, header, rows, notes)

    # Rubdown beside scikit-learn.
    cases = get(startup, "cases") or {}
    rows = []
    rows.append(
        [
            "start-up, classify one line (p50 ms)",
            ms(get(cases, "rubdown classify (1 line)", "wall_ns", "p50")),
            ms(get(cases, "sklearn classify, pickled model (1 line)", "wall_ns", "p50"))
            + " pickled / "
            + ms(get(cases, "sklearn classify, fit at start (1 line)", "wall_ns", "p50"))
            + " fit at start",
        ]
    )
    rows.append(
        [
            "index / fit the shipped examples (p50 ms)",
            ms(get(classify, "load_ns", "load_and_index", "p50")) + " (YAML load + index)",
            ms(get(sklearn, "fit_ns", "p50")) + " (fit)",
        ]
    )
    sources = [source for source in ["dev-set", "clinc150", "all"] if get(classify, "latency_ns", source)]
    for source in sources:
        rows.append(
            [
                f"per utterance, {source} (p50 / p99 µs)",
                f"{us(get(classify, 'latency_ns', source, 'p50'))} / {us(get(classify, 'latency_ns', source, 'p99'))}",
                f"{us(get(sklearn, 'latency_ns', source, 'p50'))} / {us(get(sklearn, 'latency_ns', source, 'p99'))}",
            ]
        )
    rows.append(["per utterance, batch of all lines (µs per line)", "-", us(get(sklearn, "batch_ns_per_line", "p50"))])
    rubdown_accuracy = get(sklearn, "rubdown_accuracy") or get(classify, "accuracy")
    for source in sources:
        rows.append(
            [
                f"plugin accuracy, {source} ({get(rubdown_accuracy, source, 'lines')} lines)",
                pct(get(rubdown_accuracy, source, "plugin_accuracy")),
                f"{pct(get(sklearn, 'accuracy', source, 'plugin_accuracy'))} plain / "
                f"{pct(get(sklearn, 'accuracy_gated', source, 'plugin_accuracy'))} gated",
            ]
        )
    rows.append(
        [
            f"intent accuracy, dev-set ({get(rubdown_accuracy, 'dev-set', 'intent_lines')} lines with an intent)",
            pct(get(rubdown_accuracy, "dev-set", "intent_accuracy")),
            f"{pct(get(sklearn, 'accuracy', 'dev-set', 'intent_accuracy'))} plain / "
            f"{pct(get(sklearn, 'accuracy_gated', 'dev-set', 'intent_accuracy'))} gated",
        ]
    )
    rows.append(
        [
            "peak RSS, classifying every test line (MiB)",
            f"{get(cases, 'rubdown classify (all test lines)', 'max_rss_kib', 'p50') / 1024:.1f} (rubdown classify)"
            if get(cases, "rubdown classify (all test lines)") else "-",
            f"{get(sklearn, 'peak_rss_kib') / 1024:.1f} (compare process)" if sklearn else "-",
        ]
    )
    notes = []
    if sklearn:
        notes.append(
            f"scikit-learn {sklearn['sklearn_version']}, Python {sklearn['python']}: {sklearn['pipeline']}; trained on the "
            f"{sklearn['train_examples']} examples of `rubdown intents --json` ({sklearn['intents']} intents). 'plain' takes the "
            "top intent; 'gated' reads the SVM one-vs-rest and answers fallback when no intent's decision value is >= 0."
        )
    else:
        notes.append("the scikit-learn baseline did not run (no sklearn.json)")
    if get(classify, "clinc_note"):
        notes.append(classify["clinc_note"])
    cli = jsonl(os.path.join(directory, "rubdown-classify-cli.jsonl"))
    inproc = jsonl(os.path.join(directory, "rubdown-predictions.jsonl"))
    if cli and inproc:
        agree = sum(1 for a, b in zip(cli, inproc) if a.get("plugin") == b["plugin"] and a.get("intent") == b["intent"])
        notes.append(f"in-process answers agree with `rubdown classify` on {agree} of {len(inproc)} lines")
    sections.append(("Rubdown beside scikit-learn (same training examples, same test lines, one run)", ["figure", "Rubdown", "scikit-learn"], rows, notes))

    # Start-up.
    rows = []
    for name in get(startup, "order") or list(cases):
        case = cases[name]
        rows.append([name, ms(case["wall_ns"]["p50"]), ms(case["wall_ns"]["p90"]), f"{case['ratio_to_baseline']:.2f}", f"{case['max_rss_kib']['p50'] / 1024:.1f}"])
    if rows:
        sections.append(("Start-up (wall time from spawn to exit; interleaved runs)", ["command", "p50 ms", "p90 ms", "× hello-foundation", "peak RSS MiB"], rows, []))

    # Where start-up goes, and what the coach snapshot saves.
    if loadcost:
        help_ns = get(cases, "rubdown --help (no content loaded)", "wall_ns", "p50")
        hello_ns = get(cases, "hello-foundation", "wall_ns", "p50")
        rows = [
            ["Content.load from YAML (parse, decode, cross-check)", ms(loadcost["yaml_load_ns"])],
            ["hash every content byte (FNV-1a, a cache key)", f"{loadcost['hash_ns'] / 1e6:.2f}"],
            [f"Content from JSON (JSONDecoder, {loadcost['json_bytes'] // 1024} KiB)", ms(loadcost["json_decode_ns"])],
            [f"Content from a binary plist (PropertyListDecoder, {loadcost['plist_bytes'] // 1024} KiB)", ms(loadcost["plist_decode_ns"])],
            ["Coach.init (lexicon, red flags, intent index)", ms(loadcost["coach_init_ns"])],
        ]
        if "snapshot_decode_ns" in loadcost:
            rows += [
                [f"coach snapshot: encode ({loadcost['snapshot_bytes'] // 1024} KiB; at build time)", ms(loadcost["snapshot_encode_ns"])],
                ["coach snapshot: decode (content, lexicon, red flags, index; every start)", ms(loadcost["snapshot_decode_ns"])],
            ]
        notes = [f"decoded content classifies like the parsed content: {loadcost['decoded_agrees']}"]
        if help_ns and hello_ns:
            steps = [("YAML and Coach.init (an overlay, or --no-cache)", loadcost["yaml_load_ns"] + loadcost["coach_init_ns"])]
            if "snapshot_decode_ns" in loadcost:
                steps.append(("the compiled-in snapshot (every start)", loadcost["snapshot_decode_ns"]))
            for label, load_ns in steps:
                estimate = help_ns + load_ns
                notes.append(f"start-up estimate with {label}: `rubdown --help` {ms(help_ns)} ms + {ms(load_ns)} ms = {ms(estimate)} ms, {estimate / hello_ns:.1f}× hello-foundation")
        sections.append(("Start-up: where the time goes, and what the snapshot saves (in-process, shipped content, p50)", ["step", "ms"], rows, notes))

    # Turns.
    if turns:
        rows = [[f"{i + 1}. {t['line']}", t["route"], us(t["ns"]["p50"]), us(t["ns"]["p99"])] for i, t in enumerate(turns["turns"])]
        rows.append(["every turn", "", us(turns["all_turns_ns"]["p50"]), us(turns["all_turns_ns"]["p99"])])
        rows.append(["whole conversation", "", us(turns["conversation_ns"]["p50"]), us(turns["conversation_ns"]["p99"])])
        sections.append((f"Conversation turns ({turns['conversations']} scripted conversations, in-process)", ["turn", "routed to", "p50 µs", "p99 µs"], rows, []))

    # Scale.
    sizes = get(scale, "sizes") or []
    if sizes:
        rows = []
        for s in sizes:
            rows.append(
                [
                    f"{s['size']:,}",
                    f"{s['examples']:,}",
                    ms(s["parse_ns"]["p50"]),
                    ms(s["index_ns"]["p50"]),
                    ms(s["load_and_index_ns"]["p50"]),
                    ms(get(s, "cached_load_ns", "p50")) if get(s, "cached_load_ns", "p50") else "-",
                    us(s["latency_ns"]["generated"]["p50"]),
                    us(s["latency_ns"]["generated"]["p99"]),
                    us(s["latency_ns"]["dev-set"]["p50"]),
                    us(s["latency_ns"]["dev-set"]["p99"]),
                    f"{s['rss_kib']['peak'] / 1024:.1f}",
                    pct(s["accuracy"]),
                ]
            )
        sections.append(
            (
                "Scale: generated tables, 20 examples per intent, shipped knowledge (each size in its own process)",
                ["intents", "examples", "Content.load ms", "Coach.init ms", "load+index ms", "compiled in: from the snapshot ms", "generated p50 µs", "generated p99 µs", "dev-set p50 µs", "dev-set p99 µs", "peak RSS MiB", "top-1"],
                rows,
                ["load+index: a start with the table as an overlay, from YAML; compiled in: the coach read back from its snapshot, as rubdown does with its bundled content", "generated p50/p99: new utterances for random intents of the table (10% with a typing slip); dev-set: the 345 development lines against the same table; top-1: generated utterances whose top-ranked intent is the one they were made from"],
            )
        )
        growth = get(scale, "growth") or {}
        first, last = sizes[0]["size"], sizes[-1]["size"]
        rows = []
        for name in get(scale, "growth_order") or list(growth):
            entry = growth[name]
            cells = [name]
            for i in range(1, len(sizes)):
                step = entry.get(f"{sizes[i - 1]['size']}→{sizes[i]['size']}", {})
                cells.append(f"×{step.get('ratio', float('nan')):.2f} (k={step.get('exponent', float('nan')):.2f})")
            cells.append(f"×{entry.get('overall', {}).get('ratio', float('nan')):.2f}")
            rows.append(cells)
        header = ["figure"] + [f"{sizes[i - 1]['size']:,}→{sizes[i]['size']:,}" for i in range(1, len(sizes))] + [f"{first:,}→{last:,}"]
        sections.append(("Growth with the table's size (ratio; k in figure ∝ size^k, k < 1 is sublinear)", header, rows, []))
        if any(s.get("cli") for s in sizes):
            rows = [
                [f"{s['size']:,}", ms(get(s, "cli", "start_no_input_ns", "p50")), ms(get(s, "cli", "all_queries_ns")), f"{get(s, 'cli', 'all_queries_max_rss_kib') / 1024:.1f}"]
                for s in sizes
                if s.get("cli")
            ]
            sections.append(("The same tables through `rubdown classify --intents DIR`", ["intents", "later start, no input (p50 ms)", "every generated query, first start (ms)", "peak RSS MiB"], rows, []))

    # Targets.
    rows = []

    def target(name, goal, value, met, unit=""):
        rows.append([name, goal, value, "-" if met is None else ("met" if met else "**missed**")])

    for name in ["echo hi | rubdown", "rubdown classify (1 line)", "echo hi | rubdown --no-cache", "rubdown classify --no-cache (1 line)"]:
        ratio = get(cases, name, "ratio_to_baseline")
        when = "first start after a content change" if "no-cache" in name else "later starts"
        target(f"start-up `{name}` ({when})", "≤ 2× hello-foundation", "-" if ratio is None else f"{ratio:.2f}× ({ms(get(cases, name, 'wall_ns', 'p50'))} ms vs {ms(get(cases, 'hello-foundation', 'wall_ns', 'p50'))} ms)", None if ratio is None else ratio <= 2)
    for source in ["all", "dev-set"]:
        p99 = get(classify, "latency_ns", source, "p99")
        target(f"classification p99, shipped content, {source}", "≤ 50 µs", f"{us(p99)} µs" if p99 else "-", None if p99 is None else p99 <= 50_000)
    big = next((s for s in sizes if s["size"] == 10_000), None)
    if big:
        value = big["load_and_index_ns"]["p50"]
        target("10,000 intents: load + index, first start (YAML)", "≤ 1 s", f"{value / 1e9:.2f} s", value <= 1e9)
        value = get(big, "cached_load_ns", "p50")
        if value:
            target("10,000 intents: load, compiled in (snapshot)", "≤ 1 s", f"{value / 1e9:.2f} s", value <= 1e9)
        for kind in ["generated", "dev-set"]:
            value = big["latency_ns"][kind]["p99"]
            target(f"10,000 intents: p99 per utterance ({kind})", "≤ 1 ms", f"{value / 1e6:.2f} ms", value <= 1e6)
        value = big["rss_kib"]["peak"]
        target("10,000 intents: peak RSS", "≤ 200 MB", f"{value / MB:.0f} MB ({value / 1024:.0f} MiB)", value <= 200 * MB)
    small = next((s for s in sizes if s["size"] == 100), None)
    if big and small:
        for kind in ["generated", "dev-set"]:
            for p in ["p50", "p99"]:
                ratio = big["latency_ns"][kind][p] / small["latency_ns"][kind][p]
                target(f"sublinear: {kind} {p}, 100 → 10,000 intents", "≤ 10×", f"×{ratio:.1f}", ratio <= 10)
    value = get(cases, "rubdown classify (all test lines)", "max_rss_kib", "p50")
    target("shipped content: peak RSS of `rubdown classify` over every test line", "< 40 MB", "-" if value is None else f"{value / MB:.1f} MB ({value / 1024:.1f} MiB)", None if value is None else value < 40 * MB)
    sections.append(("Targets (release build, this machine)", ["target", "goal", "measured", "verdict"], rows, []))

    machine = ""
    if os.path.exists(os.path.join(directory, "machine.txt")):
        with open(os.path.join(directory, "machine.txt"), encoding="utf-8") as handle:
            machine = handle.read().strip()

    text_out, md_out = [], []
    if machine:
        md_out.append("```\n" + machine + "\n```")
    for title, header, rows, notes in sections:
        text_out.append(f"== {title}\n" + text_table(header, [[cell.replace("**", "") for cell in map(str, r)] for r in rows]))
        text_out += [f"   {n}" for n in notes]
        text_out.append("")
        md_out.append(f"### {title}\n\n" + markdown_table(header, rows) + ("\n\n" + "\n".join(f"- {n}" for n in notes) if notes else ""))
    print("\n".join(text_out))
    with open(os.path.join(directory, "summary.md"), "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(md_out) + "\n")


if __name__ == "__main__":
    main()
