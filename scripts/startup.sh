#!/usr/bin/env bash
# Start-up time: from process start to the first full frame of the home screen, on a
# database holding the standard demo, 50 new assessments and the large demo. Target: 200 ms.
#
#   scripts/startup.sh [RUNS]        (default 30 runs)
#
# The workbench needs a terminal, so each run goes through script(1), which gives it a
# pseudo-terminal of 160×50; the same wrapper around `aimsbench version` is timed too, so the
# wrapper's own cost can be subtracted. Uses hyperfine when installed
# (apt-get install -y hyperfine), else a loop over date +%s%N that prints the median.
set -euo pipefail

runs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/aimsbench
db=$work/startup.db

command -v script >/dev/null || { echo "startup.sh needs script(1) from util-linux for a pseudo-terminal" >&2; exit 1; }

echo "building…" >&2
(cd "$root" && go build -o "$bin" .)

echo "creating $db: standard demo, 50 new assessments, large demo…" >&2
"$bin" demo --db "$db" >/dev/null 2>&1
for i in $(seq 1 50); do
	"$bin" new --db "$db" --org "Client $i" --title "Readiness $i" >/dev/null
done
"$bin" demo --db "$db" --size large >/dev/null
echo "$("$bin" list --db "$db" --json | grep -o '"id"' | wc -l) assessments" >&2

tty() { printf "script -qec 'stty cols 160 rows 50; %s' /dev/null" "$1"; }
first_frame=$(tty "$bin --db $db --exit-after-first-frame")
wrapper=$(tty "$bin version")

# The run must really reach the home screen's list, not fail early.
frame=$(eval "$first_frame")
grep -q "Client 50" <<<"$frame" || { echo "the first frame does not show the assessments" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 3 --runs "$runs" \
		-n "first frame (through script)" "$first_frame" \
		-n "script + aimsbench version (wrapper cost)" "$wrapper"
	exit 0
fi

median_ms() {
	local cmd=$1 t0 t1
	local -a times=()
	for _ in $(seq 1 "$runs"); do
		t0=$(date +%s%N)
		eval "$cmd" >/dev/null
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms median of %d runs\n", a[int((NR+1)/2)]/1000, NR}'
}
echo "first frame (through script):             $(median_ms "$first_frame")"
echo "script + aimsbench version (wrapper cost): $(median_ms "$wrapper")"
