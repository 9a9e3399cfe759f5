#!/usr/bin/python3
"""Writes the NLTK parity fixture tests/Augment.Core.Tests/Text/Lexicons/nltk-synonyms.tsv: for a
deterministic sample of words (every 7th distinct word of the benchmark's short corpus, plus some
irregular and inflected forms), the synonyms the reference EDA gets from NLTK's WordNet reader,
cleaned as the reference cleans them (then spaces collapsed and trimmed, empties dropped).

usage: nltk_synonym_fixture.py NLTK_WORDNET_DIR CORPUS_TSV OUTPUT
"""
import re
import sys

from nltk.corpus.reader.wordnet import WordNetCorpusReader

EXTRA = "ran geese mice better best running wolves churches happier studies went children feet leaves".split()


def main():
    wordnet = WordNetCorpusReader(sys.argv[1], None)
    words = []
    seen = set()
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            text = line.rstrip("\n").split("\t", 1)[1].lower()
            for word in re.findall(r"[a-z]+", text):
                if word not in seen:
                    seen.add(word)
                    words.append(word)
    sample = words[::7][:600] + EXTRA
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        for word in sample:
            found = set()
            for synset in wordnet.synsets(word):
                for lemma in synset.lemmas():
                    s = lemma.name().replace("_", " ").replace("-", " ").lower()
                    s = "".join(c for c in s if c in " qwertyuiopasdfghjklzxcvbnm")
                    s = re.sub(" +", " ", s).strip()
                    if s:
                        found.add(s)
            found.discard(word)
            out.write(word + "\t" + "|".join(sorted(found)) + "\n")
    print("%s: %d words" % (sys.argv[3], len(sample)))


if __name__ == "__main__":
    main()
