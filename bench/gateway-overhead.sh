#!/usr/bin/env bash
# Gateway overhead (issue 4): GET one household through the gateway and directly against
# household-service, under the same wrk load, one after the other in one run. Prints both
# throughputs, latency percentiles and their ratios.
#
#   bench/gateway-overhead.sh [seconds per run, default 20] [connections, default 16]
#
# It starts a suite of its own (state in .suite-bench/, ports 28080-28083 and 29092/29093) with the
# gateway's rate limits off, since a single caller would otherwise be throttled at 100 requests/s,
# and stops it at the end. The databases are the suite's usual ones (one household is added).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

DURATION=${1:-20}
CONNECTIONS=${2:-16}

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk (Debian package)" >&2
  apt-get install -y -qq wrk >/dev/null
fi

export FUPIN_SUITE_HOME="$PWD/.suite-bench"
export FUPIN_GATEWAY_PORT=28080 FUPIN_HOUSEHOLD_PORT=28081 FUPIN_ASSISTANCE_PORT=28082 FUPIN_REPORTING_PORT=28083
export FUPIN_KAFKA_PORT=29092 FUPIN_KAFKA_CONTROLLER_PORT=29093
export FUPIN_GATEWAY_RATE_LIMIT_ENABLED=false
trap './suite down >/dev/null 2>&1 || true' EXIT
./suite up >&2

TOKEN=$(./suite token county-admin 500299)
GATEWAY=http://127.0.0.1:28080
DIRECT=http://127.0.0.1:28081
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
curl -s -o /dev/null -X PUT "${auth[@]}" "$GATEWAY/api/v1/regions/500299" \
  -d '{"name":"基准县","level":"COUNTY","ruralPopulation":1000,"poorVillage":false,"deepPoverty":false}'
curl -s -o /dev/null -X PUT "${auth[@]}" "$GATEWAY/api/v1/regions/500299101" \
  -d '{"name":"基准镇","level":"TOWNSHIP","parentCode":"500299","ruralPopulation":500,"poorVillage":false,"deepPoverty":false}'
curl -s -o /dev/null -X PUT "${auth[@]}" "$GATEWAY/api/v1/regions/500299101201" \
  -d '{"name":"基准村","level":"VILLAGE","parentCode":"500299101","ruralPopulation":200,"poorVillage":true,"deepPoverty":false}'
# An ID number unique to this run: the date part varies with the clock, the check digit is computed.
body=$(python3 - <<'PY'
import random, time
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
d="%04d%02d%02d" % (1950 + random.randint(0, 50), random.randint(1, 12), random.randint(1, 28))
b="500299" + d + "%03d" % random.randint(0, 999)
print('{"villageCode":"500299101201","address":"基准村一组","phone":"13800138000","category":"GENERAL",'
      '"causes":["ILLNESS"],"primaryCause":"ILLNESS","identifiedYear":2016,"annualIncomePerCapita":2800,'
      '"members":[{"name":"王基准","idNumber":"%s","relation":"HEAD","health":"HEALTHY","severeMentalIllness":false,'
      '"education":"GRADUATED","laborCapacity":"FULL","medicalInsurance":true,"migrantWorker":false}]}'
      % (b + "10X98765432"[sum(int(c) * x for c, x in zip(b, w)) % 11]))
PY
)
ID=$(curl -s -X POST "${auth[@]}" "$GATEWAY/api/v1/households" -d "$body" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin).get("id", ""))')
[[ -n "$ID" ]] || { echo "bench: could not register the benchmark household" >&2; exit 1; }
PATH_=/api/v1/households/$ID

# Both paths warm up first (the JIT compiles the service's and the gateway's hot code), then each is measured.
for url in "$DIRECT" "$GATEWAY" "$DIRECT" "$GATEWAY"; do
  wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$url$PATH_" >/dev/null
done
run() { # name url
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$2$PATH_" > "$FUPIN_SUITE_HOME/wrk-$1.txt"
}
run direct "$DIRECT"
run gateway "$GATEWAY"

python3 - "$FUPIN_SUITE_HOME" "$DURATION" "$CONNECTIONS" "${FUPIN_BENCH_FIGURES:-}" <<'PY'
import re, sys
home, duration, connections, figures = sys.argv[1:5]
def parse(name):
    text = open(f"{home}/wrk-{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def ms(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", text)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, ms(50), ms(90), ms(99), int(errors.group(1)) if errors else 0
d, g = parse("direct"), parse("gateway")
if d[4] or g[4]:
    sys.exit(f"bench: {d[4]} direct and {g[4]} gateway answers were not 2xx; the figures would mean nothing")
print(f"GET /api/v1/households/{{id}}, wrk -t2 -c{connections} -d{duration}s, 2 cores shared by wrk, services and PostgreSQL")
print("| path | requests/s | p50 ms | p90 ms | p99 ms | non-2xx |")
print("|---|---|---|---|---|---|")
print(f"| direct (household-service) | {d[0]:.0f} | {d[1]:.2f} | {d[2]:.2f} | {d[3]:.2f} | {d[4]} |")
print(f"| through the gateway | {g[0]:.0f} | {g[1]:.2f} | {g[2]:.2f} | {g[3]:.2f} | {g[4]} |")
print(f"gateway/direct throughput: {g[0] / d[0]:.2f} (aim ≥ 0.70); added median latency: {g[1] - d[1]:.2f} ms (aim ≤ 2 ms)")
if figures:  # rows of bench/README.md's table, as BenchmarkFigures writes them
    load = f"GET one household, wrk -c{connections}"
    with open(figures, "a", encoding="utf-8") as out:
        out.write(f"gateway\tthroughput through the gateway ({load})\t{g[0]:.3f}\trequests/s\tdirect to household-service\t{d[0]:.3f}\t≥ 0.70 of direct\n")
        out.write(f"gateway\tp50 through the gateway ({load})\t{g[1]:.3f}\tms\tdirect to household-service, p50\t{d[1]:.3f}\tat most 2 ms added\n")
        out.write(f"gateway\tp99 through the gateway ({load})\t{g[3]:.3f}\tms\tdirect to household-service, p99\t{d[3]:.3f}\t\n")
PY
