"""The default scenario's care-use core as an analyst would write it in numpy: all runs at once
per segment, line and year. Reads the segment-year plans the engine resolves (bench/core.ts
writes them), so both sides do the same work; prints wall and CPU seconds and the mean total per year."""
import json
import sys
import time

import numpy as np

plans = json.load(open(sys.argv[1]))
runs = int(sys.argv[2])
rng = np.random.default_rng(20261201)
years = 1 + max(p["year"] for p in plans)
t0 = time.perf_counter()
c0 = time.process_time()
total = np.zeros((years, runs))
for p in plans:
    n = p["n"]
    acc = total[p["year"]]
    for line in p["lines"]:
        if line is None:
            continue
        lam, k, mu, alpha = line["lambda"], line["k"], line["mu"], line["alpha"]
        mean = rng.gamma(n * k, lam / k, runs) if k is not None else np.full(runs, n * lam)
        K = rng.poisson(mean)
        if alpha is None:
            acc += K * mu
        else:
            pos = K > 0
            c = np.zeros(runs)
            c[pos] = rng.gamma(K[pos] * alpha, mu / alpha)
            acc += c
    hc = p["highCost"]
    if hc is not None:
        M = rng.binomial(n, hc["rate"], runs)
        x = rng.lognormal(hc["mu"], hc["sigma"], int(M.sum()))
        owner = np.repeat(np.arange(runs), M)
        acc += np.bincount(owner, weights=x, minlength=runs)
elapsed = time.perf_counter() - t0
cpu = time.process_time() - c0
print(json.dumps({"seconds": elapsed, "cpu": cpu, "meanTotal": total.mean(axis=1).tolist()}))
