#!/usr/bin/env python3
"""The baseline beside Rubdown (issue 6): a standard scikit-learn pipeline, TF-IDF word and
character n-grams into a linear SVM, trained on the same examples (`rubdown intents --json`)
and scored on the same test lines (the development set and CLINC150) as Rubdown.

    baseline_sklearn.py compare --train intents.jsonl --tests test-lines.jsonl \
        --rubdown rubdown-predictions.jsonl --model model.pkl --out sklearn.json
    baseline_sklearn.py classify --model model.pkl     < lines   (start-up: load a fitted model)
    baseline_sklearn.py classify --train intents.jsonl < lines   (start-up: fit, like Rubdown indexes)

Latencies are medians and percentiles of single-utterance calls, in microseconds.
"""

import argparse
import json
import pickle
import resource
import sys
import time


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def make_pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
                        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
                    ]
                ),
            ),
            ("svm", LinearSVC(C=1.0)),
        ]
    )


def fit(train):
    pipeline = make_pipeline()
    pipeline.fit([row["text"] for row in train], [row["intent"] for row in train])
    return pipeline


def percentiles(samples_ns):
    """Nearest-rank percentiles, as the Swift side computes them."""
    ordered = sorted(samples_ns)
    if not ordered:
        return {}

    def rank(p):
        index = max(0, min(len(ordered) - 1, -(-p * len(ordered) // 100) - 1))
        return ordered[int(index)]

    return {"n": len(ordered), "p50": rank(50), "p90": rank(90), "p99": rank(99), "min": ordered[0], "max": ordered[-1]}


def accuracy(rows, predictions, plugin_of):
    """Plugin and intent accuracy per source (`dev-set`, `clinc150`) and over all lines."""
    result = {}
    for source in sorted({row["source"] for row in rows}) + ["all"]:
        chosen = [(row, got) for row, got in zip(rows, predictions) if source == "all" or row["source"] == source]
        plugin_hits = sum(1 for row, got in chosen if plugin_of(got) == row["plugin"])
        with_intent = [(row, got) for row, got in chosen if row.get("intent")]
        intent_hits = sum(1 for row, got in with_intent if got == row["intent"])
        result[source] = {
            "lines": len(chosen),
            "plugin_accuracy": plugin_hits / max(1, len(chosen)),
            "intent_lines": len(with_intent),
            "intent_accuracy": intent_hits / len(with_intent) if with_intent else None,
        }
    return result


def compare(args):
    import numpy
    import sklearn

    train = read_jsonl(args.train)
    rows = read_jsonl(args.tests)
    texts = [row["text"] for row in rows]
    plugin_by_intent = {row["intent"]: row["plugin"] for row in train}
    fallback_intent = next((row["intent"] for row in train if row["plugin"] == "fallback"), "fallback")

    fit_ns = []
    for _ in range(args.fits):
        start = time.perf_counter_ns()
        pipeline = fit(train)
        fit_ns.append(time.perf_counter_ns() - start)
    with open(args.model, "wb") as handle:
        pickle.dump(pipeline, handle)

    # Predictions: the plain pipeline, and the same SVM read one-vs-rest with no class
    # claiming the line (every decision value below 0) as out of scope.
    decision = pipeline.decision_function(texts)
    classes = pipeline.classes_
    plain = [classes[i] for i in numpy.argmax(decision, axis=1)]
    gated = [
        classes[i] if decision[n, i] >= 0 else fallback_intent for n, i in enumerate(numpy.argmax(decision, axis=1))
    ]

    for text in texts[:200]:  # warm-up
        pipeline.predict([text])
    samples = {"all": []}
    for _ in range(args.rounds):
        for row in rows:
            start = time.perf_counter_ns()
            pipeline.predict([row["text"]])
            elapsed = time.perf_counter_ns() - start
            samples["all"].append(elapsed)
            samples.setdefault(row["source"], []).append(elapsed)
    batch_ns = []
    for _ in range(3):
        start = time.perf_counter_ns()
        pipeline.predict(texts)
        batch_ns.append((time.perf_counter_ns() - start) / len(texts))

    rubdown = {row["text"]: row for row in read_jsonl(args.rubdown)} if args.rubdown else {}
    result = {
        "sklearn_version": sklearn.__version__,
        "python": sys.version.split()[0],
        "pipeline": "TfidfVectorizer(word 1-2) + TfidfVectorizer(char_wb 2-5), sublinear tf -> LinearSVC(C=1)",
        "train_examples": len(train),
        "intents": len(classes),
        "fit_ns": percentiles(fit_ns),
        "latency_ns": {source: percentiles(values) for source, values in samples.items()},
        "batch_ns_per_line": percentiles(batch_ns),
        "accuracy": accuracy(rows, plain, lambda intent: plugin_by_intent.get(intent, "?")),
        "accuracy_gated": accuracy(rows, gated, lambda intent: plugin_by_intent.get(intent, "?")),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    if rubdown:
        # Rubdown's own routed answers: its plugin comes from routing (a red flag goes to triage
        # whatever the intent), so plugin and intent are read from its output, not mapped.
        routed = [(row, rubdown[row["text"]]["intent"], rubdown[row["text"]]["plugin"]) for row in rows]
        result["rubdown_accuracy"] = accuracy_routed(rows, routed)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2, sort_keys=True)
    line = result["latency_ns"]["all"]
    print(
        f"sklearn {result['sklearn_version']}: fit p50 {percentiles(fit_ns)['p50'] / 1e6:.0f} ms; "
        f"per utterance p50 {line['p50'] / 1e3:.0f} µs, p99 {line['p99'] / 1e3:.0f} µs; "
        f"plugin accuracy {result['accuracy']['all']['plugin_accuracy'] * 100:.1f}% "
        f"(one-vs-rest gate {result['accuracy_gated']['all']['plugin_accuracy'] * 100:.1f}%)"
    )


def accuracy_routed(rows, routed):
    """Accuracy of predictions that carry their own plugin (Rubdown's routed answer)."""
    result = {}
    for source in sorted({row["source"] for row in rows}) + ["all"]:
        chosen = [(row, intent, plugin) for row, intent, plugin in routed if source == "all" or row["source"] == source]
        with_intent = [(row, intent) for row, intent, _ in chosen if row.get("intent")]
        result[source] = {
            "lines": len(chosen),
            "plugin_accuracy": sum(1 for row, _, plugin in chosen if plugin == row["plugin"]) / max(1, len(chosen)),
            "intent_lines": len(with_intent),
            "intent_accuracy": (
                sum(1 for row, intent in with_intent if intent == row["intent"]) / len(with_intent) if with_intent else None
            ),
        }
    return result


def classify(args):
    """A whole process, as `rubdown classify`: get a model, then one answer per stdin line."""
    if args.model:
        with open(args.model, "rb") as handle:
            pipeline = pickle.load(handle)
    else:
        pipeline = fit(read_jsonl(args.train))
    for line in sys.stdin:
        print(json.dumps({"input": line.rstrip("\n"), "intent": str(pipeline.predict([line.rstrip("\n")])[0])}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    compare_parser = commands.add_parser("compare")
    compare_parser.add_argument("--train", required=True)
    compare_parser.add_argument("--tests", required=True)
    compare_parser.add_argument("--rubdown")
    compare_parser.add_argument("--model", required=True)
    compare_parser.add_argument("--out", required=True)
    compare_parser.add_argument("--rounds", type=int, default=2)
    compare_parser.add_argument("--fits", type=int, default=3)
    classify_parser = commands.add_parser("classify")
    source = classify_parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model")
    source.add_argument("--train")
    args = parser.parse_args()
    compare(args) if args.command == "compare" else classify(args)


if __name__ == "__main__":
    main()
