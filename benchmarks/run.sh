#!/usr/bin/env bash
# Runs the ad4j JMH benchmarks: builds if needed, checks every ad4j gradient against its
# hand-written gradient (dev.ad4j.bench.Check, with the agent), then runs JMH. The forks that
# measure ad4j load the agent by themselves (@Fork(jvmArgsAppend) in each benchmark, with the
# absolute agent path baked in at build time), the others run plain; nothing to pass by hand.
#
#   benchmarks/run.sh --quick            quick mode: 1 fork, 3 x 1 s warmup, 3 x 1 s measurement
#                                        (under 10 minutes on 2 cores)
#   benchmarks/run.sh                    full mode: 2 forks, 5 x 1 s warmup, 5 x 2 s measurement
#                                        (36-37 minutes on 2 cores, measured)
#   benchmarks/run.sh --quick Bench02    any further arguments go to JMH (a regex, -prof gc, ...);
#                                        do not pass -jvmArgsAppend: it would replace the per-fork
#                                        agent arguments
#
# Results: benchmarks/results/<mode>.json (JMH), <mode>.txt (JMH log), check-<mode>.txt,
# <mode>.md (table with ratios, see docs/benchmarks.md) and <mode>.svg (plot).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

MODE=full
if [[ "${1:-}" == "--quick" ]]; then
    MODE=quick
    shift
elif [[ "${1:-}" == "--full" ]]; then
    shift
fi
if [[ $MODE == quick ]]; then
    JMH_OPTS=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
else
    JMH_OPTS=(-f 2 -wi 5 -w 1s -i 5 -r 2s)
fi

AGENT_JAR="$ROOT/agent/target/ad4j-agent.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
GENERATED="$ROOT/benchmarks/target/generated-sources/java-templates/dev/ad4j/bench/AgentJar.java"

# Build when a jar is missing, a source is newer than the benchmarks jar, or the jar was built
# in another checkout (the agent path is a compile-time constant).
needs_build() {
    [[ -f "$AGENT_JAR" && -f "$BENCH_JAR" && -f "$GENERATED" ]] || return 0
    grep -qF "\"$AGENT_JAR\"" "$GENERATED" || return 0
    [[ -z "$(find core/src agent/src benchmarks/src pom.xml */pom.xml -newer "$BENCH_JAR" -type f -print -quit)" ]] || return 0
    return 1
}
if needs_build; then
    echo "== building (mvn -B -q -DskipTests install)"
    mvn -B -q -DskipTests install
fi

OUT="$ROOT/benchmarks/results"
mkdir -p "$OUT"
{
    echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) mode=$MODE"
    java -version 2>&1
    echo "nproc: $(nproc)"
    grep -m1 'model name' /proc/cpuinfo || true
} | tee "$OUT/env-$MODE.txt"

echo "== gradient check (ad4j vs hand-written vs finite differences), tape sizes, expression swell"
if ! java -Xmx6g "-javaagent:$AGENT_JAR=includes=bench.model.*" -cp "$BENCH_JAR" dev.ad4j.bench.Check \
        | tee "$OUT/check-$MODE.txt"; then
    echo "WARNING: an ad4j gradient disagrees with its hand-written gradient (see above); measuring anyway" >&2
fi

echo "== JMH ($MODE): java -jar benchmarks/target/benchmarks.jar ${JMH_OPTS[*]} $*"
java -jar "$BENCH_JAR" "${JMH_OPTS[@]}" -rf json -rff "$OUT/$MODE.json" "$@" | tee "$OUT/$MODE.txt"

if command -v python3 >/dev/null; then
    python3 "$ROOT/benchmarks/report.py" "$OUT/$MODE.json" "$OUT/$MODE.md" "$OUT/$MODE.svg"
    cat "$OUT/$MODE.md"
else
    echo "python3 not found: no table or plot (the JMH results are in $OUT/$MODE.json)"
fi
