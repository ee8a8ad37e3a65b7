#!/usr/bin/env python3
"""Independent peer for issue 15's side-by-side benchmark: reads one OR-Library capacitated facility location file
(format and model in the benchmark folder's cflp/README.md), builds the multi-source model with PuLP and solves it with
the CBC binary on PATH. Shares no code with Logistics, so it checks the optimum independently.

    python3 bench/peers/cflp_pulp.py cap41.txt     ->  one line of JSON: {"instance", "status", "objective"}

Exit codes: 0 optimal, 1 the file is malformed, 3 CBC did not prove an optimum, 4 PuLP or cbc is missing.
"""
import json
import os
import shutil
import sys


def fail(code, message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


def numbers(path):
    """Every whitespace-separated number of the file, in order (a customer's costs may wrap over lines)."""
    with open(path, encoding="ascii") as f:
        for line_number, line in enumerate(f, start=1):
            for token in line.split():
                try:
                    yield float(token)  # "7500." is a number in these files
                except ValueError:
                    fail(1, f"{path}:{line_number}: expected a number, found '{token}'; "
                            "capa/capb/capc carry the word 'capacity': use a copy with a figure in its place")


def read(path):
    values = numbers(path)
    try:
        m, n = int(next(values)), int(next(values))
        warehouses = [(next(values), next(values)) for _ in range(m)]  # (capacity s_i, fixed cost f_i)
        customers = [(next(values), [next(values) for _ in range(m)]) for _ in range(n)]  # (demand d_j, costs c_ij)
    except StopIteration:
        fail(1, f"{path}: the file ends early; check the counts on its first line")
    if next(values, None) is not None:
        fail(1, f"{path}: data after the last customer; check the counts on its first line")
    return warehouses, customers


def main():
    if len(sys.argv) != 2:
        fail(2, "usage: cflp_pulp.py FILE (an OR-Library cap*.txt file)")
    try:
        import pulp
    except ImportError:
        fail(4, "PuLP is not installed: apt-get install -y python3-pulp (Debian) or pip install pulp")
    cbc = shutil.which("cbc")
    if cbc is None:
        fail(4, "the cbc binary is not on PATH: apt-get install -y coinor-cbc")

    path = sys.argv[1]
    warehouses, customers = read(path)
    I, J = range(len(warehouses)), range(len(customers))
    model = pulp.LpProblem("cflp", pulp.LpMinimize)
    y = [pulp.LpVariable(f"y{i}", cat="Binary") for i in I]
    # z[i][j]: the share of customer j's demand served from warehouse i (c_ij is the cost of serving all of it).
    z = [[pulp.LpVariable(f"z{i}_{j}", lowBound=0) for j in J] for i in I]
    model += pulp.lpSum(f * y[i] for i, (_, f) in enumerate(warehouses)) + \
        pulp.lpSum(customers[j][1][i] * z[i][j] for i in I for j in J)
    for j in J:
        model += pulp.lpSum(z[i][j] for i in I) == 1
    for i, (s, _) in enumerate(warehouses):
        model += pulp.lpSum(customers[j][0] * z[i][j] for j in J) <= s * y[i]
    model.solve(pulp.COIN_CMD(path=cbc, msg=False, threads=1))
    status = pulp.LpStatus[model.status]
    print(json.dumps({"instance": os.path.splitext(os.path.basename(path))[0], "status": status,
                      "objective": pulp.value(model.objective)}))
    sys.exit(0 if status == "Optimal" else 3)


if __name__ == "__main__":
    main()
