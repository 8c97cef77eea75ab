#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly CLI against the repository's redocly.yaml (docs/ARCHITECTURE.md, "Typed API
# contract"). Usage: scripts/openapi-lint.sh <document.json> [more redocly lint options]
#
# The CLI is pinned and installed once per machine into a cache directory outside the repository
# (CAMPAIGNS_TOOLS_DIR, default ~/.cache/campaigns-tools), so the repository carries no node_modules and a second run
# starts at once. Needs node >= 20.19 and npm, which every machine of this project has.
set -euo pipefail

version="${REDOCLY_CLI_VERSION:-2.77.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${CAMPAIGNS_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaigns-tools}/redocly-cli-$version"
cli="$tools/node_modules/.bin/redocly"

if [ ! -x "$cli" ]; then
  # Installed beside the target and moved into place, so two runs installing at once never see half an install.
  staging="$tools.staging.$$"
  trap 'rm -rf "$staging"' EXIT
  mkdir -p "$staging"
  npm install --prefix "$staging" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
  mv -T "$staging" "$tools" 2>/dev/null || true
fi

# No telemetry or update check: the lint runs offline from the registry's point of view, and the same every time.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$cli" lint --config "$root/redocly.yaml" "$@"
