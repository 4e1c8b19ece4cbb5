#!/usr/bin/env python3
"""Fits the content-risk weights on the train split of real labelled SMS.

Runs the built `smslint check` over the TRAIN split of the SMS Spam
Collection (split and neutral context: tools/content_eval_real.py; the
held-out part is never read here) and fits a logistic regression whose
features are the content rules that fired (all-caps' higher grade is one
more feature on top of its base, so its weight is never below the base):

    P(spam) = sigmoid(b + sum_r v_r x_r + sum_f w_f x_f),   v_r >= FLOOR

minimising the mean log loss plus L2 / (2 N) * |v|^2, by projected gradient
descent with numpy (a fixed number of steps from FLOOR: deterministic).

Only rules the data can speak for are fitted: those in FITTED below that
fire at least MIN_SUPPORT times in train. The others keep the weight of
data/rules/content.toml and enter the fit as a fixed offset w_f: forbidden
categories (SHAFT, cannabis, gambling ...), phishing, link deception and
the compliance rules (opt-out, HELP, disclosures) measure carrier policy,
which person-to-person spam/ham labels cannot tell; profanity is kept at
its policy weight for the same reason (carriers filter it in A2P), and so
is all-caps: in this corpus personal texts shout more than spam does (the
fit gives it 0), while aggregators report capitals as an A2P filter
trigger.

One score point is one unit of log-odds. The bands stay those of the
library (elevated from 3.0, high from 5.0); what is fitted besides the
weights is their place on the logit scale, as one factor `scale` applied to
every fitted weight: the largest factor on a grid for which the fitted
weights add at most HAM_HIGH_EXTRA of train ham to `high` and
HAM_ELEVATED_EXTRA to `elevated` or above, beyond what the fixed (policy)
weights alone put there (the ham-high aim of issue 16 is 0.5 %). Fitted
weights are capped (CAP; CAP_STRONG for a premium-rate number). Equivalently the thresholds are 3/scale and 5/scale logits.

content/statistical-signal enters the fit with the n-gram model's
out-of-fold verdicts on train (tools/fit_content_model.py), as the built
model was trained on all of train and would be near perfect there; this
script also fails when data/content/ngram_model.txt is not what
tools/fit_content_model.py fits now.

Writes data/content/weights.toml (with this script's version and the
corpus sha256); tools/gen_rules.py reads it. --check compares a fresh fit
with the committed file and exits 1 when they differ (the meson test
`content-weights-up-to-date`).
"""
import argparse
import io
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content_eval_real as cer  # noqa: E402
import fit_content_model as fcm  # noqa: E402

SCRIPT_VERSION = "2"
OUT = os.path.join(cer.ROOT, "data/content/weights.toml")
MIN_SUPPORT = 5          # train messages a rule must fire on to be fitted
L2 = 1.0                 # ridge strength (in messages)
STEPS = 4000
# Share of train ham the fitted weights may add to `high` beyond what the
# fixed (policy) weights alone put there.
HAM_HIGH_EXTRA = 0.001
# ... and to `elevated` or above.
HAM_ELEVATED_EXTRA = 0.005
SCALES = [round(0.5 + 0.05 * i, 2) for i in range(31)]  # 0.50 .. 2.00
ELEVATED, HIGH = 3.0, 5.0
# No generic signal alone may put a message in `high`: a cap on fitted
# weights (a reviewer's choice, not data: the corpus has no legitimate A2P
# marketing, where "Text JOIN to 12345" or a T&Cs line is ordinary). Only a
# premium-rate number may, as carriers forbid driving traffic to one.
CAP = 4.0
CAP_STRONG = 6.0
# Every content rule adds something when it fires (a registry invariant):
# the fit's lower bound instead of 0.
FLOOR = 0.1
STRONG = ("content/premium-rate-number",)
GRADE = "content/all-caps@high"  # all-caps at 75 % or more
# Fitted on the n-gram model's out-of-fold verdicts (tools/fit_content_model.py),
# not on what the built model (trained on all of train) says about train.
STATISTICAL = "content/statistical-signal"

# Rules whose weight is fitted (when they have support); everything else
# keeps its table weight.
FITTED = (
    "content/chat-dating-lure",
    "content/embedded-phone-number",
    "content/emoji-density",
    "content/excessive-punctuation",
    "content/expiry-pressure",
    "content/insecure-url",
    "content/link-only-message",
    "content/many-urls",
    "content/money-symbols",
    "content/non-geographic-number",
    "content/premium-price-disclosure",
    "content/premium-rate-number",
    "content/premium-sms-terms",
    "content/prize-amount",
    "content/prize-claim-language",
    "content/promo-trigger-words",
    "content/schemeless-url",
    "content/short-code-call-to-action",
    "content/statistical-signal",
    "content/subscription-offer",
    "content/urgency-language",
)


def features(report, statistical=None):
    """The content rules that fired ("content/all-caps@high" for the
    grade), and the fixed part of the score (table weights of the rules
    not fitted)."""
    fired = set()
    for d in report["diagnostics"]:
        rid = d["rule_id"]
        if not rid.startswith("content/"):
            continue
        fired.add(rid)
        if rid == "content/all-caps" and int(d["args"].get("percent", 0)) >= 75:
            fired.add(GRADE)
    if statistical is not None:
        fired.discard(STATISTICAL)
        if statistical:
            fired.add(STATISTICAL)
    return fired


def fit(x, y, offset):
    """Projected gradient descent on the regularised mean log loss;
    returns (intercept, weights >= 0)."""
    n, k = x.shape
    v = np.full(k, FLOOR)
    b = 0.0
    # Step 1/L, L the Lipschitz constant of the gradient (bounded by
    # |X|^2 / 4n + L2 / n with the intercept as one more column).
    xa = np.hstack([x, np.ones((n, 1))])
    lip = np.linalg.norm(xa, 2) ** 2 / (4 * n) + L2 / n
    step = 1.0 / lip
    for _ in range(STEPS):
        z = x @ v + b + offset
        p = 1.0 / (1.0 + np.exp(-z))
        g = p - y
        grad_v = x.T @ g / n + L2 * v / n
        grad_b = g.mean()
        v = np.maximum(FLOOR, v - step * grad_v)
        b -= step * grad_b
    return b, v


def table_weights():
    import tomllib
    with open(os.path.join(cer.ROOT, "data/rules/content.toml"), "rb") as f:
        doc = tomllib.load(f)
    w = {}
    for r in doc["rule"]:
        w[r["id"]] = r["weight"]
        if r.get("grades"):
            w[r["id"] + "@high"] = r["grades"][0]["weight"] - r["weight"]
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smslint", default=os.path.join(cer.ROOT, "build/cli/smslint"))
    ap.add_argument("--ngram-features", help="the built tests/unit/content/ngram_features")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the committed weights differ from a fresh fit")
    args = ap.parse_args()

    if cer.corpus_sha256() != cer.CORPUS_SHA256:
        cer.die("the corpus is not the committed one")
    rows = cer.split(cer.load_corpus(), "train")
    reports = cer.lint(args.smslint, rows)
    # The n-gram model: the committed one must be what its script fits now
    # (the built library scores with it); its out-of-fold verdicts on train
    # stand in for the rule's.
    model_text, oof_fires = fcm.fit(args.ngram_features or
                                    fcm.default_features_tool(args.smslint))
    try:
        with open(fcm.OUT, encoding="utf-8") as f:
            model_current = f.read() == model_text
    except OSError:
        model_current = False
    if not model_current:
        print("data/content/ngram_model.txt is stale: rerun tools/fit_content_model.py "
              "(and tools/gen_content_model.py data src/gen), rebuild, then this script",
              file=sys.stderr)
        sys.exit(1)
    fired = [features(r, oof_fires[text]) for r, (_, text) in zip(reports, rows)]
    y = np.array([1.0 if label == "spam" else 0.0 for label, _ in rows])

    support = {}
    for f, label in zip(fired, y):
        for rid in f:
            support.setdefault(rid, [0, 0])[int(label == 0)] += 1
    fitted = [r for r in FITTED if sum(support.get(r, (0, 0))) >= MIN_SUPPORT]
    table = table_weights()
    fixed = {rid: w for rid, w in table.items() if rid not in fitted}

    x = np.array([[1.0 if r in f else 0.0 for r in fitted] for f in fired])
    offset = np.array([sum(fixed.get(r, 0.0) for r in f) for f in fired])
    b, v = fit(x, y, offset)
    v = np.round(v, 3)

    # The scale: the largest on the grid that adds at most HAM_HIGH_EXTRA of
    # train ham to `high` and HAM_ELEVATED_EXTRA to `elevated` or above
    # (policy rules alone put some there: cannabis and SHAFT words in
    # personal texts). The grid stops at the first scale that fails.
    ham = y == 0
    budget_high = (offset[ham] >= HIGH).mean() + HAM_HIGH_EXTRA
    budget_elevated = (offset[ham] >= ELEVATED).mean() + HAM_ELEVATED_EXTRA

    def scaled(s):
        return np.array([min(s * vi, CAP_STRONG if r in STRONG else CAP)
                         for r, vi in zip(fitted, v)])

    chosen = SCALES[0]
    for s in SCALES:
        score = x @ scaled(s) + offset
        if ((score[ham] >= HIGH).mean() > budget_high or
                (score[ham] >= ELEVATED).mean() > budget_elevated):
            break
        chosen = s
    w = {r: round(float(wi), 2) for r, wi in zip(fitted, scaled(chosen))}
    score = x @ np.array([w[r] for r in fitted]) + offset
    spam = ~ham
    auc = cer.roc_auc(list(score[spam]), list(score[ham]))

    out = io.StringIO()
    out.write("# GENERATED by tools/fit_content_weights.py; DO NOT EDIT (rerun it).\n")
    out.write("# Content-risk weights fitted on the TRAIN split of the SMS Spam Collection\n")
    out.write("# (docs/content.md, \"Fitted weights\"); tools/gen_rules.py puts them in the\n")
    out.write("# rule table. Rules not listed keep the weight of data/rules/content.toml.\n")
    cer.write_provenance(out, SCRIPT_VERSION, len(rows), int(y.sum()))
    out.write("floor = %s\ncap = %s\ncap_premium_rate = %s\n" % (FLOOR, CAP, CAP_STRONG))
    out.write("min_support = %d\nl2 = %s\nham_high_extra = %s\nham_elevated_extra = %s\n"
              % (MIN_SUPPORT, L2, HAM_HIGH_EXTRA, HAM_ELEVATED_EXTRA))
    out.write("# log-odds of a message no rule fires on (for the record; not in the score)\n")
    out.write("intercept = %.2f\n" % b)
    out.write("# fitted factor on the logit weights; the bands stay at 3.0 and 5.0\n")
    out.write("scale = %.2f\nelevated_threshold = %.1f\nhigh_threshold = %.1f\n"
              % (chosen, ELEVATED, HIGH))
    out.write("# content/statistical-signal: out-of-fold verdicts of data/content/ngram_model.txt\n")
    out.write("train_auc = %.4f\n" % auc)
    out.write("train_spam_elevated_or_high = %.4f\n" % (score[spam] >= ELEVATED).mean())
    out.write("train_ham_high = %.4f\n" % (score[ham] >= HIGH).mean())
    for r in sorted(set(FITTED) - {GRADE}):
        if r not in w:
            continue
        sp, hm = support.get(r, (0, 0))
        out.write("\n[[rule]]\nid = \"%s\"\nweight = %.2f\n" % (r, w[r]))
        if r == "content/all-caps" and GRADE in w:
            out.write("weight_high = %.2f\n" % (w[r] + w[GRADE]))
        out.write("train_fires = { spam = %d, ham = %d }\n" % (sp, hm))
    text = out.getvalue()

    if args.check:
        cer.check_current(args.out, text, "content weights are", "tools/fit_content_weights.py",
                          show_stale=True)
        return
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
