#!/usr/bin/python3
"""Reference pipelines A and B with torchvision (PIL backend) and with OpenCV (as albumentations does),
one thread, decoding from in-memory bytes. Prints one line per measurement: `NAME img/s`."""
import glob
import io
import math
import os
import random
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import cv2  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402
from torchvision import transforms as T  # noqa: E402

torch.set_num_threads(1)
cv2.setNumThreads(1)
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)

TV_A = T.Compose([T.RandomResizedCrop(224), T.RandomHorizontalFlip(), T.ColorJitter(0.4, 0.4, 0.4, 0.1),
                  T.ToTensor(), T.Normalize(MEAN.tolist(), STD.tolist())])
TV_B = T.Compose([T.RandomRotation(15), T.RandomResizedCrop(224), T.RandomHorizontalFlip(), T.ToTensor()])


def tv(pipeline):
    return lambda data: pipeline(Image.open(io.BytesIO(data)).convert("RGB"))


def rrc_params(w, h, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3)):
    area = w * h
    for _ in range(10):
        ta = area * random.uniform(*scale)
        ar = math.exp(random.uniform(math.log(ratio[0]), math.log(ratio[1])))
        cw, ch = int(round(math.sqrt(ta * ar))), int(round(math.sqrt(ta / ar)))
        if 0 < cw <= w and 0 < ch <= h:
            return random.randint(0, w - cw), random.randint(0, h - ch), cw, ch
    return 0, 0, w, h


def cv_rrc_flip(img):
    h, w = img.shape[:2]
    x, y, cw, ch = rrc_params(w, h)
    out = cv2.resize(img[y:y + ch, x:x + cw], (224, 224), interpolation=cv2.INTER_LINEAR)
    return cv2.flip(out, 1) if random.random() < 0.5 else out


def cv_jitter(img):
    # albumentations ColorJitter on uint8: brightness and contrast by LUT, saturation by blending with grey,
    # hue by shifting H in HSV; in random order.
    ops = [0, 1, 2, 3]
    random.shuffle(ops)
    for op in ops:
        if op == 0:
            f = random.uniform(0.6, 1.4)
            img = cv2.LUT(img, np.clip(np.arange(256) * f, 0, 255).astype(np.uint8))
        elif op == 1:
            f = random.uniform(0.6, 1.4)
            mean = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).mean()
            img = cv2.LUT(img, np.clip(np.arange(256) * f + mean * (1 - f), 0, 255).astype(np.uint8))
        elif op == 2:
            f = random.uniform(0.6, 1.4)
            grey = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
            img = cv2.addWeighted(img, f, grey, 1 - f, 0)
        else:
            shift = int(random.uniform(-0.1, 0.1) * 180)
            hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
            hsv[..., 0] = cv2.LUT(hsv[..., 0], ((np.arange(256) + shift) % 180).astype(np.uint8))
            img = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    return img


def cv_a(data):
    img = cv2.cvtColor(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    img = cv_jitter(cv_rrc_flip(img))
    return ((img.astype(np.float32) / 255.0 - MEAN) / STD).transpose(2, 0, 1).copy()


def cv_b(data):
    img = cv2.cvtColor(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), random.uniform(-15, 15), 1.0)
    img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    img = cv_rrc_flip(img)
    return (img.astype(np.float32) / 255.0).transpose(2, 0, 1).copy()


def decode_only(data):
    return Image.open(io.BytesIO(data)).convert("RGB").load()


RUNNERS = {"torchvision-A": tv(TV_A), "torchvision-B": tv(TV_B), "opencv-A": cv_a, "opencv-B": cv_b, "pil-decode": decode_only}


def measure(fn, files, seconds):
    n, start = 0, time.perf_counter()
    while True:
        for data in files:
            fn(data)
            n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def main():
    folder, seconds, names = sys.argv[1], float(sys.argv[2]), sys.argv[3].split(",")
    files = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(folder, "*.jpg")))]
    random.seed(0)
    for name in names:
        print(f"{name} {measure(RUNNERS[name], files, seconds):.1f}", flush=True)


if __name__ == "__main__":
    main()
