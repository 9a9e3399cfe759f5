#!/usr/bin/python3
"""Builds README.md from docs/_head.md and the area pages in docs/, in reading order. Each page's
top heading becomes a level-2 heading. Run after editing any page: /usr/bin/python3 scripts/build-readme.py"""
import os
import re

ORDER = ["_head", "core", "cli-images", "service", "python-client", "tabular", "text", "trainer", "cbert", "benchmarks"]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
parts = []
for name in ORDER:
    path = os.path.join(root, "docs", name + ".md")
    if not os.path.exists(path):
        continue
    text = open(path, encoding="utf-8").read().strip() + "\n"
    if name != "_head":
        levels, fence = [], False
        for line in text.splitlines():
            if line.startswith("```"):
                fence = not fence
            elif not fence and re.match(r"^#+ ", line):
                levels.append(len(line) - len(line.lstrip("#")))
        shift = 2 - min(levels) if levels else 0
        if shift:
            out, fence = [], False
            for line in text.splitlines():
                if line.startswith("```"):
                    fence = not fence
                if not fence and re.match(r"^#+ ", line):
                    line = "#" * shift + line if shift > 0 else line[-shift:]
                out.append(line)
            text = "\n".join(out) + "\n"
    parts.append(text)
with open(os.path.join(root, "README.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(parts))
print("README.md written from", len(parts), "parts")
