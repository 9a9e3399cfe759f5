#!/usr/bin/python3
"""Writes a fixed set of 256 JPEGs (500x375, quality 90) cut from real photographs that Debian ships
(scikit-learn's china.jpg and flower.jpg, matplotlib's grace_hopper.jpg). Deterministic: same files every run."""
import os
import sys

import numpy as np
from PIL import Image

SOURCES = [
    "/usr/lib/python3/dist-packages/sklearn/datasets/images/china.jpg",
    "/usr/lib/python3/dist-packages/sklearn/datasets/images/flower.jpg",
    "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
]


def main(out_dir: str, count: int = 256) -> None:
    os.makedirs(out_dir, exist_ok=True)
    photos = [Image.open(p).convert("RGB") for p in SOURCES if os.path.exists(p)]
    if not photos:
        sys.exit("no source photographs found: apt-get install python3-sklearn python3-matplotlib")
    rng = np.random.default_rng(1234)
    for i in range(count):
        photo = photos[i % len(photos)]
        w, h = photo.size
        scale = rng.uniform(0.5, 1.0)
        cw, ch = int(w * scale), int(h * scale)
        x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
        img = photo.crop((x, y, x + cw, y + ch)).resize((500, 375), Image.BILINEAR)
        if rng.random() < 0.5:
            img = img.transpose(Image.FLIP_LEFT_RIGHT)
        img.save(os.path.join(out_dir, f"img{i:03d}.jpg"), quality=90)
    print(f"wrote {count} JPEGs to {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/jpegs")
