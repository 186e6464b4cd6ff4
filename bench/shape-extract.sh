#!/usr/bin/env bash
# shape-extract: streaming throughput of `perf shape` on a generated combined-format access log
# (default 1 GiB, written to /tmp and never committed), with -Xmx256m on one core (taskset -c 0
# when available). Prints the input size, the wall time and MB/s. Usage:
#   bench/shape-extract.sh [SIZE_MB (default 1024)] [LOG_FILE (default /tmp/perf-shape-bench.log)]
# The log is kept between runs (delete it to regenerate); it is out of time order and has dirty
# lines, like the real logs in ../shared/realdata/access-logs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
log="${2:-/tmp/perf-shape-bench.log}"
out="/tmp/perf-shape-bench.shape.json"

if [ ! -f "$log" ] || [ "$(( $(stat -c %s "$log") / 1048576 ))" -lt "$size_mb" ]; then
  echo "shape-extract: generating ${size_mb} MiB of combined log into $log ..." >&2
  python3 - "$log" "$size_mb" <<'PY'
import random, sys, time
path, size_mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
months = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]
paths = ["/api/products/{}", "/api/products?page={}&size=20", "/api/orders/{}/receipt", "/images/p{}.png",
         "/static/app.{}.js", "/api/search?q=lamp&token=t{}", "/", "/blog/post-{}.html", "/api/carts/{}/items"]
agents = ['"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"',
          '"curl/8.5.0"', '"Googlebot/2.1 (+http://www.google.com/bot.html)"']
t0 = int(time.mktime((2026, 8, 1, 0, 0, 0, 0, 0, 0)))
limit = size_mb * 1048576
written = 0
n = 0
with open(path, "w", buffering=1 << 22) as f:
    block = []
    while written < limit:
        second = t0 + n // 400 + rnd.randint(-3, 3)  # about 400 requests/s, a little out of order
        tm = time.gmtime(second)
        ts = "%02d/%s/%d:%02d:%02d:%02d +0000" % (tm.tm_mday, months[tm.tm_mon - 1], tm.tm_year, tm.tm_hour, tm.tm_min, tm.tm_sec)
        p = rnd.choice(paths).format(rnd.randint(1, 99999))
        method = "POST" if p.endswith("/items") else "GET"
        line = '10.%d.%d.%d - - [%s] "%s %s HTTP/1.1" %d %d "-" %s %d.%03d\n' % (
            rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255), ts, method, p,
            rnd.choice((200, 200, 200, 200, 304, 404, 500)), rnd.randint(0, 200000), rnd.choice(agents),
            rnd.randint(0, 2), rnd.randint(0, 999))
        if n % 100000 == 99999:
            line = line[: len(line) // 2] + "\n"  # a cut line, like the real dirty logs
        block.append(line)
        written += len(line)
        n += 1
        if len(block) >= 10000:
            f.write("".join(block))
            block = []
    f.write("".join(block))
PY
fi

echo "shape-extract: building the CLI (mvn -q -B -Dmaven.test.skip=true install -pl cli -am) ..." >&2
(cd "$here" && mvn -q -B -Dmaven.test.skip=true install -pl cli -am) >&2
(cd "$here" && mvn -q -B dependency:build-classpath -pl cli -Dmdep.outputFile=target/runtime-classpath.txt) >&2
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
bytes=$(stat -c %s "$log")
start=$(date +%s.%N)
"${pin[@]}" java -Xmx256m -XX:ActiveProcessorCount=1 \
  -cp "$here/cli/target/classes:$(cat "$here/cli/target/runtime-classpath.txt")" \
  io.perfharness.cli.ShapeCommand "$log" --out "$out" --speed 60 2>&1 | sed -n '1,3p'
end=$(date +%s.%N)
python3 -c "import sys; b, s = int(sys.argv[1]), float(sys.argv[2]); print('shape-extract: %.0f MB in %.1f s = %.1f MB/s (-Xmx256m, %s)' % (b / 1e6, s, b / 1e6 / s, sys.argv[3]))" \
  "$bytes" "$(echo "$end - $start" | bc)" "${pin[*]:-no taskset}"
