#!/usr/bin/env bash
# Distributed study throughput and overhead (docs/benchmarks.md, "Distributed studies").
#   scripts/bench-distributed.sh [WORKERS...]       default: 1 2 4
#   BENCH_QUICK=1 scripts/bench-distributed.sh 1   a smoke run: 20 draws instead of 200, 10 in the report
# Builds Release, starts a throw-away PostgreSQL (scripts/dev-postgres.sh), and for each worker count starts that many
# worker processes (one item at a time each), waits for them to be up, then runs, each on an empty study table:
#   - throughput: `study submit networks/chagai.network.json --kind compare` (16 variants, one solve each; item size 1)
#   - overhead: a resilience study of a 4-link network (17 items of about one tiny solve each)
#   - uncertainty: 200 draws of the default network, items of 1 draw and of 20 draws (draws only), and items of 20
#     with the tornado and regret (a third stage of plan-fixed solves)
#   - report: a whole report bundle of the default network (solve, compare, value, resilience, sweep, 100 draws with
#     tornado and regret), items of 5 units
# and prints the makespan (submit → assembled), the sum of item run times, the overhead per item
# ((makespan × workers − Σ run) / items, which counts idle workers too), from the per-item timestamps the median gap
# between a worker finishing one item and starting its next (Hangfire's fetch, our start/finish updates) and the
# median time inside an item outside its solves (context, result write), and the time from the last item to the
# assembled result. The load average is printed before each worker count: the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-1 2 4}"); read -r -a counts <<<"${counts[*]}"
draws=200; report_draws=100
if [ -n "${BENCH_QUICK:-}" ]; then draws=20; report_draws=10; fi
report=(networks/chagai.network.json --analyses solve,compare,value,resilience,sweep --uncertainty-draws "$report_draws" --seed 1)
dir="$(mktemp -d)"; chmod 755 "$dir"; port=55499   # the server runs as postgres when we are root
dotnet build src/Logistics.Worker -c Release -v q >/dev/null
dotnet build src/Logistics.Cli -c Release -v q >/dev/null
export LOGISTICS_POSTGRES="$(scripts/dev-postgres.sh start "$dir/pg" "$port")"
psql_() { psql "host=127.0.0.1 port=$port user=logistics dbname=postgres" -qAtX -c "$1"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; scripts/dev-postgres.sh stop "$dir/pg" || true; rm -rf "$dir"; }
trap cleanup EXIT
cli=src/Logistics.Cli/bin/Release/net10.0/logistics.dll
worker=src/Logistics.Worker/bin/Release/net10.0/Logistics.Worker.dll

# The tiny network of the overhead run: one mine, two ports, four links.
mkdir -p "$dir/tiny/networks" "$dir/tiny/seeds"
cat >"$dir/tiny/seeds/tiny.json" <<'JSON'
{ "formatVersion": 1, "seeds": [ { "id": "tiny", "unit": "various", "low": -200, "high": 1e13, "confidence": "assumption", "note": "Benchmark figures." } ] }
JSON
cat >"$dir/tiny/networks/tiny.network.json" <<'JSON'
{ "formatVersion": 1,
  "metadata": { "name": "tiny", "source": "tiny", "discountRate": 0.08, "horizonYears": 25, "seeds": "../seeds" },
  "commodities": [ { "id": "ore", "source": "tiny", "name": "Ore", "valueUsdPerTonne": 3000 } ],
  "nodes": [
    { "id": "mine", "source": "tiny", "kind": "mine", "lat": 29.1, "lon": 62.1, "supply": [ { "commodity": "ore", "tonnesPerYear": 900000 } ] },
    { "id": "old-port", "source": "tiny", "kind": "port", "lat": 24.8, "lon": 67.0, "port": { "capacityTpy": 1000000, "handlingUsdPerTonne": 8 } },
    { "id": "new-port", "source": "tiny", "kind": "port", "lat": 25.2, "lon": 63.4, "port": { "capacityTpy": 0, "handlingUsdPerTonne": 6 } },
    { "id": "east", "source": "tiny", "kind": "market", "lat": 31.2, "lon": 121.5, "demand": [ { "commodity": "ore", "maxTpy": 3000000, "priceUsdPerTonne": 3100 } ] } ],
  "links": [
    { "id": "mine-old-port", "source": "tiny", "from": "mine", "to": "old-port", "mode": "rail", "lengthKm": 900, "tariffUsdPerTkm": 0.03 },
    { "id": "mine-new-port", "source": "tiny", "from": "mine", "to": "new-port", "mode": "rail", "lengthKm": 500, "tariffUsdPerTkm": 0.03, "builtBy": "pkg" },
    { "id": "old-port-east", "source": "tiny", "from": "old-port", "to": "east", "mode": "sea", "lengthKm": 9000, "tariffUsdPerTonne": 25 },
    { "id": "new-port-east", "source": "tiny", "from": "new-port", "to": "east", "mode": "sea", "lengthKm": 9300, "tariffUsdPerTonne": 24 } ],
  "options": [ { "id": "pkg", "source": "tiny", "name": "New port", "capexUsd": 400000000, "lifetimeYears": 30, "capacityAdds": [ { "port": "new-port", "addTpy": 2000000 } ] } ] }
JSON

measure() { # $1 label, $2 workers, rest: submit arguments
  local label="$1" n="$2"; shift 2
  psql_ "truncate logistics_study_item, logistics_study cascade" >/dev/null
  local id; id="$(dotnet "$cli" study submit "$@" | sed -n 's/^Study \([0-9]*\).*/\1/p')"
  dotnet "$cli" study status "$id" --wait >/dev/null || true
  psql_ "select '$label', $n, count(*), round(extract(epoch from s.finished_at - s.submitted_at)::numeric, 2),
           round((sum(i.run_ms) / 1000)::numeric, 2),
           round(((extract(epoch from s.finished_at - s.submitted_at) * 1000 * $n - sum(i.run_ms)) / count(*))::numeric, 0),
           (select round(percentile_cont(0.5) within group (order by gap)::numeric, 0) from (
              select extract(epoch from started_at - lag(finished_at) over (partition by worker order by started_at)) * 1000 gap
              from logistics_study_item where study_id = $id) g where gap is not null),
           round(percentile_cont(0.5) within group (order by extract(epoch from i.finished_at - i.started_at) * 1000 - i.run_ms)::numeric, 0),
           round((extract(epoch from s.finished_at - max(i.finished_at)) * 1000)::numeric, 0)
         from logistics_study s join logistics_study_item i on i.study_id = s.id where s.id = $id
         group by s.id, s.finished_at, s.submitted_at" | tr '|' '\t'
}

echo -e "study\tworkers\titems\tmakespan_s\tsum_run_s\toverhead_ms_per_item\tmedian_gap_ms\tmedian_in_item_ms\tlast_item_to_assembled_ms"
for n in "${counts[@]}"; do
  for _ in $(seq "$n"); do
    Mode=distributed Distributed__PollIntervalSeconds=0.2 DOTNET_ENVIRONMENT=Production dotnet "$worker" >"$dir/worker-$n-$RANDOM.log" 2>&1 &
    pids+=($!)
  done
  until [ "$(psql_ "select count(*) from hangfire.server" 2>/dev/null || echo 0)" -ge "$n" ]; do sleep 1; done
  sleep 2
  echo "# $n worker(s); load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  # Warm each worker's OR-Tools and JIT first (not measured), then the two measured studies.
  measure warm-up "$n" "$dir/tiny/networks/tiny.network.json" --kind resilience --gap 1e-5 >/dev/null
  measure compare "$n" networks/chagai.network.json --kind compare
  measure overhead "$n" "$dir/tiny/networks/tiny.network.json" --kind resilience
  measure uncertainty-1 "$n" networks/chagai.network.json --kind uncertainty --draws "$draws" --seed 1 --items-of 1 --no-tornado --no-regret
  measure uncertainty-20 "$n" networks/chagai.network.json --kind uncertainty --draws "$draws" --seed 1 --items-of 20 --no-tornado --no-regret
  measure uncertainty-full-20 "$n" networks/chagai.network.json --kind uncertainty --draws "$draws" --seed 1 --items-of 20
  measure report-5 "$n" "${report[0]}" --kind report "${report[@]:1}" --item-size 5
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  psql_ "delete from hangfire.server" >/dev/null
done
# The single-machine references of the uncertainty and report rows (the same reports; Release CLI, warm file cache).
elapsed() { local t0; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $t0" | bc -l | xargs printf '%.2f'; }
for par in 1 2; do
  echo -e "single-machine uncertainty --no-tornado --no-regret --parallel $par\t$(elapsed dotnet "$cli" uncertainty networks/chagai.network.json --draws "$draws" --seed 1 --no-tornado --no-regret --parallel "$par") s (process start included)"
  echo -e "single-machine uncertainty --parallel $par\t$(elapsed dotnet "$cli" uncertainty networks/chagai.network.json --draws "$draws" --seed 1 --parallel "$par") s (process start included)"
  echo -e "single-machine report --parallel $par\t$(elapsed dotnet "$cli" report "${report[@]}" --out "$dir/report-$par" --parallel "$par") s (process start included)"
done
echo "# done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
