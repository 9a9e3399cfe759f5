#!/usr/bin/python3
"""The EDA reference algorithm (Wei and Zou 2019, github.com/jasonwei20/eda_nlp, code/eda.py), written
out from its description for the benchmark: get_only_chars cleaning, the reference stop-word list,
synonyms from NLTK's WordNet reader recomputed on every call (as the reference does), the four
operations with the reference's retry limits, floor(num_aug/4)+1 candidates per operation, shuffle,
trim, original appended. Reads label<TAB>text, writes label<TAB>text, prints the elapsed seconds of
the read-augment-write loop (WordNet is loaded before timing starts).

usage: eda_reference.py WORDNET_DIR INPUT OUTPUT [--num-aug 9] [--alpha 0.1]
"""
import argparse
import random
import re
import time

STOP_WORDS = set("""i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who whom this
that these those am is are was were be been being have has had having do does did doing a an the and
but if or because as until while of at by for with about against between into through during before
after above below to from up down in out on off over under again further then once here there when
where why how all any both each few more most other some such no nor not only own same so than too very
s t can will just don should now""".split()) | {""}

LETTERS = set("qwertyuiopasdfghjklzxcvbnm")
SYNONYM_CHARS = set(" qwertyuiopasdfghjklzxcvbnm")


def clean(line):
    line = line.replace("\u2019", "").replace("'", "").replace("-", " ").replace("\t", " ").replace("\n", " ").lower()
    out = "".join(c if c in LETTERS or c == " " else " " for c in line)
    out = re.sub(" +", " ", out)
    return out[1:] if out.startswith(" ") else out


class Eda:
    def __init__(self, wordnet, rng):
        self.wn = wordnet
        self.rng = rng

    def synonyms(self, word):
        found = set()
        for synset in self.wn.synsets(word):
            for lemma in synset.lemmas():
                s = lemma.name().replace("_", " ").replace("-", " ").lower()
                found.add("".join(c for c in s if c in SYNONYM_CHARS))
        found.discard(word)
        return list(found)

    def replace(self, words, n):
        out = list(words)
        candidates = list(set(w for w in words if w not in STOP_WORDS))
        self.rng.shuffle(candidates)
        replaced = 0
        for word in candidates:
            options = self.synonyms(word)
            if options:
                choice = self.rng.choice(options)
                out = [choice if w == word else w for w in out]
                replaced += 1
            if replaced >= n:
                break
        return " ".join(out).split(" ")

    def insert(self, words, n):
        out = list(words)
        for _ in range(n):
            options, tries = [], 0
            while not options:
                options = self.synonyms(out[self.rng.randint(0, len(out) - 1)])
                tries += 1
                if tries >= 10:
                    break
            if options and tries < 10:
                out.insert(self.rng.randint(0, len(out) - 1), options[0])
        return out

    def swap(self, words, n):
        out = list(words)
        for _ in range(n):
            a = self.rng.randint(0, len(out) - 1)
            b, tries = a, 0
            while b == a:
                b = self.rng.randint(0, len(out) - 1)
                tries += 1
                if tries > 3:
                    break
            if tries <= 3:
                out[a], out[b] = out[b], out[a]
        return out

    def delete(self, words, p):
        if len(words) == 1:
            return words
        out = [w for w in words if self.rng.uniform(0, 1) > p]
        return out if out else [words[self.rng.randint(0, len(words) - 1)]]

    def augment(self, sentence, alpha_sr=0.1, alpha_ri=0.1, alpha_rs=0.1, p_rd=0.1, num_aug=9):
        sentence = clean(sentence)
        words = [w for w in sentence.split(" ") if w != ""]
        per = int(num_aug / 4) + 1
        outputs = []
        if alpha_sr > 0:
            n = max(1, int(alpha_sr * len(words)))
            outputs += [" ".join(self.replace(words, n)) for _ in range(per)]
        if alpha_ri > 0:
            n = max(1, int(alpha_ri * len(words)))
            outputs += [" ".join(self.insert(words, n)) for _ in range(per)]
        if alpha_rs > 0:
            n = max(1, int(alpha_rs * len(words)))
            outputs += [" ".join(self.swap(words, n)) for _ in range(per)]
        if p_rd > 0:
            outputs += [" ".join(self.delete(words, p_rd)) for _ in range(per)]
        outputs = [clean(s) for s in outputs]
        self.rng.shuffle(outputs)
        if num_aug >= 1:
            outputs = outputs[:num_aug]
        else:
            keep = num_aug / len(outputs)
            outputs = [s for s in outputs if self.rng.uniform(0, 1) < keep]
        outputs.append(sentence)
        return outputs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wordnet")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--num-aug", type=int, default=9)
    ap.add_argument("--alpha", type=float, default=0.1)
    args = ap.parse_args()
    from nltk.corpus.reader.wordnet import WordNetCorpusReader
    wordnet = WordNetCorpusReader(args.wordnet, None)
    wordnet.synsets("dog")
    eda = Eda(wordnet, random.Random(1))
    start = time.perf_counter()
    cpu_start = time.process_time()
    records = 0
    with open(args.input, encoding="utf-8") as f, open(args.output, "w", encoding="utf-8") as out:
        for line in f:
            label, sentence = line.rstrip("\n").split("\t", 1)
            for augmented in eda.augment(sentence, args.alpha, args.alpha, args.alpha, args.alpha, args.num_aug):
                out.write(label + "\t" + augmented + "\n")
            records += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print("reference: %d records in %.3f s (%.0f records/s), cpu %.3f s" % (records, elapsed, records / elapsed, cpu))


if __name__ == "__main__":
    main()
