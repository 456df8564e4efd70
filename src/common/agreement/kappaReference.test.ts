import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAgreement } from './computeAgreement';
import { randomProject } from './randomProject';
import { tokenCodings } from './tokenCodings';

// Checks the kappa figures against independent implementations: scikit-learn's
// cohen_kappa_score and NLTK's AnnotationTask (kappa_pairwise for Cohen; pi, the multi-coder
// Scott's pi = Fleiss' kappa, for three or more layers), plus the textbook Fleiss formula.
// They come from Debian's python3-sklearn and python3-nltk for /usr/bin/python3.
const PYTHON = '/usr/bin/python3';
const MISSING = `${PYTHON} with scikit-learn and NLTK is needed for the kappa reference check; `
  + '.ci/run installs them (apt-get install -y python3-sklearn python3-nltk). Install them the same way to run this test locally.';

const SCRIPT = String.raw`
import json, sys
try:
    from sklearn.metrics import cohen_kappa_score
    from nltk.metrics.agreement import AnnotationTask
except ImportError as e:
    print(e, file=sys.stderr)
    sys.exit(3)

def subset(codes, label_of, k):
    return [[c[i] for i in range(len(label_of)) if k is None or label_of[i] == k] for c in codes]

def fleiss_textbook(cs):
    n, N = len(cs), len(cs[0])
    cats = sorted({x for c in cs for x in c})
    P = 0.0
    totals = {x: 0 for x in cats}
    for i in range(N):
        counts = {x: 0 for x in cats}
        for c in cs:
            counts[c[i]] += 1
        P += sum(v * (v - 1) for v in counts.values()) / (n * (n - 1))
        for x in cats:
            totals[x] += counts[x]
    P /= N
    Pe = sum((t / (N * n)) ** 2 for t in totals.values())
    return (P - Pe) / (1 - Pe)

def task(cs):
    return AnnotationTask(data=[(str(r), i, c[i]) for r, c in enumerate(cs) for i in range(len(c))])

def reference(codes, label_of, labels):
    out = {"pairs": [], "fleiss": {}}
    for k in [None] + list(range(len(labels))):
        cs = subset(codes, label_of, k)
        key = "overall" if k is None else labels[k]
        for a in range(len(cs)):
            for b in range(a + 1, len(cs)):
                t = task([cs[a], cs[b]])
                out["pairs"].append({"a": a, "b": b, "label": key,
                                     "sklearn": float(cohen_kappa_score(cs[a], cs[b])),
                                     "nltk": t.kappa_pairwise("0", "1")})
        if len(cs) > 2:
            t = task(cs)
            out["fleiss"][key] = {"nltk_pi": t.pi(), "textbook": fleiss_textbook(cs),
                                  "nltk_multi_kappa": t.multi_kappa()}
    return out

print(json.dumps([reference(d["codes"], d["labelOf"], d["labels"]) for d in json.load(sys.stdin)]))
`;

interface Reference {
  pairs: { a: number; b: number; label: string; sklearn: number; nltk: number }[];
  fleiss: Record<string, { nltk_pi: number; textbook: number; nltk_multi_kappa: number }>;
}

function runReference(inputs: unknown[]): Reference[] {
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(inputs), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error || run.status === 3) throw new Error(`${MISSING}\n${run.error?.message ?? run.stderr}`);
  if (run.status !== 0) throw new Error(`reference script failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Reference[];
}

const CASES = [['alice', 'bob'], ['alice', 'bob', 'carol'], ['a', 'b', 'c', 'd']].map((layers) => {
  const input = randomProject(20261125 + layers.length, { articles: 6, length: 250, layers, spans: 6, agreement: 0.6 });
  const report = computeAgreement(input, { layers });
  const labels = Object.keys(report.by_label);
  const codings = tokenCodings(input, layers, labels);
  return { layers, report, labels, codings };
});

describe('kappa against scikit-learn and NLTK', () => {
  let refs: Reference[] = [];
  let failure: unknown;
  beforeAll(() => {
    // Fail each test (not just the hook) with the reason, e.g. the missing Debian packages.
    try {
      refs = runReference(CASES.map((c) => ({ codes: c.codings.codes.map((x) => Array.from(x)), labelOf: Array.from(c.codings.labelOf), labels: c.labels })));
    } catch (e) {
      failure = e;
    }
  }, 120_000);

  CASES.forEach(({ layers, report, labels }, n) => {
    it(`agrees to 1e-9 for ${layers.length} layers`, () => {
      if (failure) throw failure;
      const ref = refs[n];
      expect(ref.pairs.length).toBe(((layers.length * (layers.length - 1)) / 2) * (labels.length + 1));
      for (const r of ref.pairs) {
        const pair = report.pairs.find((p) => p.a === layers[r.a] && p.b === layers[r.b])!;
        const ours = r.label === 'overall' ? pair.overall.kappa : pair.by_label[r.label].kappa;
        expect(Math.abs(ours! - r.sklearn)).toBeLessThan(1e-9);
        expect(Math.abs(ours! - r.nltk)).toBeLessThan(1e-9);
      }
      if (layers.length === 2) {
        expect(report.overall.kappa).toBe(report.pairs[0].overall.kappa);
      } else {
        for (const [key, r] of Object.entries(ref.fleiss)) {
          const ours = key === 'overall' ? report.overall.kappa : report.by_label[key].kappa;
          expect(Math.abs(ours! - r.textbook)).toBeLessThan(1e-9);
          expect(Math.abs(ours! - r.nltk_pi)).toBeLessThan(1e-9);
        }
        // NLTK's multi_kappa (Davies & Fleiss 1982) is a different coefficient: not what we report.
        expect(Object.values(ref.fleiss).some((r) => Math.abs(r.nltk_multi_kappa - r.textbook) > 1e-9)).toBe(true);
      }
    });
  });
});
