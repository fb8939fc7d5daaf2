#!/usr/bin/env python3
"""Draws checkpointing.svg from checkpointing-data.csv (written by com.example.ckpt.SnapshotSweep).

No plotting library needed: plain SVG. Usage: python3 docs/checkpointing-plot.py
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(HERE, "checkpointing-data.csv"))))
ck = [r for r in rows if int(r["snapshots"]) > 0]
plain = [r for r in rows if int(r["snapshots"]) == 0][0]
steps = max(int(r["snapshots"]) for r in ck)

W, H = 720, 560
L, R = 90, 30
panels = [(40, 240), (320, 520)]  # (top, bottom) of each plot area
xs = [int(r["snapshots"]) for r in ck]
xmin, xmax = math.log10(min(xs)), math.log10(max(xs))


def px(v):
    return L + (math.log10(v) - xmin) / (xmax - xmin) * (W - L - R)


def py(v, lo, hi, panel):
    top, bottom = panel
    return bottom - (math.log10(v) - lo) / (hi - lo) * (bottom - top)


out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (W, H),
       '<rect width="100%" height="100%" fill="white"/>']


def axes(panel, lo, hi, label, fmt):
    top, bottom = panel
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#444"/>' % (L, top, W - L - R, bottom - top))
    for e in range(int(math.floor(lo)), int(math.ceil(hi)) + 1):
        if lo <= e <= hi:
            y = py(10 ** e, lo, hi, panel)
            out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (L, y, W - R, y))
            out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (L - 6, y + 4, fmt(10 ** e)))
    for v in [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, steps]:
        x = px(v)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/>' % (x, top, x, bottom))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%d</text>' % (x, bottom + 15, v))
    out.append('<text x="16" y="%d" transform="rotate(-90 16 %d)" text-anchor="middle">%s</text>' % ((top + bottom) / 2, (top + bottom) / 2, label))


def line(points, colour, panel, lo, hi, dash=""):
    d = " ".join("%.1f,%.1f" % (px(x), py(y, lo, hi, panel)) for x, y in points)
    out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2" %s/>' % (d, colour, dash))
    for x, y in points:
        out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (px(x), py(y, lo, hi, panel), colour))


def hline(y, colour, panel, lo, hi, text):
    yy = py(y, lo, hi, panel)
    out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="6,4"/>' % (L, yy, W - R, yy, colour))
    out.append('<text x="%d" y="%.1f" fill="%s" text-anchor="end">%s</text>' % (W - R - 4, yy - 5, colour, text))


def mb(v):
    return ("%g MB" % (v / 1e6)) if v >= 1e6 else ("%g kB" % (v / 1e3))


# Memory panel: tape peak + snapshots, against the plain tape.
mem = [(int(r["snapshots"]), int(r["tapePeakBytes"]) + int(r["snapshotBytes"])) for r in ck]
lo, hi = 4, math.log10(int(plain["tapePeakBytes"])) + 0.3
axes(panels[0], lo, hi, "memory (bytes)", mb)
line(mem, "#1f77b4", panels[0], lo, hi)
hline(int(plain["tapePeakBytes"]), "#d62728", panels[0], lo, hi, "plain tape: %s" % mb(int(plain["tapePeakBytes"])))
out.append('<text x="%d" y="28" font-size="14">Gradient of a %d-step loop over 32 cells: tape peak + snapshots</text>' % (L, steps))

# Time panel: gradient time, against the plain tape and the primal.
tm = [(int(r["snapshots"]), max(1, int(r["gradientMillis"]))) for r in ck]
lo, hi = 0, math.log10(max(max(t for _, t in tm), int(plain["gradientMillis"]))) + 0.3
axes(panels[1], lo, hi, "gradient time (ms)", lambda v: "%g" % v)
line(tm, "#1f77b4", panels[1], lo, hi)
hline(int(plain["gradientMillis"]), "#d62728", panels[1], lo, hi, "plain tape: %s ms" % plain["gradientMillis"])
hline(max(1, int(plain["primalMillis"])), "#2ca02c", panels[1], lo, hi, "primal alone: %s ms" % plain["primalMillis"])
out.append('<text x="%d" y="308" font-size="14">Gradient time (best of 3) against the number of snapshots</text>' % L)
out.append('<text x="%d" y="%d" text-anchor="middle">snapshots (log scale)</text>' % ((L + W - R) / 2, H - 8))
out.append('</svg>')
open(os.path.join(HERE, "checkpointing.svg"), "w").write("\n".join(out))
