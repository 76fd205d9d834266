#!/usr/bin/env bash
# Runs lambda-lint for the GitHub Action in action.yml.
#
# Inputs arrive as INPUT_* variables, which action.yml sets from the action's inputs. Results go to
# the files the runner names in GITHUB_OUTPUT (exit-code, sarif-file) and, with --format github,
# GITHUB_STEP_SUMMARY. The script exits with the code the step should end with:
#   fail-level error    lambda-lint's exit code
#   fail-level warning  the same, with --max-warnings 0, so any warning fails the step
#   fail-level never    0 when lambda-lint exits 1; exit codes 2 (usage error, unreadable input)
#                       and 3 (internal error) still fail the step
# LAMBDA_LINT_CLI names the JavaScript file to run; it defaults to the action's own build.
set -euo pipefail

# Paths and options are handed to lambda-lint as written: it expands globs such as build/*.zip itself.
set -f

action_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${LAMBDA_LINT_CLI:-$action_root/dist/bin/lambda-lint.js}"

fail_level="${INPUT_FAIL_LEVEL:-error}"
format="${INPUT_FORMAT:-github}"
sarif_file="${INPUT_SARIF_FILE:-}"

# Escapes workflow command data as GitHub's toolkit does: %, CR and LF.
command_data() {
  local data="${1//%/%25}"
  data="${data//$'\r'/%0D}"
  printf '%s' "${data//$'\n'/%0A}"
}

write_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

case "$fail_level" in
  error | warning | never) ;;
  *)
    echo "::error title=lambda-lint::invalid fail-level \"$(command_data "$fail_level")\": use error, warning or never"
    exit 2
    ;;
esac

if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 15) ? 0 : 1)' 2>/dev/null; then
  echo "::error title=lambda-lint::lambda-lint needs Node.js 20.15 or later on the runner; add actions/setup-node before this step"
  exit 2
fi

# Options that apply to both the report in the log and the SARIF file.
common=()
if [ -n "${INPUT_RUNTIME:-}" ]; then
  common+=(--runtime "$INPUT_RUNTIME")
fi
if [ -n "${INPUT_ARCH:-}" ]; then
  common+=(--arch "$INPUT_ARCH")
fi
if [ -n "${INPUT_TEMPLATE:-}" ]; then
  common+=(--template "$INPUT_TEMPLATE")
fi
if [ -n "${INPUT_CONFIG:-}" ]; then
  common+=(--config "$INPUT_CONFIG")
fi
# Word splitting on spaces and newlines is intended here; `set -f` keeps globs unexpanded.
# shellcheck disable=SC2206
common+=(${INPUT_ARGS:-})

# The action chooses the format and the output file of each run; args must not change them.
for argument in ${INPUT_ARGS:-}; do
  case "$argument" in
    --format | --format=* | -o | --output | --output=*)
      echo "::error title=lambda-lint::args must not contain $(command_data "$argument"); use the format and sarif-file inputs"
      exit 2
      ;;
  esac
done

# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-})

# Runs lambda-lint with the given options, the common options and the paths. The `+` expansions keep
# empty arrays working under `set -u` in bash before 4.4 (macOS ships 3.2).
run_lint() {
  local arguments=("$@" ${common[@]+"${common[@]}"})
  if [ "${#paths[@]}" -gt 0 ]; then
    arguments+=(-- "${paths[@]}")
  fi
  node "$cli" "${arguments[@]}"
}

stderr_file="$(mktemp)"
trap 'rm -f -- "$stderr_file"' EXIT

main_options=(--format "$format")
if [ "$fail_level" = warning ]; then
  main_options+=(--max-warnings 0)
fi

status=0
run_lint "${main_options[@]}" 2>"$stderr_file" || status=$?
cat -- "$stderr_file" >&2
write_output exit-code "$status"

# A usage error or an unreadable input prints its reason on stderr only. An annotation puts the reason
# in the run's summary as well as in the log.
if [ "$status" -ge 2 ]; then
  while IFS= read -r line; do
    case "$line" in
      lambda-lint:*) echo "::error title=lambda-lint::$(command_data "${line#lambda-lint: }")" ;;
    esac
  done <"$stderr_file"
fi

# The SARIF run exits 1 for findings and 2 for an unreadable input or a usage error. For an
# unreadable input it still writes the SARIF file, with a notification per input, so exit code 2
# counts as a failure of this run only when no valid JSON file was written. The old file is removed
# first, so a file left by an earlier run cannot pass for this run's report.
sarif_written() {
  [ -f "$sarif_file" ] && node -e 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))' -- "$sarif_file" 2>/dev/null
}

if [ -n "$sarif_file" ]; then
  if [ -f "$sarif_file" ]; then
    rm -f -- "$sarif_file"
  fi
  sarif_status=0
  # A category fixed per job keeps code scanning alerts in one place when artifacts change.
  category="${INPUT_CATEGORY:-lambda-lint/${GITHUB_JOB:-lint}}"
  run_lint --format sarif --sarif-category "$category" --output "$sarif_file" || sarif_status=$?
  if [ "$sarif_status" -le 1 ] || { [ "$sarif_status" -eq 2 ] && sarif_written; }; then
    write_output sarif-file "$sarif_file"
  else
    echo "::error title=lambda-lint::writing the SARIF report to $(command_data "$sarif_file") failed with exit code $sarif_status"
    if [ "$status" -lt 2 ]; then
      status=$sarif_status
    fi
  fi
fi

if [ "$fail_level" = never ] && [ "$status" -eq 1 ]; then
  echo "::notice title=lambda-lint::lambda-lint failed the check; the step passes because fail-level is never"
  exit 0
fi
exit "$status"
