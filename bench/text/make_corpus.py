#!/usr/bin/python3
"""Writes real English sentences from Debian's package metadata as label<TAB>text TSV files.

short: the one-line package descriptions of `apt-cache dumpavail` (label = package section),
       distinct, ASCII, 4+ words, in archive order; typically 5-8 words.
long:  sentences of the English AppStream descriptions in /var/lib/apt/lists/*dep11_Components*.yml.gz
       (label = component type), 10-40 words; typically 15-20 words.

usage: make_corpus.py OUT_DIR [COUNT]
"""
import glob
import gzip
import html
import os
import re
import subprocess
import sys


def short_sentences():
    dump = subprocess.run(["apt-cache", "dumpavail"], check=True, capture_output=True, text=True).stdout
    seen = set()
    for block in dump.split("\n\n"):
        fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", block, re.M))
        text = fields.get("Description", "").strip()
        section = fields.get("Section", "misc").split("/")[-1]
        if text and text.isascii() and len(text.split()) >= 4 and text not in seen:
            seen.add(text)
            yield section, text


def long_sentences():
    import yaml
    seen = set()
    for path in sorted(glob.glob("/var/lib/apt/lists/*dep11_Components-amd64.yml.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if not isinstance(doc, dict) or "Description" not in doc:
                    continue
                body = doc["Description"].get("C") or doc["Description"].get("en")
                if not body:
                    continue
                plain = html.unescape(re.sub(r"<[^>]+>", " ", body))
                plain = re.sub(r"\s+", " ", plain)
                for sentence in re.split(r"(?<=[.!?])\s+", plain):
                    sentence = sentence.strip()
                    words = len(sentence.split())
                    if 10 <= words <= 40 and sentence.isascii() and "http" not in sentence and sentence not in seen:
                        seen.add(sentence)
                        yield doc.get("Type", "generic"), sentence


def write(path, rows, count):
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for label, text in rows:
            f.write(label + "\t" + text.replace("\t", " ") + "\n")
            n += 1
            if n == count:
                break
    words = sum(len(line.split("\t", 1)[1].split()) for line in open(path, encoding="utf-8"))
    print("%s: %d sentences, %.1f words on average" % (path, n, words / max(n, 1)))
    return n


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "short.tsv"), short_sentences(), count)
    write(os.path.join(out, "long.tsv"), long_sentences(), count)


if __name__ == "__main__":
    main()
