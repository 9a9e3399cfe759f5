#!/usr/bin/python3
"""Makes a folder NLTK's WordNetCorpusReader accepts from Debian's wordnet-base: symlinks to every
file of /usr/share/wordnet plus the `lexnames` file Debian omits (the 45 WordNet 3.0 lexicographer files).

usage: wordnet_for_nltk.py OUT_DIR [WORDNET_DIR]
"""
import os
import sys

LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body
noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity
noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition
verb.communication verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion
verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl""".split()
SYNTACTIC_CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}


def main():
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(source):
        target = os.path.join(out, name)
        if not os.path.lexists(target):
            os.symlink(os.path.join(source, name), target)
    with open(os.path.join(out, "lexnames"), "w") as f:
        for i, name in enumerate(LEXNAMES):
            f.write("%02d\t%s\t%d\n" % (i, name, SYNTACTIC_CATEGORY[name.split(".")[0]]))
    print(out)


if __name__ == "__main__":
    main()
