#!/usr/bin/env bash
# Dependency vulnerability audit of the pinned versions (constraints.txt) with pip-audit.
# Needs the network (it queries the PyPI/OSV advisory databases), so it is not part of the test suite.
# Usage: scripts/audit.sh [extra pip-audit options, e.g. --format json]
# Exit code: pip-audit's (0 no known vulnerability, 1 findings).
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_AUDIT="${PIP_AUDIT:-.venv/bin/pip-audit}"
if [ ! -x "$PIP_AUDIT" ]; then
    echo "pip-audit not found at $PIP_AUDIT: .venv/bin/pip install pip-audit (a dev dependency)" >&2
    exit 2
fi
echo "# planwatch dependency audit, $(date -u +%Y-%m-%dT%H:%M:%SZ), $("$PIP_AUDIT" --version)"
echo "# constraints.txt: $(grep -c '==' constraints.txt) pinned packages"
# --strict: a package that could not be audited (index or advisory service unreachable) fails the audit
# instead of being listed as skipped under "No known vulnerabilities found".
exec "$PIP_AUDIT" -r constraints.txt --no-deps --disable-pip --strict --progress-spinner off "$@"
