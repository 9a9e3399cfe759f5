"""Reference for `augment images`: the same job written with torchvision 0.14 (PIL backend), one process.

Walks INPUT, and for every image and copy k: decode -> Rotate(+-15) -> RandomResizedCrop(224) -> HorizontalFlip(0.5)
-> PNG into OUTPUT (keeping sub-folders). Usage: reference_torchvision.py INPUT OUTPUT COPIES SEED
"""
import os
import sys

import torch
from PIL import Image
from torchvision import transforms as T


def main():
    src, dst, copies, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    pipe = T.Compose([T.RandomRotation(15), T.RandomResizedCrop(224), T.RandomHorizontalFlip(0.5)])
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs if f.lower().endswith((".jpg", ".png")))
    for path in files:
        rel = os.path.relpath(path, src)
        os.makedirs(os.path.join(dst, os.path.dirname(rel)), exist_ok=True)
        with Image.open(path) as im:
            im = im.convert("RGB")
            stem = os.path.splitext(rel)[0]
            for k in range(copies):
                pipe(im).save(os.path.join(dst, f"{stem}_aug{k:03d}.png"))


if __name__ == "__main__":
    main()
