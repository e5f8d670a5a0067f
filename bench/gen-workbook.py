#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# gen-workbook.py — writes a generated workbook as Breakeven workbook JSON
# for the benchmarks: COMPANIES companies in four markets, PERIODS quarters
# from 2020Q1, with values an analyst would recognise (capex growing with
# noise, backlog growing, token demand growing, market shares that sum to
# at most 1 in each market) and a growth formula in every tenth capex cell.
# Deterministic: the same arguments give the same file.
#
#   bench/gen-workbook.py COMPANIES PERIODS > big.json

import json
import random
import sys


def generate(companies, periods, seed=42):
    rng = random.Random(seed)
    markets = [{"id": f"m{m}", "name": f"Market {m + 1}"} for m in range(4)]
    comp = []
    capex, backlog, share, tokens = {}, {}, {}, {}
    formulas = []
    weights = {}

    for m in range(4):
        base = rng.uniform(300, 3000)
        growth = rng.uniform(0.03, 0.06)    # per quarter
        tokens[f"m{m}"] = [round(base * (1 + growth) ** p, 6) for p in range(periods)]

    for c in range(companies):
        cid = f"c{c:04d}"
        market = f"m{c % 4}"
        comp.append({"id": cid, "name": f"Company {c + 1}", "market": market})
        weights[cid] = rng.uniform(0.2, 1.0)
        start = rng.uniform(0.5, 8)
        growth = rng.uniform(0.01, 0.05)
        row = []
        for p in range(periods):
            if p % 10 == 9:
                row.append(None)
                formulas.append({"table": "capex", "row": cid, "period": p,
                                 "formula": "=prev*1.05"})
            else:
                row.append(round(start * (1 + growth) ** p * rng.uniform(0.8, 1.2), 4))
        capex[cid] = row
        b = rng.uniform(5, 60)
        bl = []
        for p in range(periods):
            b *= 1 + rng.uniform(0.0, 0.06)
            bl.append(round(b, 3) if p % 4 == 3 else None)   # reported yearly
        backlog[cid] = bl

    # Shares: 90 % of each market, split by weight, drifting a little.
    for m in range(4):
        ids = [c["id"] for c in comp if c["market"] == f"m{m}"]
        total = sum(weights[i] for i in ids) or 1
        for i in ids:
            s = 0.9 * weights[i] / total
            share[i] = [round(s * (0.95 + 0.05 * p / max(1, periods - 1)), 9)
                        for p in range(periods)]

    return {
        "format": "breakeven-workbook", "version": 1,
        "title": f"Generated: {companies} companies × {periods} quarters",
        "granularity": "quarter", "first_period": "2020Q1", "periods": periods,
        "markets": markets, "companies": comp,
        "series": {"capex": capex, "backlog": backlog, "share": share, "tokens": tokens},
        "formulas": formulas,
        # Prices an analyst would pencil in; every seventh company runs its
        # GPUs for longer, so the sheet's per-company overrides are used.
        "assumptions": {"price_per_mtok": 2.5, "price_decline": 0.2},
        "company_assumptions": {c["id"]: {"it_life_years": 8, "utilization": 0.6}
                                for c in comp[::7]},
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gen-workbook.py COMPANIES PERIODS")
    json.dump(generate(int(sys.argv[1]), int(sys.argv[2])), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
