#!/usr/bin/python3
"""EDA benchmark: our CLI (`augment text --method eda`) against the reference algorithm in Python with
NLTK's WordNet reader (eda_reference.py), on the same real sentences, one core (taskset -c 0), ours and
the reference back to back in interleaved rounds. Prints per-round figures and the median ratio of
sentences/s with its spread, for wall time and for CPU time (CPU time is steadier on a busy machine).

Both sides time their read-augment-write loop after loading WordNet (NLTK: one warm-up synsets() call;
ours: the embedded lexicon), so interpreter/runtime start-up and lexicon loading are excluded on both.
The reference runs with PYTHONHASHSEED=0 (its set iteration order otherwise changes per process).
Our CLI is published ReadyToRun (the way it is deployed) into bench/text/out/cli.

usage: run_bench.py [--rounds 5] [--corpus short|long|both] [--no-build] [--count 10000]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "out")


def run(cmd, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    result = subprocess.run(cmd, capture_output=True, text=True, env=full_env)
    if result.returncode != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(cmd), result.stdout, result.stderr))
    return result.stdout


def reference(corpus, wordnet):
    out = run(["taskset", "-c", "0", "/usr/bin/python3", "-W", "ignore", os.path.join(HERE, "eda_reference.py"), wordnet, corpus,
               os.path.join(OUT, "reference_out.tsv"), "--num-aug", "9", "--alpha", "0.1"], {"PYTHONHASHSEED": "0"})
    m = re.search(r"(\d+) records in ([0-9.]+) s .*cpu ([0-9.]+) s", out)
    return int(m.group(1)), float(m.group(2)), float(m.group(3))


def ours(corpus, tokenization):
    out = run(["taskset", "-c", "0", os.path.join(OUT, "cli", "augment"), "text", "--method", "eda", "--input", corpus,
               "--output", os.path.join(OUT, "ours_out.tsv"), "--num-aug", "9", "--alpha", "0.1", "--seed", "0",
               "--threads", "1", "--tokenization", tokenization])
    m = re.search(r"augmented (\d+) records .* in ([0-9.]+) s .*cpu ([0-9.]+) s", out)
    return int(m.group(1)), float(m.group(2)), float(m.group(3))


def summary(name, ratios):
    return "%s: median %.1fx (min %.1fx, max %.1fx, %d rounds)" % (name, statistics.median(ratios), min(ratios), max(ratios), len(ratios))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", default="both", choices=["short", "long", "both"])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    run(["/usr/bin/python3", os.path.join(HERE, "make_corpus.py"), OUT, str(args.count)])
    wordnet = os.path.join(OUT, "wordnet")
    run(["/usr/bin/python3", os.path.join(HERE, "wordnet_for_nltk.py"), wordnet])
    if not args.no_build:
        run(["dotnet", "publish", os.path.join(REPO, "src", "Augment.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
             "-p:PublishReadyToRun=true", "-o", os.path.join(OUT, "cli")])
    import nltk
    print("python %s, nltk %s, WordNet from /usr/share/wordnet; %s" % (sys.version.split()[0], nltk.__version__,
          open("/proc/loadavg").read().split()[0] + " load average at start"))
    corpora = ["short", "long"] if args.corpus == "both" else [args.corpus]
    for name in corpora:
        corpus = os.path.join(OUT, name + ".tsv")
        wall = {"reference": [], "preserve": []}
        cpu = {"reference": [], "preserve": []}
        for r in range(args.rounds):
            n, ref_wall, ref_cpu = reference(corpus, wordnet)
            line = "%s round %d: reference %.0f/s (cpu %.0f/s)" % (name, r + 1, n / ref_wall, n / ref_cpu)
            for tokenization in ("reference", "preserve"):
                m, our_wall, our_cpu = ours(corpus, tokenization)
                assert m == n, (m, n)
                wall[tokenization].append(ref_wall / our_wall)
                cpu[tokenization].append(ref_cpu / our_cpu)
                line += "; ours[%s] %.0f/s (cpu %.0f/s)" % (tokenization, n / our_wall, n / our_cpu)
            print(line, flush=True)
        words = sum(len(l.split("\t", 1)[1].split()) for l in open(corpus, encoding="utf-8")) / n
        print("%s corpus: %d sentences, %.1f words on average, num_aug 9, alpha 0.1, one core" % (name, n, words))
        for tokenization in ("reference", "preserve"):
            print("  " + summary("ours[%s] / reference, wall" % tokenization, wall[tokenization]))
            print("  " + summary("ours[%s] / reference, cpu " % tokenization, cpu[tokenization]))


if __name__ == "__main__":
    main()
