#!/usr/bin/env bash
# Runs every test suite of the repository (all .NET test projects and the Python client's pytest
# suite) and ends with one plain line: "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 OMP_WAIT_POLICY=PASSIVE
log=$(mktemp)
passed=0; failed=0; skipped=0; status=0

dotnet build Augment.sln -c Release 2>&1 | tail -n 3 || status=1
if ! dotnet test Augment.sln -c Release --no-build 2>&1 | tee "$log"; then status=1; fi
while read -r f p s; do
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
         sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+)/\1 \2 \3/')
# Summaries of test projects run in parallel can share a line: grep -o counts every one. A project with no summary
# at all (crashed test host) counts as a failure.
projects=$(ls tests/*/*.Tests.csproj | wc -l)
summaries=$(grep -oE '(Passed|Failed)! +- Failed:' "$log" | wc -l)
if [ "$summaries" -lt "$projects" ]; then
  echo "only $summaries of $projects test projects reported a summary" >&2; failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ -d clients/python/tests ]; then
  bash clients/python/scripts/test.sh 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^=+ .* in [0-9.]+s' "$log" | tail -n 1)
  p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
  f=$(grep -oE '[0-9]+ (failed|error|errors)' <<<"$line" | grep -oE '[0-9]+' | paste -sd+ | bc 2>/dev/null || true)
  s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+' || true)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
fi
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
