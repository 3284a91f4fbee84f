#!/usr/bin/env bash
# The committed bundles must be exactly what `npm run build` makes from this tree
# (codeql's check: start from nothing, rebuild, then look for any change).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "$(git status --porcelain -- dist docs/actions)" ]; then
  echo 'check-dist: dist/ or docs/actions has uncommitted changes before the build' >&2
  git status --porcelain -- dist docs/actions >&2
  exit 1
fi
rm -rf dist
npm run build --silent
if [ -n "$(git status --porcelain -- dist docs/actions)" ]; then
  echo "check-dist: dist/ or docs/actions is out of date: run 'npm run build' and commit" >&2
  git status --porcelain -- dist docs/actions >&2
  git diff --stat -- dist docs/actions >&2 || true
  exit 1
fi
echo 'check-dist: dist/ and docs/actions match a fresh build'
