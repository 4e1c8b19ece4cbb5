#!/usr/bin/env python3
"""Measures the content-risk score on real, independently labelled SMS.

The corpus is the SMS Spam Collection v.1 (data/corpora/sms_spam_collection,
see its README: provenance, licence, sha256). It is split once,
deterministically: exact duplicate texts are merged first (a text with both
labels is dropped), then a text goes to the held-out part when
sha256(text) mod 10 >= 7 (about 30 %), else to train. The split depends on
nothing but the text, so the same text can never be on both sides, and
tools/fit_content_weights.py (which tunes only on train) imports it from
here.

Every message is linted by the built `smslint check --format jsonl` with one
neutral context (CONTEXT below): a valid UK mobile recipient and sender (the
corpus is mostly UK traffic, so numbers in bodies are read as UK numbers),
no `kind`, `first_message` false, no brand. The compliance rules that need
a kind or a first message (opt-out, HELP, disclosures, sender id) therefore
stay silent; what is measured is what the words, links and numbers say.
A context with `first_message: true` would add missing-opt-out to almost
every message, spam and ham alike (it measures A2P compliance, not spam).

Printed (or written as JSON with --json): ROC AUC of the risk score (ties
count one half), the share of spam reaching `elevated` or `high`, the share
of spam in `high`, the share of ham in `high` and in `elevated` or above,
and how often each rule fires on spam and on ham. --check FILE compares the
figures with committed ones (tests/content/real_figures.json) and exits 1
when one is worse by more than its tolerance: a quality gate, not a timing.

Pure Python 3 standard library. Exit 2 on a fatal error.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "data/corpora/sms_spam_collection/SMSSpamCollection")
CORPUS_SHA256 = "7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d"
CONTEXT = {"to": "+447911123456", "from": "+447700123456", "first_message": False}
HELD_OUT_BUCKETS = (7, 8, 9)  # sha256(text) mod 10

# Figures compared by --check: (key, larger is better, tolerance).
GATES = (
    ("auc", True, 0.002),
    ("spam_elevated_or_high", True, 0.005),
    ("ham_high", False, 0.001),
)



def write_provenance(out, script_version, rows, spam):
    """The fitting scripts' common header keys: which script, which corpus,
    which split, how many messages."""
    out.write("format = 1\n")
    out.write('script_version = "%s"\n' % script_version)
    out.write('corpus = "data/corpora/sms_spam_collection/SMSSpamCollection"\n')
    out.write('corpus_sha256 = "%s"\n' % CORPUS_SHA256)
    out.write('split = "train: sha256(text) mod 10 in 0..6, exact duplicates merged"\n')
    out.write("train_messages = %d\ntrain_spam = %d\n" % (rows, spam))


def check_current(path, text, what, script, show_stale=False):
    """For the fitting scripts' --check: exits 1 when the committed file at
    `path` is not `text` (what a fresh fit writes), else says it is current."""
    try:
        with open(path, encoding="utf-8") as f:
            committed = f.read()
    except OSError:
        committed = ""
    if committed != text:
        print("%s is stale: rerun %s" % (os.path.relpath(path, ROOT), script), file=sys.stderr)
        if show_stale:
            sys.stdout.write(text)
        sys.exit(1)
    print(what + " current")

def die(message):
    print(f"content_eval_real: {message}", file=sys.stderr)
    sys.exit(2)


def corpus_sha256(path=CORPUS):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load_corpus(path=CORPUS):
    """[(label, text)] in file order, exact duplicates merged; a text
    labelled both ways is dropped."""
    labels = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            label, sep, text = line.partition("\t")
            if not sep or label not in ("ham", "spam"):
                die(f"{path}:{n}: expected 'ham|spam<TAB>text'")
            if text not in labels:
                labels[text] = {label}
                order.append(text)
            else:
                labels[text].add(label)
    return [(next(iter(labels[t])), t) for t in order if len(labels[t]) == 1]


def bucket(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 10


def split(rows, part):
    if part == "all":
        return rows
    held = [r for r in rows if bucket(r[1]) in HELD_OUT_BUCKETS]
    if part == "held-out":
        return held
    return [r for r in rows if bucket(r[1]) not in HELD_OUT_BUCKETS]


def lint(smslint, rows, extra_args=()):
    """Runs smslint over rows; returns one report (dict) per row, in order."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, (_, text) in enumerate(rows):
            f.write(json.dumps(dict(CONTEXT, id=f"m{i}", body=text),
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        p = subprocess.run([smslint, "check", "--format", "jsonl", "--exit-zero",
                            *extra_args, path],
                           capture_output=True, text=True, encoding="utf-8")
    except OSError as e:
        die(f"cannot run {smslint}: {e}")
    finally:
        os.unlink(path)
    if p.returncode != 0:
        die(f"smslint exited {p.returncode}: {p.stderr.strip()[:500]}")
    reports = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    if len(reports) != len(rows):
        die(f"{len(reports)} reports for {len(rows)} messages")
    return reports


def roc_auc(scores_pos, scores_neg):
    """Mann-Whitney U / (n_pos * n_neg), ties counted one half."""
    ranked = sorted([(s, 1) for s in scores_pos] + [(s, 0) for s in scores_neg])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + 1 + j) / 2.0  # average 1-based rank of the tie group
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n_pos, n_neg = len(scores_pos), len(scores_neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def figures(rows, reports):
    spam = [r for (label, _), r in zip(rows, reports) if label == "spam"]
    ham = [r for (label, _), r in zip(rows, reports) if label == "ham"]

    def share(reps, bands):
        return sum(1 for r in reps if r["risk"]["band"] in bands) / len(reps)

    fires = {}
    for (label, _), rep in zip(rows, reports):
        for rule in sorted({d["rule_id"] for d in rep["diagnostics"]
                            if d["rule_id"].startswith("content/")}):
            fires.setdefault(rule, [0, 0])[label == "ham"] += 1
    return {
        "messages": len(rows),
        "spam": len(spam),
        "ham": len(ham),
        "auc": round(roc_auc([r["risk"]["score"] for r in spam],
                             [r["risk"]["score"] for r in ham]), 4),
        "spam_elevated_or_high": round(share(spam, ("elevated", "high")), 4),
        "spam_high": round(share(spam, ("high",)), 4),
        "ham_high": round(share(ham, ("high",)), 4),
        "ham_elevated_or_high": round(share(ham, ("elevated", "high")), 4),
        "rule_fires": {k: {"spam": v[0], "ham": v[1]} for k, v in sorted(fires.items())},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smslint", default=os.path.join(ROOT, "build/cli/smslint"))
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--split", choices=("held-out", "train", "all"), default="held-out")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--check", metavar="FILE",
                    help="exit 1 when a figure is worse than in FILE (JSON)")
    ap.add_argument("--show", choices=("missed", "false-alarms"),
                    help="list spam scored low, or ham scored high")
    args = ap.parse_args()

    if corpus_sha256(args.corpus) != CORPUS_SHA256:
        die(f"{args.corpus}: sha256 is not {CORPUS_SHA256} (not the committed corpus)")
    rows = split(load_corpus(args.corpus), args.split)
    reports = lint(args.smslint, rows)
    fig = dict(split=args.split, **figures(rows, reports))

    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        print(f"{args.split}: {fig['messages']} messages ({fig['spam']} spam, {fig['ham']} ham)")
        print(f"ROC AUC                    {fig['auc']:.4f}")
        print(f"spam elevated or high      {fig['spam_elevated_or_high']:.2%}")
        print(f"spam high                  {fig['spam_high']:.2%}")
        print(f"ham high                   {fig['ham_high']:.2%}")
        print(f"ham elevated or high       {fig['ham_elevated_or_high']:.2%}")
        print("rule fires (spam / ham):")
        for rule, c in fig["rule_fires"].items():
            print(f"  {rule:40s} {c['spam']:4d} {c['ham']:4d}")
    if args.show:
        for (label, text), rep in zip(rows, reports):
            band = rep["risk"]["band"]
            if (args.show == "missed" and label == "spam" and band == "low") or \
               (args.show == "false-alarms" and label == "ham" and band == "high"):
                rules = ",".join(c["rule_id"][8:] for c in rep["risk"]["contributions"])
                print(f"{rep['risk']['score']:5.1f} {rules:30s} {text}")

    if args.check:
        with open(args.check, encoding="utf-8") as f:
            want = json.load(f)
        failed = False
        for key, higher_better, tol in GATES:
            got, ref = fig[key], want[key]
            worse = ref - got if higher_better else got - ref
            if worse > tol:
                print(f"REGRESSION: {key} {got} (committed {ref})", file=sys.stderr)
                failed = True
        if failed:
            sys.exit(1)


if __name__ == "__main__":
    main()
