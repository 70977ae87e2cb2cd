#!/usr/bin/python3
"""Trains Sightline's plant-disease classifier from scratch on a folder-per-class PlantVillage subset.

Run it through the launcher (``./sightline train-plants --dataset DIR [--out DIR]``). It needs Debian's
``python3-torch`` and ``python3-torchvision`` (PyTorch 1.13) and nothing from the network: no pretrained weights,
no downloads. It writes into ``--out``:

  plant-disease.onnx        the network, input [1,3,S,S] float RGB, output [1,C] logits
  plant-disease.properties  its metadata (sightline.vision.classify.ClassifierMetadata) with the reject rule
  split.csv                 which image went to train, val or test, and the group that kept it there
  figures.json              every figure printed, for the model card
  MODEL_CARD.md             data, attribution, split, accuracy per class, confusion matrix, not-a-leaf, limits

Determinism: every random draw comes from generators seeded by --seed; PyTorch runs with deterministic
algorithms on 2 threads. The same command on the same library versions and thread count gives the same bytes;
another CPU or thread count may differ in the last bits of float sums (results stay within noise).
"""

import os

# OpenMP's default busy-waiting made each step 15x slower on a 2-core machine shared with other work (a waiting
# thread spins through the slice the working one needs). Must be set before torch loads OpenMP.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import csv
import hashlib
import json
import math
import re
import resource
import sys
import time
from collections import Counter, defaultdict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

VAL_SHARE = 0.10
TEST_SHARE = 0.20
# Photos of one leaf carry consecutive camera numbers. In the classes with leaf-group data, 97.8% of the gaps
# between consecutive photos of the same leaf are <= 10 (the largest is 22); different leaves are often 1 apart.
# So for images without group data, photos whose numbers (same camera prefix) are <= 10 apart are chained into
# one group: this over-merges neighbouring leaves (harmless: groups only get bigger) and keeps almost every leaf
# whole. Byte-identical or near-identical pictures (dHash distance <= 4 of 64 bits, e.g. "x copy.jpg" and
# "x copy 2.jpg") are joined too, across the whole class.
NUMBER_GAP = 10
DHASH_BITS = 4
REJECT_LABEL = "background_without_leaves"
ONNX_NAME = "plant-disease.onnx"
METADATA_NAME = "plant-disease.properties"
MEAN = 0.5
STD = 0.25


def slug(folder):
    """The label of a class folder: lower case, runs of other characters as one underscore."""
    return re.sub(r"[^a-z0-9]+", "_", folder.lower()).strip("_")


# ---------------------------------------------------------------------------------------------------- split

def camera_number(path):
    """(camera prefix, photo number) of a PlantVillage file name, or None when it has no number."""
    name = os.path.basename(path).split("___")[-1]
    m = re.match(r"(.*?)\s*(\d+)(?:\s*copy(?:\s*\d+)?)?\.\w+$", name)
    if not m or name.startswith("image ("):  # Background_without_leaves numbers are only indexes
        return None
    return m.group(1).strip(), int(m.group(2))


def dhash(path):
    image = Image.open(path).convert("L").resize((9, 8), Image.BILINEAR)
    a = np.asarray(image, dtype=np.int16)
    return (a[:, 1:] > a[:, :-1]).flatten()


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def seeded_key(seed, text):
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def make_split(dataset, rows, seed):
    """Rows of (path, label, split, group). Groups never straddle splits; each class is split on its own."""
    by_class = defaultdict(list)
    for row in rows:
        by_class[row["folder"]].append(row)
    out = []
    for folder in sorted(by_class):
        items = sorted(by_class[folder], key=lambda r: r["path"])
        uf = UnionFind(len(items))
        first_of_group = {}
        for i, r in enumerate(items):
            if r["leaf_group"]:
                g = first_of_group.setdefault(r["leaf_group"], i)
                uf.union(g, i)
        numbered = sorted((camera_number(r["path"]), i) for i, r in enumerate(items)
                          if not r["leaf_group"] and camera_number(r["path"]) is not None)
        for (a, i), (b, j) in zip(numbered, numbered[1:]):
            if a[0] == b[0] and b[1] - a[1] <= NUMBER_GAP:
                uf.union(i, j)
        hashes = [dhash(os.path.join(dataset, r["path"])) for r in items]
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if int((hashes[i] != hashes[j]).sum()) <= DHASH_BITS:
                    uf.union(i, j)
        groups = defaultdict(list)
        for i in range(len(items)):
            groups[uf.find(i)].append(i)
        # Largest groups first (ties in a seeded order), each to the split with the most images still missing from
        # its share: the shares come out close to 70/10/20 even when one group holds half a class.
        order = sorted(groups.values(), key=lambda g: (-len(g), seeded_key(seed, items[g[0]]["path"])))
        targets = {"test": TEST_SHARE, "val": VAL_SHARE, "train": 1 - TEST_SHARE - VAL_SHARE}
        counts = {s: 0 for s in targets}
        for members in order:
            split = max(targets, key=lambda s: targets[s] * len(items) - counts[s])
            counts[split] += len(members)
            name = f"{slug(folder)}/{os.path.basename(items[members[0]]['path'])}"
            for i in members:
                out.append({"path": items[i]["path"], "label": slug(folder), "split": split, "group": name})
    out.sort(key=lambda r: r["path"])
    return out


def read_dataset(dataset):
    labels_csv = os.path.join(dataset, "labels.csv")
    rows = []
    if os.path.isfile(labels_csv):
        with open(labels_csv, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows.append({"path": r["path"], "folder": r["path"].split("/")[0],
                             "leaf_group": (r.get("leaf_group") or "").strip()})
    else:
        for folder in sorted(os.listdir(dataset)):
            if os.path.isdir(os.path.join(dataset, folder)):
                for name in sorted(os.listdir(os.path.join(dataset, folder))):
                    if name.lower().endswith((".jpg", ".jpeg", ".png")):
                        rows.append({"path": f"{folder}/{name}", "folder": folder, "leaf_group": ""})
    return rows


# ---------------------------------------------------------------------------------------------------- images

def load_images(dataset, paths, size):
    """uint8 [N,3,size,size]: each picture stretched to size x size with Pillow's antialiased bilinear filter,
    which is what sightline.vision.classify does (STRETCH, triangle filter widened when shrinking)."""
    out = np.empty((len(paths), 3, size, size), dtype=np.uint8)
    for i, p in enumerate(paths):
        with Image.open(os.path.join(dataset, p)) as im:
            out[i] = np.asarray(im.convert("RGB").resize((size, size), Image.BILINEAR)).transpose(2, 0, 1)
    return torch.from_numpy(out)


def normalise(x):
    """uint8 or [0,1] float RGB to the network's input: (x/255 - 0.5) / 0.25."""
    if x.dtype == torch.uint8:
        x = x.float() / 255.0
    return (x - MEAN) / STD


def random_colours(n, g):
    return torch.rand(n, 3, 1, 1, generator=g)


def smooth_noise(n, size, g, cells=None):
    """Low-frequency colour noise: a small random grid upsampled smoothly."""
    c = cells or int(torch.randint(2, 24, (1,), generator=g))
    return F.interpolate(torch.rand(n, 3, c, c, generator=g), size=(size, size), mode="bicubic",
                         align_corners=False).clamp(0, 1)


def backgrounds(n, size, g):
    """Plain, gradient, mottled or board-grey backdrops for leaves moved, rotated or shrunk in the frame. Drawn at
    32x32 and enlarged: backdrops are smooth, and this keeps augmentation cheaper than the network's step."""
    low = 32
    kind = torch.randint(0, 4, (n,), generator=g)
    flat = random_colours(n, g).expand(n, 3, low, low)
    ramp = torch.linspace(0, 1, low).view(1, 1, 1, low)
    grad = random_colours(n, g) * (1 - ramp) + random_colours(n, g) * ramp
    grad = torch.where(torch.rand(n, 1, 1, 1, generator=g) < 0.5, grad, grad.transpose(2, 3))
    tex = smooth_noise(n, low, g)
    grey = (0.2 + 0.6 * torch.rand(n, 1, 1, 1, generator=g)).expand(n, 3, low, low)
    pick = lambda k: (kind == k).view(n, 1, 1, 1).float()
    out = (pick(0) * flat + pick(1) * grad + pick(2) * tex + pick(3) * grey).clamp(0, 1)
    return F.interpolate(out, size=(size, size), mode="bilinear", align_corners=False)


def shapes(n, size, g):
    """Random rectangles, ellipses and bars on a random backdrop."""
    img = backgrounds(n, size, g)
    yy, xx = torch.meshgrid(torch.arange(size).float(), torch.arange(size).float(), indexing="ij")
    for _ in range(int(torch.randint(3, 16, (1,), generator=g))):
        cx, cy = torch.rand(n, 1, 1, generator=g) * size, torch.rand(n, 1, 1, generator=g) * size
        rx, ry = 4 + torch.rand(n, 1, 1, generator=g) * size / 3, 4 + torch.rand(n, 1, 1, generator=g) * size / 3
        ellipse = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1
        rect = ((xx - cx).abs() <= rx) & ((yy - cy).abs() <= ry)
        mask = torch.where(torch.rand(n, 1, 1, generator=g) < 0.5, ellipse, rect).unsqueeze(1).float()
        img = img * (1 - mask) + random_colours(n, g) * mask
    return img


def text_like(n, size, g):
    """Dark "words" in lines on a light page (documents, signs, screens), or light on dark."""
    paper = 0.75 + 0.25 * torch.rand(n, 3, 1, 1, generator=g)
    ink = 0.3 * torch.rand(n, 3, 1, 1, generator=g)
    swap = (torch.rand(n, 1, 1, 1, generator=g) < 0.3).float()
    paper, ink = paper * (1 - swap) + ink * swap, ink * (1 - swap) + paper * swap
    mask = torch.zeros(n, 1, size, size)
    for i in range(n):
        line = int(torch.randint(6, 20, (1,), generator=g))
        glyph = max(2, line * 2 // 3)
        y = int(torch.randint(0, line, (1,), generator=g))
        while y + glyph < size:
            x = int(torch.randint(0, 12, (1,), generator=g))
            while x < size:
                word = int(torch.randint(2, 10, (1,), generator=g)) * (glyph // 2 + 1)
                for cx in range(x, min(size, x + word), glyph // 2 + 1):
                    h = int(torch.randint(glyph // 2, glyph + 1, (1,), generator=g))
                    mask[i, 0, y + glyph - h:y + glyph, cx:cx + max(1, glyph // 3)] = 1
                x += word + glyph
            y += line
    return paper * (1 - mask) + ink * mask


def stripes(n, size, g):
    """Stripes, checks and rings of random frequency and angle."""
    yy, xx = torch.meshgrid(torch.linspace(-1, 1, size), torch.linspace(-1, 1, size), indexing="ij")
    angle = torch.rand(n, 1, 1, generator=g) * math.pi
    freq = 2 + torch.rand(n, 1, 1, generator=g) * 30
    u = xx * torch.cos(angle) + yy * torch.sin(angle)
    v = -xx * torch.sin(angle) + yy * torch.cos(angle)
    kind = torch.randint(0, 3, (n, 1, 1), generator=g)
    wave = torch.where(kind == 0, torch.sin(freq * u),
                       torch.where(kind == 1, torch.sin(freq * u) * torch.sin(freq * v),
                                   torch.sin(freq * torch.sqrt(u ** 2 + v ** 2))))
    t = ((wave > 0).float() if bool(torch.rand(1, generator=g) < 0.5) else (wave + 1) / 2).unsqueeze(1)
    return random_colours(n, g) * (1 - t) + random_colours(n, g) * t


NEGATIVE_KINDS = ["flat", "gradient", "noise", "smooth-noise", "shapes", "text", "stripes"]


def negatives(n, size, g, kind=None):
    """Generated pictures that are not leaves: flat colours, gradients, white and smooth noise, shapes, text-like
    patterns, stripes. Nothing is copied from any dataset."""
    out = []
    for _ in range(n):
        k = kind or NEGATIVE_KINDS[int(torch.randint(0, len(NEGATIVE_KINDS), (1,), generator=g))]
        if k == "flat":
            x = random_colours(1, g).expand(1, 3, size, size) + 0.02 * torch.randn(1, 3, size, size, generator=g)
        elif k == "gradient":
            x = backgrounds(1, size, g) if bool(torch.rand(1, generator=g) < 0.3) else None
            if x is None:
                ramp = torch.linspace(0, 1, size).view(1, 1, 1, size)
                x = random_colours(1, g) * (1 - ramp) + random_colours(1, g) * ramp
                x = x.expand(1, 3, size, size)
                if bool(torch.rand(1, generator=g) < 0.5):
                    x = x.transpose(2, 3)
        elif k == "noise":
            x = torch.rand(1, 3, size, size, generator=g)
            if bool(torch.rand(1, generator=g) < 0.5):
                x = x.mean(1, keepdim=True).expand(1, 3, size, size)
        elif k == "smooth-noise":
            x = smooth_noise(1, size, g)
        elif k == "shapes":
            x = shapes(1, size, g)
        elif k == "text":
            x = text_like(1, size, g)
        else:
            x = stripes(1, size, g)
        out.append(x.clamp(0, 1))
    return torch.cat(out)


def blur(x, factor):
    """Defocus: shrink by factor (area average) and enlarge back bilinearly; far cheaper than a Gaussian on CPU."""
    h, w = x.shape[2], x.shape[3]
    small = F.interpolate(x, size=(max(2, round(h / factor)), max(2, round(w / factor))), mode="area")
    return F.interpolate(small, size=(h, w), mode="bilinear", align_corners=False)


def augment(batch, size, g):
    """Random geometry (flips, any rotation, zoom 0.7-1.4 with aspect jitter, shifts) onto random backdrops, then
    colour (brightness, contrast, saturation, a little hue and white balance), blur and sensor noise."""
    n = batch.shape[0]
    x = batch.float() / 255.0
    angle = torch.rand(n, generator=g) * 2 * math.pi
    angle = torch.where(torch.rand(n, generator=g) < 0.3, torch.randint(0, 4, (n,), generator=g) * math.pi / 2, angle)
    zoom = torch.exp(torch.empty(n).uniform_(math.log(0.7), math.log(1.4), generator=g))
    aspect = torch.exp(torch.empty(n).uniform_(math.log(0.85), math.log(1.18), generator=g))
    sx, sy = zoom * aspect.sqrt(), zoom / aspect.sqrt()
    sx = torch.where(torch.rand(n, generator=g) < 0.5, -sx, sx)  # mirror
    tx, ty = (torch.rand(n, generator=g) - 0.5) * 0.3, (torch.rand(n, generator=g) - 0.5) * 0.3
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.stack([torch.stack([cos * sx, -sin * sy, tx], 1), torch.stack([sin * sx, cos * sy, ty], 1)], 1)
    grid = F.affine_grid(theta, (n, 3, size, size), align_corners=False)
    moved = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    inside = F.grid_sample(torch.ones(n, 1, x.shape[2], x.shape[3]), grid, mode="bilinear",
                           padding_mode="zeros", align_corners=False)
    x = moved + (1 - inside) * backgrounds(n, size, g)
    # colour
    grey = x.mean(1, keepdim=True)
    sat = torch.empty(n, 1, 1, 1).uniform_(0.6, 1.4, generator=g)
    x = grey + (x - grey) * sat
    # small hue turn about the grey axis (Rodrigues rotation in RGB space)
    h = torch.empty(n).uniform_(-0.15, 0.15, generator=g)
    cos_h, sin_h = torch.cos(h), torch.sin(h)
    third, root = 1.0 / 3.0, math.sqrt(1.0 / 3.0)
    a = cos_h + (1 - cos_h) * third
    b = third * (1 - cos_h) - root * sin_h
    c = third * (1 - cos_h) + root * sin_h
    rot = torch.stack([torch.stack([a, b, c], 1), torch.stack([c, a, b], 1), torch.stack([b, c, a], 1)], 1)
    x = torch.einsum("nij,njhw->nihw", rot, x)
    mean = x.mean((1, 2, 3), keepdim=True)
    x = mean + (x - mean) * torch.empty(n, 1, 1, 1).uniform_(0.65, 1.35, generator=g)
    x = x * torch.empty(n, 1, 1, 1).uniform_(0.65, 1.35, generator=g)
    x = x * torch.empty(n, 3, 1, 1).uniform_(0.9, 1.1, generator=g)
    # blur a third of the batch by one factor
    blurred = torch.rand(n, generator=g) < 0.3
    if bool(blurred.any()):
        x[blurred] = blur(x[blurred], float(torch.empty(1).uniform_(1.5, 4.0, generator=g)))
    noisy = (torch.rand(n, 1, 1, 1, generator=g) < 0.3).float()
    x = x + noisy * torch.randn(x.shape, generator=g) * torch.empty(n, 1, 1, 1).uniform_(0.0, 0.05, generator=g)
    return x.clamp(0, 1)


# ---------------------------------------------------------------------------------------------------- network

def conv_bn(cin, cout, stride=1, kernel=3):
    return nn.Sequential(nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(inplace=True))


class Residual(nn.Module):
    """A ResNet basic block. Plain 3x3 convolutions: PyTorch 1.13's CPU kernels train depthwise convolutions about
    20x slower per FLOP, which would not fit the hour on two cores."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(conv_bn(cin, cout, stride), nn.Conv2d(cout, cout, 3, 1, 1, bias=False),
                                  nn.BatchNorm2d(cout))
        self.shortcut = nn.Identity() if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.body(x) + self.shortcut(x))


class LeafNet(nn.Module):
    """A small ResNet: stem at 1/2, four stages down to 1/32, global average pooling, dropout, one linear layer."""

    def __init__(self, classes, width):
        super().__init__()
        w = width
        self.features = nn.Sequential(conv_bn(3, w, 2), Residual(w, 2 * w, 2), Residual(2 * w, 4 * w, 2),
                                      Residual(4 * w, 8 * w, 2), Residual(8 * w, 12 * w, 2))
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(12 * w, classes))

    def forward(self, x):
        return self.head(self.features(x))


# ---------------------------------------------------------------------------------------------------- figures

@torch.no_grad()
def predict(model, images, batch=128):
    model.eval()
    out = []
    for i in range(0, len(images), batch):
        out.append(F.softmax(model(normalise(images[i:i + batch])), 1))
    return torch.cat(out) if out else torch.zeros(0)


def accuracy(probs, targets, k):
    if len(targets) == 0:
        return float("nan")
    top = probs.topk(min(k, probs.shape[1]), 1).indices
    return float((top == targets.view(-1, 1)).any(1).float().mean())


def rejected(probs, reject_index, min_probability, min_margin):
    top2 = probs.topk(2, 1)
    p, second, best = top2.values[:, 0], top2.values[:, 1], top2.indices[:, 0]
    return (best == reject_index) | (p < min_probability) | (p - second < min_margin)


def choose_thresholds(leaf_probs, leaf_targets, negative_probs, reject_index, max_leaf_loss):
    """The (min probability, min margin) pair that rejects the most validation negatives while rejecting at most
    max_leaf_loss of the validation leaves the network gets right. Margin and probability move on a grid."""
    correct = leaf_probs.argmax(1) == leaf_targets
    good = leaf_probs[correct]
    best = (0.0, 0.0, -1.0, 0.0)
    for p in np.arange(0.0, 0.96, 0.01):
        for m in np.arange(0.0, 0.96, 0.01):
            lost = float(rejected(good, reject_index, p, m).float().mean()) if len(good) else 0.0
            if lost > max_leaf_loss:
                continue
            caught = float(rejected(negative_probs, reject_index, p, m).float().mean())
            # Most negatives caught; among equals, the lower (gentler) thresholds.
            if caught > best[2] + 1e-9:
                best = (round(float(p), 2), round(float(m), 2), caught, lost)
    return best


def confusion(probs, targets, classes):
    m = np.zeros((classes, classes), dtype=int)
    for t, p in zip(targets.tolist(), probs.argmax(1).tolist()):
        m[t][p] += 1
    return m


# ---------------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", required=True, help="folder per class (e.g. plantvillage-pv16), labels.csv optional")
    ap.add_argument("--out", default="vision/target/plants-model")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--width", type=int, default=16, help="channels of the first stage")
    ap.add_argument("--size", type=int, default=128, help="input side in pixels")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--per-class", type=int, default=0, help="train on at most N images per class (learning curve)")
    ap.add_argument("--negatives", type=float, default=0.12, help="share of each batch that is generated non-leaves")
    ap.add_argument("--negative-bank", type=int, default=1600,
                    help="generated non-leaves made once before training and drawn from (augmented) in every batch")
    ap.add_argument("--max-leaf-loss", type=float, default=0.01,
                    help="share of correctly classified validation leaves the reject rule may turn away")
    ap.add_argument("--split", help="use this split.csv instead of computing one")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    started, load_start = time.time(), os.getloadavg()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    g = torch.Generator().manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    say = lambda *a: print(*a, flush=True)

    rows = read_dataset(args.dataset)
    folders = sorted({r["folder"] for r in rows})
    labels = [slug(f) for f in folders]
    index = {l: i for i, l in enumerate(labels)}
    if REJECT_LABEL not in index:
        sys.exit(f"train-plants: the dataset needs a {REJECT_LABEL} class (Background_without_leaves)")
    reject_index = index[REJECT_LABEL]

    if args.split:
        with open(args.split, newline="", encoding="utf-8") as f:
            split = list(csv.DictReader(f))
    else:
        split = make_split(args.dataset, rows, args.seed)
    with open(os.path.join(args.out, "split.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["path", "label", "split", "group"], lineterminator="\n")
        w.writeheader()
        w.writerows(split)
    parts = {s: [r for r in split if r["split"] == s] for s in ("train", "val", "test")}
    groups = {s: len({r["group"] for r in parts[s]}) for s in parts}
    say(f"split: train {len(parts['train'])} images ({groups['train']} groups), val {len(parts['val'])} "
        f"({groups['val']}), test {len(parts['test'])} ({groups['test']})")
    if args.per_class:
        kept = []
        for l in labels:
            mine = sorted((r for r in parts["train"] if r["label"] == l), key=lambda r: seeded_key(args.seed, r["path"]))
            kept += mine[:args.per_class]
        parts["train"] = kept
        say(f"learning curve: training on {len(kept)} images, at most {args.per_class} per class")

    stored = args.size + args.size // 4
    say("decoding images...")
    train_x = load_images(args.dataset, [r["path"] for r in parts["train"]], stored)
    train_y = torch.tensor([index[r["label"]] for r in parts["train"]])
    val_x = load_images(args.dataset, [r["path"] for r in parts["val"]], args.size)
    val_y = torch.tensor([index[r["label"]] for r in parts["val"]])
    test_x = load_images(args.dataset, [r["path"] for r in parts["test"]], args.size)
    test_y = torch.tensor([index[r["label"]] for r in parts["test"]])

    model = LeafNet(len(labels), args.width)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0}],
                            lr=args.lr)
    steps_per_epoch = math.ceil(len(train_x) / args.batch)
    total = steps_per_epoch * args.epochs
    warmup = min(2 * steps_per_epoch, total // 5 + 1)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warmup if s < warmup else 0.5 * (1 + math.cos(math.pi * (s - warmup) / (total - warmup))))
    n_neg = int(round(args.batch * args.negatives))
    bank = torch.empty(0, 3, stored, stored, dtype=torch.uint8)
    if n_neg:
        say(f"generating {args.negative_bank} non-leaf pictures...")
        bank = (negatives(args.negative_bank, stored, g) * 255).round().to(torch.uint8)
    say(f"network: LeafNet width {args.width}, {params:,} parameters, input {args.size}x{args.size}; "
        f"{args.epochs} epochs of {steps_per_epoch} batches ({args.batch - n_neg} photos + {n_neg} generated non-leaves)")
    history = []
    for epoch in range(args.epochs):
        model.train()
        t0, seen, loss_sum, correct = time.time(), 0, 0.0, 0
        perm = torch.randperm(len(train_x), generator=g)
        for s in range(steps_per_epoch):
            idx = perm[s * (args.batch - n_neg):(s + 1) * (args.batch - n_neg)]
            if len(idx) == 0:
                idx = perm[:args.batch - n_neg]
            x = augment(train_x[idx], args.size, g)
            y = train_y[idx]
            if n_neg:
                neg = augment(bank[torch.randint(0, len(bank), (n_neg,), generator=g)], args.size, g)
                x = torch.cat([x, neg])
                y = torch.cat([y, torch.full((n_neg,), reject_index)])
            logits = model(normalise(x))
            loss = F.cross_entropy(logits, y, label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            seen += len(y)
            loss_sum += float(loss) * len(y)
            correct += int((logits.argmax(1) == y).sum())
        last = epoch + 1 == args.epochs
        val_top1 = accuracy(predict(model, val_x), val_y, 1) if last or (epoch + 1) % 5 == 0 else float("nan")
        history.append({"epoch": epoch + 1, "loss": loss_sum / seen, "trainAccuracy": correct / seen,
                        "valTop1": val_top1, "seconds": time.time() - t0})
        say(f"epoch {epoch + 1:3d}/{args.epochs}  loss {loss_sum / seen:.3f}  train acc {correct / seen:.3f}  "
            + (f"val top-1 {val_top1:.3f}  " if val_top1 == val_top1 else "") + f"{time.time() - t0:.0f} s")
    train_seconds = time.time() - started

    # The reject rule is chosen on the validation side only: validation photos (leaves and backgrounds) and
    # generated non-leaves drawn from a generator with another seed than training's.
    vg = torch.Generator().manual_seed(args.seed + 1)
    val_negatives = torch.cat([negatives(40, args.size, vg, kind=k) for k in NEGATIVE_KINDS])
    val_negatives = (val_negatives * 255).round().to(torch.uint8)
    leaf_val = val_y != reject_index
    val_probs = predict(model, val_x)
    neg_probs = torch.cat([predict(model, val_negatives), val_probs[~leaf_val]])
    min_p, min_m, caught, lost = choose_thresholds(val_probs[leaf_val], val_y[leaf_val], neg_probs, reject_index,
                                                   args.max_leaf_loss)
    say(f"reject rule (validation): min probability {min_p:.2f}, min margin {min_m:.2f}: rejects {caught:.1%} of "
        f"validation non-leaves and {lost:.1%} of correctly classified validation leaves")

    test_probs = predict(model, test_x)
    tg = torch.Generator().manual_seed(args.seed + 2)
    test_negatives = {k: (negatives(50, args.size, tg, kind=k) * 255).round().to(torch.uint8) for k in NEGATIVE_KINDS}
    figures = {
        "command": "./sightline train-plants " + " ".join(sys.argv[1:]),
        "torch": torch.__version__, "threads": args.threads, "seed": args.seed, "epochs": args.epochs,
        "width": args.width, "size": args.size, "parameters": params, "labels": labels,
        "trainImages": len(parts["train"]), "valImages": len(parts["val"]), "testImages": len(parts["test"]),
        "groups": groups,
        "valTop1": accuracy(val_probs, val_y, 1), "valTop5": accuracy(val_probs, val_y, 5),
        "testTop1": accuracy(test_probs, test_y, 1), "testTop5": accuracy(test_probs, test_y, 5),
        "minProbability": min_p, "minMargin": min_m, "valNegativesRejected": caught, "valLeavesLost": lost,
        "history": history,
    }
    leaf_test = test_y != reject_index
    acc_leaf = test_probs[leaf_test].argmax(1) == test_y[leaf_test]
    rej_leaf = rejected(test_probs[leaf_test], reject_index, min_p, min_m)
    figures["testLeafAnsweredCorrectly"] = float((acc_leaf & ~rej_leaf).float().mean())
    figures["testLeafRejected"] = float(rej_leaf.float().mean())
    figures["testBackgroundRejected"] = float(rejected(test_probs[~leaf_test], reject_index, min_p, min_m).float().mean())
    figures["testGeneratedRejected"] = {k: float(rejected(predict(model, v), reject_index, min_p, min_m).float().mean())
                                        for k, v in test_negatives.items()}
    per_class = {}
    for i, l in enumerate(labels):
        sel = test_y == i
        per_class[l] = {"images": int(sel.sum()), "top1": accuracy(test_probs[sel], test_y[sel], 1),
                        "top5": accuracy(test_probs[sel], test_y[sel], 5)}
    figures["perClass"] = per_class
    figures["confusion"] = confusion(test_probs, test_y, len(labels)).tolist()

    model.eval()
    onnx_path = os.path.join(args.out, ONNX_NAME)
    torch.onnx.export(model, torch.zeros(1, 3, args.size, args.size), onnx_path, input_names=["image"],
                      output_names=["logits"], opset_version=13, do_constant_folding=True)
    with open(onnx_path, "rb") as f:
        figures["onnxSha256"] = hashlib.sha256(f.read()).hexdigest()
    figures["onnxBytes"] = os.path.getsize(onnx_path)
    version = f"pv16-leafnet{args.width}-{args.size}-{figures['onnxSha256'][:12]}"
    figures["version"] = version
    write_metadata(os.path.join(args.out, METADATA_NAME), labels, args.size, min_p, min_m, version)

    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures["wallSeconds"] = time.time() - started
    figures["trainSeconds"] = train_seconds
    figures["cpuSeconds"] = usage.ru_utime + usage.ru_stime
    figures["loadAverageStart"] = load_start
    figures["loadAverageEnd"] = os.getloadavg()
    with open(os.path.join(args.out, "figures.json"), "w", encoding="utf-8") as f:
        json.dump(figures, f, indent=1)
    report(figures, say)
    with open(os.path.join(args.out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(model_card(figures))
    say(f"wrote {onnx_path}, {METADATA_NAME}, split.csv, figures.json and MODEL_CARD.md in {args.out}")


def write_metadata(path, labels, size, min_p, min_m, version):
    lines = [
        "# Sightline plant-disease classifier, written by ./sightline train-plants (see MODEL_CARD.md).",
        f"model={ONNX_NAME}",
        f"version={version}",
        *[f"label.{i}={l}" for i, l in enumerate(labels)],
        f"input.width={size}",
        f"input.height={size}",
        "input.layout=NCHW",
        "input.channels=RGB",
        "# The whole photo, stretched to the square (PlantVillage photos are square; 4:3 backgrounds were stretched).",
        "input.resize=STRETCH",
        "input.scale=0.00392156862745098",
        f"input.mean={MEAN},{MEAN},{MEAN}",
        f"input.std={STD},{STD},{STD}",
        "output=LOGITS",
        "# Not a leaf / not sure: the best class is one of these, or its probability or its lead over the second",
        "# class is below the minimum. Chosen on the validation split and generated non-leaves.",
        f"reject.labels={REJECT_LABEL}",
        f"reject.min-probability={min_p:.2f}",
        f"reject.min-margin={min_m:.2f}",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def pct(x):
    return "n/a" if x != x else f"{100 * x:.1f}%"


def report(f, say):
    say("")
    say(f"test split: top-1 {pct(f['testTop1'])}, top-5 {pct(f['testTop5'])} on {f['testImages']} images "
        f"(validation: top-1 {pct(f['valTop1'])}, top-5 {pct(f['valTop5'])})")
    say(f"with the reject rule: leaves answered correctly {pct(f['testLeafAnsweredCorrectly'])}, leaves turned away "
        f"{pct(f['testLeafRejected'])}; backgrounds rejected {pct(f['testBackgroundRejected'])}")
    say("generated non-leaves rejected: " + ", ".join(f"{k} {pct(v)}" for k, v in f["testGeneratedRejected"].items()))
    say(f"{'class':45s} {'images':>6s} {'top-1':>7s} {'top-5':>7s}")
    for l, c in f["perClass"].items():
        say(f"{l:45s} {c['images']:6d} {pct(c['top1']):>7s} {pct(c['top5']):>7s}")
    say("confusion matrix (rows: true class, columns: predicted, in label order):")
    for l, row in zip(f["labels"], f["confusion"]):
        say(f"{l[:28]:28s} " + " ".join(f"{v:3d}" for v in row))
    say(f"wall time {f['wallSeconds'] / 60:.1f} min (training {f['trainSeconds'] / 60:.1f} min), CPU {f['cpuSeconds'] / 60:.1f} min, "
        f"load average {f['loadAverageStart'][0]:.1f} at start, {f['loadAverageEnd'][0]:.1f} at end")


def model_card(f):
    rows = "\n".join(f"| `{l}` | {c['images']} | {pct(c['top1'])} | {pct(c['top5'])} |" for l, c in f["perClass"].items())
    short = [f"c{i}" for i in range(len(f["labels"]))]
    legend = ", ".join(f"c{i} = `{l}`" for i, l in enumerate(f["labels"]))
    matrix = "| true \\ predicted | " + " | ".join(short) + " |\n|---|" + "---|" * len(short) + "\n" + "\n".join(
        f"| {s} | " + " | ".join(str(v) if v else "·" for v in row) + " |" for s, row in zip(short, f["confusion"]))
    neg = ", ".join(f"{k} {pct(v)}" for k, v in f["testGeneratedRejected"].items())
    return f"""# Model card: Sightline plant-disease classifier (`{f['version']}`)

Written by the training tool; the sections on data, licences and limits are part of the tool's template.

## What it does

Names one of {len(f['labels'])} classes for a photo of a single leaf: 14 disease or healthy classes of 7 crops
(apple, blueberry, corn, orange, bell pepper, raspberry, strawberry) and `background_without_leaves`. It ships with a
reject rule: **not a leaf / not sure** when the best class is `background_without_leaves`, or its probability is
below **{f['minProbability']:.2f}**, or it leads the second class by less than **{f['minMargin']:.2f}**. The app must
then ask for a retake instead of naming a disease.

- Network: LeafNet, a small ResNet (basic blocks, widths {f['width']}-{2*f['width']}-{4*f['width']}-{8*f['width']}-{12*f['width']}),
  {f['parameters']:,} parameters, trained from scratch (no pretrained weights of any kind).
- Input: `[1, 3, {f['size']}, {f['size']}]` float, RGB, whole photo stretched to the square with an antialiased
  bilinear filter, value = (sample / 255 - 0.5) / 0.25. Output: `[1, {len(f['labels'])}]` logits (softmax gives
  probabilities). All of this is in `plant-disease.properties`, which `sightline.vision.classify.ImageClassifier`
  reads.
- ONNX opset 13, {f['onnxBytes']:,} bytes, SHA-256 `{f['onnxSha256']}`.

## Data and attribution

- **PlantVillage**: D. P. Hughes and M. Salathé, *An open access repository of images on plant health to enable the
  development of mobile disease diagnostics*, arXiv:1511.08060 (2015). Licence CC BY 4.0.
- The images come from `../shared/datasets/plants/plantvillage-pv16`: 200 photos per class, copied from the
  repackaging repositories of the GitHub organisation `ai-agriculture-circuits-and-systems`
  (`plant_Village_Apple`, `Plant_Village_Blueberry`, `Plant_Village_Corn`, `Plant_Village_Orange`,
  `Plant_Village_Pepper`, `Plant_Village_Raspberry`, `Plant_Village_Strawberry`; each CC BY 4.0), which name the
  Kaggle dataset `abdallahalidev/plantvillage-dataset` as their source.
- **`Background_without_leaves`** comes from the Mendeley "Plant leaf diseases" release (Geetharamani & Pandian
  2019, doi:10.17632/tywbtsjrjv.1), said elsewhere to be CC0 1.0; neither the repackager nor the upstream says
  where its scenes come from. Its licensing is the weakest part of this model.
- Generated non-leaves (flat colours, gradients, white and smooth noise, shapes, text-like patterns, stripes) are
  made by the tool at training time and copied from nothing. No face photos were used for training or for choosing
  thresholds.

## Split

Per class, by group, about 70% train, 10% validation, 20% test: {f['trainImages']} / {f['valImages']} /
{f['testImages']} images in {f['groups']['train']} / {f['groups']['val']} / {f['groups']['test']} groups. A group is
one PlantVillage `leaf_group` (one physical leaf) where `labels.csv` has it. For images without group data, photos
whose camera numbers (same file-name prefix) are at most {NUMBER_GAP} apart are chained into one group: in the
classes that do have group data, 97.8% of the gaps between consecutive photos of one leaf are at most 10 (the
largest is 22), so this keeps almost every leaf whole and over-merges neighbours, which is harmless. Pictures whose
64-bit difference hashes differ in at most {DHASH_BITS} bits (copies such as `x copy.jpg`, `x copy 2.jpg`) are joined
too. Groups are dealt largest first, each to the split with the most images still missing from its share, ties in an order seeded by
{f['seed']}. The result is `split.csv` (committed as `vision/training/plants/pv16-split.csv`), which
`./sightline eval plants --split` reads. The validation split chose the reject thresholds; the test split was used
for nothing but these figures.

## Figures (test split, {f['testImages']} images)

- **Top-1 {pct(f['testTop1'])}, top-5 {pct(f['testTop5'])}** (validation: {pct(f['valTop1'])} / {pct(f['valTop5'])}).
- With the reject rule: {pct(f['testLeafAnsweredCorrectly'])} of test leaves answered with the right class,
  {pct(f['testLeafRejected'])} turned away as "not sure"; {pct(f['testBackgroundRejected'])} of test backgrounds
  rejected.
- Generated non-leaves rejected (50 of each kind, a seed unseen in training and calibration): {neg}.
- Face photos: measured by `./sightline eval plants` on the face-api demo photos (see vision/README.md); never
  used here.

| class | test images | top-1 | top-5 |
|---|---|---|---|
{rows}

Confusion matrix ({legend}):

{matrix}

## Known limits

- **Lab photos.** Every PlantVillage photo is one detached leaf on a plain grey or black board under even light.
  Field photos (several leaves, soil, shadows, hands) will be much harder: models trained on PlantVillage are
  known to drop sharply on them (PlantDoc, arXiv:1911.10317). Treat these figures as an upper bound.
- **15 crop classes of PlantVillage's 38.** Tomato, potato, grape, cherry, peach, soybean and squash are missing:
  a leaf of those crops is either rejected or, worse, named as one of these classes. The app should say which crops
  the model knows.
- **Small data.** About 140 training photos per class; the test split has about 40 per class, so one error moves a
  class's accuracy by 2-3 points.
- **Not a leaf** is learnt from about 140 background scenes and generated patterns. Photos of other objects with
  leaf-like colours and textures can still pass the reject rule.
- Five classes have no leaf-group data (apple black rot and the four corn classes) and strawberry leaf scorch has
  little; their split relies on the camera-number rule above, which is stricter than needed but not proof against
  two photos of one leaf taken far apart.

## How it was made

```
{f['command']}
```

PyTorch {f['torch']} (Debian `python3-torch`), {f['threads']} threads, seed {f['seed']}, {f['epochs']} epochs, AdamW
(lr warm-up then cosine), label smoothing 0.1, batches of photos plus generated non-leaves, augmentation: flips,
any rotation, zoom 0.7-1.4 with aspect jitter and shifts onto random backdrops, brightness, contrast, saturation, hue,
white balance, blur, sensor noise. Wall time {f['wallSeconds'] / 60:.1f} min (training {f['trainSeconds'] / 60:.1f} min),
CPU {f['cpuSeconds'] / 60:.1f} min, on a 2-core VM shared with other work (load average
{f['loadAverageStart'][0]:.1f} at the start, {f['loadAverageEnd'][0]:.1f} at the end).
"""


if __name__ == "__main__":
    main()
