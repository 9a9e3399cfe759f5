#!/usr/bin/python3
"""Rebuilds src/Augment.Core/Text/Resources/wordnet-lexicon.txt.gz from a WordNet 3.0 database
folder (Debian's wordnet-base installs one at /usr/share/wordnet).

The compact file keeps only what synonym lookup needs: for each part of speech (n, v, a, r) the
lemma names of every synset (renumbered 0..N-1 in data-file order, adjective markers such as
"(p)" stripped), the index (lemma -> synset numbers, in index-file order) and the exception list
(irregular form -> base forms). Glosses, pointers and frames are dropped. The output is
byte-for-byte reproducible (gzip mtime 0).

usage: build_wordnet_lexicon.py [WORDNET_DIR] [OUTPUT]
"""
import gzip
import io
import os
import re
import sys

POS = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
MARKER = re.compile(r"^(.*?)(\(.*\))?$")


def read_part(folder, tag, name):
    ids, synsets = {}, []
    with open(os.path.join(folder, "data." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            lemmas = [MARKER.match(fields[4 + 2 * i]).group(1) for i in range(count)]
            ids[fields[0]] = len(synsets)
            synsets.append(lemmas)
    index = []
    with open(os.path.join(folder, "index." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            synset_count = int(fields[2])
            offsets = fields[len(fields) - synset_count:]
            index.append((fields[0], [ids[o] for o in offsets]))
    exceptions = []
    with open(os.path.join(folder, name + ".exc"), encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                exceptions.append(fields)
    return synsets, index, exceptions


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "src", "Augment.Core", "Text", "Resources",
                               "wordnet-lexicon.txt.gz")
    output = sys.argv[2] if len(sys.argv) > 2 else default_out
    text = io.StringIO()
    text.write("augment-wordnet-lexicon 1 WordNet 3.0 (Princeton University), see WORDNET-LICENSE.txt\n")
    for tag, name in POS:
        synsets, index, exceptions = read_part(folder, tag, name)
        text.write("pos %s\n" % tag)
        text.write("synsets %d\n" % len(synsets))
        for lemmas in synsets:
            text.write(" ".join(lemmas) + "\n")
        text.write("index %d\n" % len(index))
        for lemma, ids in index:
            text.write(lemma + " " + " ".join(str(i) for i in ids) + "\n")
        text.write("exceptions %d\n" % len(exceptions))
        for fields in exceptions:
            text.write(" ".join(fields) + "\n")
    data = text.getvalue().encode("utf-8")
    tmp = output + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)
    os.replace(tmp, output)
    print("wrote %s (%d bytes, %d uncompressed)" % (output, os.path.getsize(output), len(data)))


if __name__ == "__main__":
    main()
