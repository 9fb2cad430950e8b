"""WordNet 3.0 from Debian's wordnet-base, read with NLTK's WordNetCorpusReader, offline (no
nltk.download). Shared by the scripts that propose words from WordNet."""
import io, os, sys, warnings

# The lexicographer file names (lexnames(5WN)); Debian leaves the `lexnames` file out, NLTK opens it.
LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
            "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
            "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
            "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
            "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
            "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
            "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl").split()


def open_wordnet(wordnet_dir="/usr/share/wordnet"):
    if not os.path.exists(os.path.join(wordnet_dir, "data.noun")):
        sys.exit(f"no WordNet database in {wordnet_dir}: apt-get install --no-install-recommends wordnet-base")
    try:
        import nltk
        from nltk.corpus.reader.wordnet import WordNetCorpusReader
    except ImportError:
        sys.exit("nltk is missing: pip install nltk")

    class DebianWordNet(WordNetCorpusReader):
        def open(self, file):
            if file == "lexnames":
                return io.StringIO("".join(f"{i:02d} {name} {1 + ['noun', 'verb', 'adj', 'adv'].index(name.split('.')[0])}\n"
                                           for i, name in enumerate(LEXNAMES)))
            return super().open(file)

        def map_wn(self, version="wordnet"):
            return None  # the files are WordNet 3.0 itself: nothing to map, no nltk_data to look for

    nltk.data.path.append(wordnet_dir)  # NLTK reads only from its data paths
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not needed
        return DebianWordNet(wordnet_dir, None)
