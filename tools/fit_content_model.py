#!/usr/bin/env python3
"""Trains the n-gram model of content/statistical-signal on the train split.

The model (docs/content.md, "Statistical signal") is a logistic regression
over hashed character n-grams of the lexical view's words() (URLs blanked,
NFC, text-speak replaced; ASCII lower-cased, digits as written (folded to
0 they made one-time codes read as spam numbers), runs of white space as
one space, padded with a space at each end). The buckets come from
the library itself: the built helper tests/unit/content/ngram_features
prints them (src/content/ngram_model.h, ForEachNgram), so training and
scoring read the same n-grams. A message's features are its bucket counts
divided by sqrt(number of n-grams).

Training set: the TRAIN split of the SMS Spam Collection (split:
tools/content_eval_real.py; the held-out part is never read here) plus, as
ham, the legitimate messages of the A2P labelled set
(tests/content/labelled.jsonl: OTPs, reminders, order updates, opt-in
confirmations, marketing with opt-out; not the phishing, forbidden-category
or evasion examples, see legitimate_a2p). The corpus has no A2P ham, so
without them its spam is the only place "Reply STOP" or a brand prefix
occurs and the model reads ordinary business texts as spam. The fit
minimises the mean log loss plus L2 / 2 * |w|^2 by Nesterov-accelerated
gradient descent from zero, a fixed number of steps (deterministic, numpy).

The threshold (the spam probability from which the rule fires) is fitted on
out-of-fold probabilities: train and the A2P ham are cut into FOLDS folds
by the text's hash, each fold scored by a model trained on the others, and
the threshold is the lowest on the grid at which at most HAM_FIRE of train
ham fires and at most A2P_FIRE of the A2P labelled set's messages labelled
with no rule (each scored by a model that did not train on it). The same
out-of-fold verdicts are what tools/fit_content_weights.py fits the rule's
weight on (an in-sample verdict would be near perfect and overweigh it).

Weights are stored quantised (int8 times `quant`), only the non-zero ones,
in data/content/ngram_model.txt with this script's version, the corpus and
its sha256, the split and the hyper-parameters; tools/gen_content_model.py
turns it into src/gen/content_ngram_model.inc. --check exits 1 when a fresh
fit differs from the committed file.
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content_eval_real as cer  # noqa: E402

SCRIPT_VERSION = "2"
OUT = os.path.join(cer.ROOT, "data/content/ngram_model.txt")
N_MIN, N_MAX = 2, 5
BITS = 16
FOLD_DIGITS = False
L2 = 1e-4
STEPS = 600
FOLDS = 5
HAM_FIRE = 0.0005       # share of train ham (out of fold) the rule may fire on
# ... and of the A2P labelled set's messages labelled with no content rule
# (opt-in confirmations, OTPs, reminders, plain marketing), out of fold.
LABELLED = os.path.join(cer.ROOT, "tests/content/labelled.jsonl")
A2P_FIRE = 0.02
# Each A2P ham message counts as this many corpus messages in the loss.
A2P_WEIGHT = 1.0
# Labelled categories and rules that mark a message as not legitimate
# (never trained on as ham; scored by the final model, for the report).
ILLEGITIMATE_CATEGORIES = ("phishing", "evasion")
ILLEGITIMATE_RULES = (
    "content/cannabis-cbd", "content/debt-relief", "content/deceptive-url",
    "content/gambling", "content/get-rich-quick", "content/high-risk-financial",
    "content/invisible-characters", "content/ip-address-url",
    "content/lookalike-characters", "content/obfuscated-words",
    "content/phishing-lure", "content/prescription-drugs", "content/profanity",
    "content/third-party-lead-gen",
)
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(95)]  # 0.05 .. 0.99
QUANT_LEVELS = 127       # int8


def default_features_tool(smslint):
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(smslint))),
                        "tests/unit/content/ngram_features")


def ngram_buckets(tool, texts):
    """One list of buckets per text, from the library's own n-gram pass."""
    data = "".join(json.dumps({"body": t}, ensure_ascii=False) + "\n" for t in texts)
    try:
        p = subprocess.run([tool, str(N_MIN), str(N_MAX), str(BITS), str(int(FOLD_DIGITS))],
                           input=data, capture_output=True, text=True, encoding="utf-8")
    except OSError as e:
        cer.die(f"cannot run {tool}: {e} (build tests/unit/content/ngram_features)")
    if p.returncode != 0:
        cer.die(f"{tool} exited {p.returncode}: {p.stderr.strip()[:300]}")
    lines = p.stdout.split("\n")[:-1]
    if len(lines) != len(texts):
        cer.die(f"{len(lines)} feature lines for {len(texts)} texts")
    return [[int(b) for b in line.split()] for line in lines]


class Sparse:
    """Rows of (bucket, value), as flat arrays: enough for X @ w and X.T @ g."""

    def __init__(self, buckets):
        rows, cols, vals = [], [], []
        for i, bs in enumerate(buckets):
            if not bs:
                continue
            u, c = np.unique(np.array(bs, dtype=np.int64), return_counts=True)
            rows.append(np.full(len(u), i))
            cols.append(u)
            vals.append(c / np.sqrt(len(bs)))
        self.n = len(buckets)
        self.rows = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        self.cols = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        self.vals = np.concatenate(vals) if vals else np.zeros(0)

    def take(self, mask):
        s = Sparse.__new__(Sparse)
        index = np.cumsum(mask) - 1
        keep = mask[self.rows]
        s.n = int(mask.sum())
        s.rows, s.cols, s.vals = index[self.rows[keep]], self.cols[keep], self.vals[keep]
        return s

    def dot(self, w):
        return np.bincount(self.rows, weights=self.vals * w[self.cols], minlength=self.n)

    def tdot(self, g):
        return np.bincount(self.cols, weights=self.vals * g[self.rows], minlength=1 << BITS)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train(x, y, s):
    """(intercept, weights): L2-regularised logistic regression, each row's
    loss weighted by s (mean loss over sum(s)), by Nesterov gradient descent,
    step 1/L with L from a power iteration (deterministic)."""
    v = np.ones(1 << BITS)
    for _ in range(30):
        v = x.tdot(x.dot(v))
        v /= np.linalg.norm(v)
    total = s.sum()
    lip = s.max() * (np.linalg.norm(x.dot(v)) ** 2 + x.n) / (4 * total) + L2
    step = 1.0 / lip
    w = np.zeros(1 << BITS)
    b = 0.0
    w_prev, b_prev = w, b
    for t in range(1, STEPS + 1):
        mom = (t - 1) / (t + 2)
        wy, by = w + mom * (w - w_prev), b + mom * (b - b_prev)
        g = s * (sigmoid(x.dot(wy) + by) - y)
        w_prev, b_prev = w, b
        w = wy - step * (x.tdot(g) / total + L2 * wy)
        b = by - step * g.sum() / total
    return b, w


def quantise(w):
    quant = float(np.abs(w).max()) / QUANT_LEVELS
    quant = float("%.6g" % quant)
    q = np.clip(np.round(w / quant), -QUANT_LEVELS, QUANT_LEVELS).astype(np.int64)
    return quant, q


def fold_of(text):
    return (int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) // 10) % FOLDS


def labelled_a2p():
    """The A2P labelled set's rows, each with `legit` (trained on as ham)."""
    with open(LABELLED, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for r in rows:
        r["legit"] = not (r["category"].startswith("forbidden-")
                          or r["category"] in ILLEGITIMATE_CATEGORIES
                          or any(rule in ILLEGITIMATE_RULES for rule in r["expect"]))
    return rows


def a2p_groups(rows):
    """Report groups: name -> boolean mask over rows."""
    kind = np.array([r.get("kind") or "" for r in rows])
    legit = np.array([r["legit"] for r in rows])
    return {
        "otp": legit & (kind == "otp"),
        "transactional": legit & (kind == "transactional"),
        "no_rule": np.array([not r["expect"] for r in rows]),
        "marketing": legit & (kind == "marketing"),
        "not_legitimate": ~legit,
    }


def fit(tool):
    """Trains on train and the A2P ham; returns (model file text,
    {train text: out-of-fold fires})."""
    rows = cer.split(cer.load_corpus(), "train")
    texts = [t for _, t in rows]
    a2p_rows = labelled_a2p()
    a2p_texts = [r["body"] for r in a2p_rows]
    legit = np.array([r["legit"] for r in a2p_rows])
    n = len(rows)
    # Corpus train first, then the legitimate A2P messages (ham).
    all_texts = texts + [t for t, ok in zip(a2p_texts, legit) if ok]
    y = np.array([1.0 if label == "spam" else 0.0 for label, _ in rows]
                 + [0.0] * int(legit.sum()))
    weight = np.array([1.0] * n + [A2P_WEIGHT] * int(legit.sum()))
    x = Sparse(ngram_buckets(tool, all_texts))
    folds = np.array([fold_of(t) for t in all_texts])
    x_a2p = Sparse(ngram_buckets(tool, a2p_texts))
    a2p_folds = np.array([fold_of(t) for t in a2p_texts])

    oof = np.zeros(len(all_texts))
    a2p = np.zeros(len(a2p_texts))  # out of fold for the legitimate ones
    for k in range(FOLDS):
        inside = folds != k
        b, w = train(x.take(inside), y[inside], weight[inside])
        quant, q = quantise(w)
        oof[~inside] = sigmoid(x.take(~inside).dot(q * quant) + b)
        held = legit & (a2p_folds == k)
        a2p[held] = sigmoid(x_a2p.take(held).dot(q * quant) + b)
    b, w = train(x, y, weight)
    quant, q = quantise(w)
    a2p[~legit] = sigmoid(x_a2p.take(~legit).dot(q * quant) + b)
    groups = a2p_groups(a2p_rows)
    guard = a2p[groups["no_rule"]]

    ham = y[:n] == 0
    threshold = THRESHOLDS[-1]
    for t in THRESHOLDS:
        if (oof[:n][ham] >= t).mean() <= HAM_FIRE and (guard >= t).mean() <= A2P_FIRE:
            threshold = t
            break
    fires = oof[:n] >= threshold
    spam = ~ham
    y = y[:n]
    oof = oof[:n]
    out = io.StringIO()
    out.write("# GENERATED by tools/fit_content_model.py; DO NOT EDIT (rerun it).\n")
    out.write("# The n-gram model of content/statistical-signal (docs/content.md,\n")
    out.write("# \"Statistical signal\"), trained on the TRAIN split of the SMS Spam\n")
    out.write("# Collection (UK personal texts and premium-rate spam, 2003-2011) plus,\n")
    out.write("# as ham, the legitimate messages of the project's A2P labelled set\n")
    out.write("# (business texts written for the tests: the corpus has none);\n")
    out.write("# tools/gen_content_model.py compiles it in.\n")
    cer.write_provenance(out, SCRIPT_VERSION, len(rows), int(y.sum()))
    with open(LABELLED, "rb") as f:
        a2p_sha = hashlib.sha256(f.read()).hexdigest()
    out.write('a2p_ham = "tests/content/labelled.jsonl, not phishing, forbidden or evasion"\n')
    out.write('a2p_sha256 = "%s"\n' % a2p_sha)
    out.write("a2p_ham_messages = %d\na2p_weight = %g\n" % (int(legit.sum()), A2P_WEIGHT))
    out.write("n_min = %d\nn_max = %d\nbits = %d\nfold_digits = %s\n"
              % (N_MIN, N_MAX, BITS, "true" if FOLD_DIGITS else "false"))
    out.write("l2 = %g\nsteps = %d\nfolds = %d\nham_fire = %g\n" % (L2, STEPS, FOLDS, HAM_FIRE))
    out.write('a2p_guard = "tests/content/labelled.jsonl, messages labelled with no rule"\n')
    out.write("a2p_fire = %g\na2p_messages = %d\n" % (A2P_FIRE, len(guard)))
    out.write("# out-of-fold on train: the rule fires from this probability\n")
    out.write("threshold = %.2f\n" % threshold)
    out.write("train_oof_auc = %.4f\n" % cer.roc_auc(list(oof[spam]), list(oof[ham])))
    out.write("train_oof_spam_fires = %.4f\n" % fires[spam].mean())
    out.write("train_oof_ham_fires = %.4f\n" % fires[ham].mean())
    out.write("# A2P labelled set, out of fold for the legitimate messages\n")
    for name, mask in groups.items():
        out.write("a2p_fires_%s = %d/%d\n" % (name, int((a2p[mask] >= threshold).sum()),
                                               int(mask.sum())))
    out.write("intercept = %.6f\n" % b)
    out.write("# weight of a bucket = q * quant; buckets not listed weigh 0\n")
    out.write("quant = %s\n" % repr(quant))
    nz = np.nonzero(q)[0]
    out.write("buckets = %d\n" % len(nz))
    out.write("[weights]\n")
    pairs = ["%d:%d" % (i, q[i]) for i in nz]
    for i in range(0, len(pairs), 12):
        out.write(" ".join(pairs[i:i + 12]) + "\n")
    return out.getvalue(), dict(zip(texts, fires))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smslint", default=os.path.join(cer.ROOT, "build/cli/smslint"),
                    help="the built smslint (its build directory holds the n-gram helper)")
    ap.add_argument("--ngram-features", help="the built tests/unit/content/ngram_features")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the committed model differs from a fresh fit")
    args = ap.parse_args()
    if cer.corpus_sha256() != cer.CORPUS_SHA256:
        cer.die("the corpus is not the committed one")
    text, _ = fit(args.ngram_features or default_features_tool(args.smslint))
    if args.check:
        cer.check_current(args.out, text, "content n-gram model is", "tools/fit_content_model.py")
        return
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print("\n".join(text.split("\n")[:28]))


if __name__ == "__main__":
    main()
