#!/usr/bin/env python3
"""Turns a JMH JSON result of the ad4j benchmarks into a Markdown table with ratios and an
SVG bar chart (no third-party packages). Times are the MEDIAN of all measured iterations (all
forks) rather than JMH's mean: on a shared 2-core machine one iteration hit by another process's
compile or a late JIT deoptimisation otherwise dominates a mean of 4. JMH's means and error bars
stay in the JSON and the JMH log.

    python3 benchmarks/report.py results/quick.json results/quick.md results/quick.svg
"""
import json
import math
import sys
from collections import OrderedDict

# Finite differences measured on a fixed small size (their own JMH state, no @Param):
# attach them to the matching row.
FD_ROW = {
    ("Bench02_Rosenbrock", "finiteDifferencesN1000"): "n=1000",
    ("Bench07_Gmm", "finiteDifferencesSmall"): "d,K,N=2,5,1000",
}
ROLE = {"primal": "primal", "handWritten": "hand", "ad4j": "ad4j", "finiteDifferences": "fd",
        "finiteDifferencesN1000": "fd", "finiteDifferencesSmall": "fd", "tapeFloor": "floor",
        "checkedTapeFloor": "checked", "runtimeCallsByHand": "byhand", "ad4jAfterOtherModels": "mixed"}
PROBLEM = {
    "Bench02_Rosenbrock": "Rosenbrock",
    "Bench03_LogisticRegression": "Logistic regression n=1000 d=50",
    "Bench04_Mlp": "MLP 10-32-1, batch 64",
    "Bench05_OdeRk4": "RK4 Lotka-Volterra, 1000 steps",
    "Bench06_LogisticMap": "Logistic map n=100",
    "Bench07_Gmm": "GMM",
    "Bench08_LeastSquares": "Least squares 200x100 (array accumulator)",
    "Bench09_Morse": "Morse potential, 100 atoms (exp and sqrt per pair)",
    "Bench10_OdeRk4Scalars": "RK4 Lotka-Volterra, 1000 steps, scalar code in one method",
    "Bench11_MorseObjects": "Morse potential, 100 atoms, written with Vec3 objects",
}
TARGET_HAND, TARGET_PRIMAL, TARGET_PASSIVE = 4.0, 8.0, 1.3


def fmt_time(us):
    if us is None:
        return "-"
    if us >= 1e5:
        return "%.0f ms" % (us / 1e3)
    if us >= 1e3:
        return "%.1f ms" % (us / 1e3)
    if us >= 10:
        return "%.0f µs" % us
    return "%.2f µs" % us


def ratio(a, b):
    return None if a is None or b is None else a / b


def fmt_ratio(r, target=None):
    if r is None:
        return "-"
    s = "%.1f" % r if r < 100 else "%.0f" % r
    if target is not None and r > target:
        s = "**%s**" % s
    return s


def load(path):
    rows = OrderedDict()
    passive = {}
    for e in json.load(open(path)):
        cls, method = e["benchmark"].split(".")[-2:]
        raw = sorted(v for fork in e["primaryMetric"]["rawData"] for v in fork)
        mid = len(raw) // 2
        score = raw[mid] if len(raw) % 2 else (raw[mid - 1] + raw[mid]) / 2
        assert e["primaryMetric"]["scoreUnit"] == "us/op", e["primaryMetric"]["scoreUnit"]
        if cls == "Bench01_PassiveOverhead":
            passive[method] = score
            continue
        params = e.get("params") or {}
        if (cls, method) in FD_ROW:
            size = FD_ROW[(cls, method)]
        elif "n" in params:
            size = "n=" + params["n"]
        elif "dKN" in params:
            size = "d,K,N=" + params["dKN"]
        else:
            size = ""
        rows.setdefault((cls, size), {})[ROLE[method]] = score
    return rows, passive


def table(rows, passive):
    out = []
    if passive:
        out.append("| passive overhead (no recording) | plain | instrumented | ratio |")
        out.append("|---|---:|---:|---:|")
        for kernel, plain, inst, label in [
                ("loop", "loopPlain", "loopInstrumented", "Rosenbrock n=1000 (array loop)"),
                ("loop", "loopPlain", "loopInstrumentedAfterGradients",
                 "Rosenbrock n=1000, after 200 gradients were recorded"),
                ("calls", "callsPlain", "callsInstrumented", "logistic map, 1000 static calls")]:
            p, i = passive.get(plain), passive.get(inst)
            out.append("| %s | %s | %s | %s |" % (label, fmt_time(p), fmt_time(i),
                                                    fmt_ratio(ratio(i, p), TARGET_PASSIVE)))
        out.append("")
    out.append("| problem | size | primal | hand-written | tape floor | ad4j | central FD "
               "| ad4j/primal | ad4j/hand | floor/hand | ad4j/floor | hand/primal | FD/primal |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (cls, size), r in rows.items():
        p, h, fl, a, f = (r.get(k) for k in ("primal", "hand", "floor", "ad4j", "fd"))
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            PROBLEM.get(cls, cls), size, fmt_time(p), fmt_time(h), fmt_time(fl), fmt_time(a), fmt_time(f),
            fmt_ratio(ratio(a, p), TARGET_PRIMAL), fmt_ratio(ratio(a, h), TARGET_HAND),
            fmt_ratio(ratio(fl, h)), fmt_ratio(ratio(a, fl)), fmt_ratio(ratio(h, p)), fmt_ratio(ratio(f, p))))
    out.append("")
    if any("checked" in r for r in rows.values()):
        out.append("From the tape floor to ad4j: the floor with the checks every instrumented read needs (a shadow"
                   " lookup and a value check, capacity per append), then ad4j's runtime helpers called by hand"
                   " as the rewritten loop calls them (bench.floor):")
        out.append("")
        out.append("| problem | size | tape floor | checked floor | runtime by hand | ad4j | checked/floor "
                   "| ad4j/checked | checked/primal | checked/hand |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (cls, size), r in rows.items():
            p, h, fl, c, b, a = (r.get(k) for k in ("primal", "hand", "floor", "checked", "byhand", "ad4j"))
            if c is None:
                continue
            out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                PROBLEM.get(cls, cls), size, fmt_time(fl), fmt_time(c), fmt_time(b), fmt_time(a),
                fmt_ratio(ratio(c, fl)), fmt_ratio(ratio(a, c)), fmt_ratio(ratio(c, p), TARGET_PRIMAL),
                fmt_ratio(ratio(c, h), TARGET_HAND)))
        out.append("")
    if any("mixed" in r for r in rows.values()):
        out.append("ad4j in a fork that first recorded gradients of every other model for a while (OtherModels),"
                   " as in an application with much instrumented code:")
        out.append("")
        out.append("| problem | size | ad4j alone | ad4j after other models | after/alone "
                   "| after/primal | after/hand |")
        out.append("|---|---|---:|---:|---:|---:|---:|")
        for (cls, size), r in rows.items():
            p, h, a, m = (r.get(k) for k in ("primal", "hand", "ad4j", "mixed"))
            if m is None:
                continue
            out.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                PROBLEM.get(cls, cls), size, fmt_time(a), fmt_time(m), fmt_ratio(ratio(m, a)),
                fmt_ratio(ratio(m, p), TARGET_PRIMAL), fmt_ratio(ratio(m, h), TARGET_HAND)))
    out.append("")
    out.append("Bold: above the issue-7 targets (ad4j/primal <= %g, ad4j/hand <= %g, passive <= %g)."
               % (TARGET_PRIMAL, TARGET_HAND, TARGET_PASSIVE))
    out.append("Tape floor: the same tape recorded by hand, without instrumentation (bench.floor);"
               " '-' where there is none.")
    return "\n".join(out) + "\n"


def svg(rows):
    """Horizontal bars, log scale: gradient time / primal time for hand, tape floor, ad4j and FD."""
    series = [("hand", "hand-written", "#4c72b0"), ("floor", "tape floor", "#55a868"),
              ("ad4j", "ad4j", "#dd8452"), ("fd", "central FD", "#8c8c8c")]
    items = [("%s %s" % (PROBLEM.get(c, c), s)).strip() for (c, s) in rows]
    vals = [[ratio(r.get(k), r.get("primal")) for k, _, _ in series] for r in rows.values()]
    top = max([v for vs in vals for v in vs if v] + [10])
    decades = max(1, math.ceil(math.log10(top)))
    left, width, bar, gap, head = 330, 520, 9, 12, 50
    height = head + len(items) * (len(series) * bar + gap) + 40
    x = lambda v: left + width * math.log10(max(v, 1)) / decades
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
         % (left + width + 30, height),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="%d" y="16" font-size="13">gradient time / primal time (log scale; lower is better)</text>' % left]
    for i, (_, label, color) in enumerate(series):
        o.append('<rect x="%d" y="26" width="10" height="10" fill="%s"/><text x="%d" y="35">%s</text>'
                 % (left + i * 110, color, left + i * 110 + 14, label))
    for dcd in range(decades + 1):
        xx = x(10 ** dcd)
        o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (xx, head - 5, xx, height - 30))
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>' % (xx, height - 15, 10 ** dcd))
    xx = x(TARGET_PRIMAL)
    o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c44" stroke-dasharray="4,3"/>'
             % (xx, head - 5, xx, height - 30))
    o.append('<text x="%.1f" y="%d" fill="#c44">ad4j target 8</text>' % (xx + 3, height - 33))
    y = head
    for label, vs in zip(items, vals):
        o.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + len(series) * bar / 2 + 4, label))
        for j, v in enumerate(vs):
            if v:
                o.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                         % (left, y + j * bar, max(1.0, x(v) - left), bar - 1, series[j][2]))
                o.append('<text x="%.1f" y="%d" font-size="9">%.1f</text>' % (x(v) + 3, y + j * bar + bar - 2, v))
        y += len(series) * bar + gap
    o.append("</svg>")
    return "\n".join(o) + "\n"


def main():
    src, md, plot = sys.argv[1], sys.argv[2], sys.argv[3]
    rows, passive = load(src)
    open(md, "w").write(table(rows, passive))
    open(plot, "w").write(svg(rows))


if __name__ == "__main__":
    main()
