#!/usr/bin/env bash
# The lint benchmark: `meshc lint` side by side with yaml-cpp parse-only
# baselines and yamllint on one generated corpus, in one run, so the ratios
# hold even on a noisy shared machine. Prints a Markdown report (also saved to
# build-bench/lint-bench.md) for docs/performance.md.
#
#   tests/bench/run_lint_bench.sh
#
# Environment (all optional):
#   MESHC_BENCH_RESOURCES=50000  corpus size
#   MESHC_BENCH_SEED=1           corpus seed
#   MESHC_BENCH_RUNS=3           runs of the cheap commands; the best wall time counts
#   MESHC_BENCH_YAMLLINT=full    yamllint on the whole corpus once (full), on a slice of N
#                                resources extrapolated linearly (a number, e.g. 5000), or skip
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
resources=${MESHC_BENCH_RESOURCES:-50000}
seed=${MESHC_BENCH_SEED:-1}
runs=${MESHC_BENCH_RUNS:-3}
yamllint_mode=${MESHC_BENCH_YAMLLINT:-full}
build="build-bench"
log() { echo "run_lint_bench: $*" >&2; }

# --- set up and build --------------------------------------------------------
if [ -x scripts/setup ]; then scripts/setup --bench; fi
for tool in cmake ninja python3 yamllint; do
  command -v "$tool" >/dev/null || { log "missing $tool (scripts/setup --bench installs it)"; exit 2; }
done
[ -x /usr/bin/time ] || { log "missing /usr/bin/time (Debian package 'time')"; exit 2; }

log "building Release in $build/"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMESHC_BENCH=ON -DMESHC_TESTS=OFF >/dev/null
cmake --build "$build" --target meshc yamlcpp_baseline bench_yaml_reader >/dev/null
meshc=$build/meshc
baseline=$build/tests/bench/yamlcpp_baseline

# --- corpus (generated once; again only when the generator changed) -----------
mkdir -p "$build/corpus"
corpus=$build/corpus/corpus-$resources-s$seed.yaml
if [ ! -s "$corpus" ] || [ tests/bench/gen_corpus.py -nt "$corpus" ]; then
  log "generating $corpus"
  python3 tests/bench/gen_corpus.py --resources "$resources" --seed "$seed" --out "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
corpus_bytes=$(stat -c %s "$corpus")

# --- measuring ----------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME CMD...: one run under /usr/bin/time; keeps the best wall time,
# the least CPU time (user + system) and the highest peak RSS of NAME's runs.
# Exit status 0 (1 for yamllint) required.
declare -A wall cpu rss
measure() {
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ "$status" -ne 0 ] && ! { [ "$name" = yamllint ] && [ "$status" -eq 1 ]; }; then
    log "$name exited with $status; the corpus must lint clean. First lines of its output:"
    head -20 "$tmp/out" "$tmp/err" >&2
    exit 1
  fi
  local w u s m c
  read -r w u s m < <(tail -1 "$tmp/time")
  c=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}')
  log "  $name: ${w} s wall, ${c} s CPU, ${m} KiB"
  if [ -z "${cpu[$name]:-}" ] || awk -v a="$c" -v b="${cpu[$name]}" 'BEGIN{exit !(a < b)}'; then
    cpu[$name]=$c
  fi
  if [ -z "${wall[$name]:-}" ] || awk -v a="$w" -v b="${wall[$name]}" 'BEGIN{exit !(a < b)}'; then
    wall[$name]=$w
  fi
  if [ -z "${rss[$name]:-}" ] || [ "$m" -gt "${rss[$name]}" ]; then rss[$name]=$m; fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "measuring on $(nproc) cores, load average $load_before"
for ((r = 1; r <= runs; ++r)); do
  log "round $r of $runs"
  measure meshc "$meshc" lint "$corpus"
  measure meshc_j1 "$meshc" lint -j1 "$corpus"
  measure events "$baseline" events "$corpus"
  measure loadall "$baseline" loadall "$corpus"
done

yamllint_label="yamllint -d relaxed"
case "$yamllint_mode" in
  skip) ;;
  full)
    log "yamllint on the whole corpus (once; slow)"
    measure yamllint yamllint -d relaxed -f parsable "$corpus"
    ;;
  *[!0-9]* | "") log "MESHC_BENCH_YAMLLINT must be full, skip or a number"; exit 2 ;;
  *)
    slice=$build/corpus/corpus-$yamllint_mode-s$seed.yaml
    python3 tests/bench/gen_corpus.py --resources "$yamllint_mode" --seed "$seed" --out "$slice" 2>/dev/null
    log "yamllint on a $yamllint_mode-resource slice (once), extrapolated linearly"
    measure yamllint yamllint -d relaxed -f parsable "$slice"
    factor=$(awk -v a="$corpus_bytes" -v b="$(stat -c %s "$slice")" 'BEGIN{print a / b}')
    wall[yamllint]=$(awk -v w="${wall[yamllint]}" -v f="$factor" 'BEGIN{printf "%.1f", w * f}')
    cpu[yamllint]=$(awk -v w="${cpu[yamllint]}" -v f="$factor" 'BEGIN{printf "%.1f", w * f}')
    yamllint_label="yamllint -d relaxed (time EXTRAPOLATED x$(printf '%.2f' "$factor") from a $yamllint_mode-resource slice; RSS of the slice)"
    ;;
esac
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -------------------------------------------------------------------
mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
rate() { awk -v s="$1" -v n="$2" 'BEGIN{printf "%.1f", n / s}'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN{print (a < b) ? "met" : "NOT met"}'; }
row() {  # name label
  local n=$1
  [ -n "${wall[$n]:-}" ] || return 0
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "${wall[$n]}" "${cpu[$n]}" "$(mb "${rss[$n]}")" \
    "$(rate "${wall[$n]}" "$(awk -v b="$corpus_bytes" 'BEGIN{print b / 1048576}')")" \
    "$(ratio "${wall[$n]}" "${wall[meshc_j1]}")" "$(ratio "${wall[$n]}" "${wall[events]}")" \
    "$(ratio "${cpu[$n]}" "${cpu[events]}")"
}
j1_wall_ratio=$(ratio "${wall[meshc_j1]}" "${wall[events]}")
j1_cpu_ratio=$(ratio "${cpu[meshc_j1]}" "${cpu[events]}")
j1_verdict() {
  local w c
  w=$(verdict "$j1_wall_ratio" 1.5)
  c=$(verdict "$j1_cpu_ratio" 1.5)
  if [ "$w" = "$c" ]; then echo "$w"; else echo "$c on CPU time, $w on wall time"; fi
}

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
threads=$(nproc)
report=$build/lint-bench.md
{
  echo "Corpus: \`gen_corpus.py --resources $resources --seed $seed\`, $resources resources," \
       "$(awk -v b="$corpus_bytes" 'BEGIN{printf "%.1f", b / 1048576}') MiB ($corpus_bytes bytes), one file."
  echo "Machine: $threads cores ($(nproc --all) online), $cpu_model; load average $load_before before, $load_after after."
  echo "meshc $("$meshc" --version | head -1 | sed 's/^meshc //'), yaml-cpp" \
       "$(dpkg-query -W -f='${Version}' libyaml-cpp-dev 2>/dev/null || echo '?'), $(yamllint --version)."
  echo "Wall and CPU (user + system) time: the best of $runs runs (yamllint: one run); peak RSS: the highest."
  echo "On a loaded machine wall time includes waiting for a core; CPU time does not, so the CPU ratio is the steadier one."
  echo
  echo "| command | wall s | CPU s | peak RSS MiB | MiB/s (wall) | wall / meshc -j1 | wall / events | CPU / events |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  row meshc "\`meshc lint\` ($threads threads)"
  row meshc_j1 "\`meshc lint -j1\`"
  row events "yaml-cpp event parser (\`yamlcpp_baseline events\`)"
  row loadall "yaml-cpp \`LoadAll\` (\`yamlcpp_baseline loadall\`)"
  row yamllint "$yamllint_label"
  echo
  echo "| goal | measured | verdict |"
  echo "| --- | ---: | --- |"
  echo "| $resources resources linted in under 5 s on this $threads-core machine | ${wall[meshc]} s wall (${cpu[meshc]} s CPU) |" \
       "$(verdict "${wall[meshc]}" 5) |"
  echo "| peak memory under 300 MB | $(awk -v k="${rss[meshc]}" 'BEGIN{printf "%.0f MB", k * 1024 / 1e6}')" \
       "($threads threads), $(awk -v k="${rss[meshc_j1]}" 'BEGIN{printf "%.0f MB", k * 1024 / 1e6}') (-j1) |" \
       "$(verdict "$(printf '%s\n' "${rss[meshc]}" "${rss[meshc_j1]}" | sort -n | tail -1)" 292969) |"
  echo "| single-thread lint within 1.5x of yaml-cpp's event parser | ${j1_wall_ratio}x wall, ${j1_cpu_ratio}x CPU |" \
       "$(j1_verdict) |"
  echo
  echo "Other ratios: \`meshc lint\` ($threads threads) takes $(ratio "${wall[meshc]}" "${wall[events]}")x the event" \
       "parser's time and $(ratio "${wall[meshc]}" "${wall[loadall]}")x \`LoadAll\`'s;" \
       "parallel speed-up $(ratio "${wall[meshc_j1]}" "${wall[meshc]}")x on $threads cores."
  if [ -n "${wall[yamllint]:-}" ]; then
    echo "meshc lint is $(ratio "${wall[yamllint]}" "${wall[meshc]}")x faster than yamllint in wall time ($threads threads)," \
         "$(ratio "${wall[yamllint]}" "${wall[meshc_j1]}")x on one thread; it uses" \
         "$(ratio "${cpu[yamllint]}" "${cpu[meshc_j1]}")x less CPU time (-j1)."
  fi
} | tee "$report"
log "report saved to $report"
