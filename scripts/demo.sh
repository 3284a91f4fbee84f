#!/usr/bin/env bash
# The main job on an embedded default: the image pipeline of examples/image-pipeline,
# run against a local Docker engine and registry (test/infra/up.sh starts them).
#   1. build:  the tag is new, so the image is built and pushed
#   2. build:  nothing changed: one registry request, no build
#   3. an unlisted file changes and is committed: still no build
#   4. a listed file changes and is committed: a new tag, built and pushed
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/infra/up.sh
set -a
# shellcheck disable=SC1091
. "${TRAINER_INFRA_DIR:-/tmp/trainer-infra}/env"
set +a

work=$(mktemp -d "${TMPDIR:-/tmp}/trainer-demo-XXXXXX")
cp -r examples/image-pipeline/. "$work"
git -C "$work" init -q -b main
git -C "$work" add -A
git -C "$work" -c user.email=demo@example.com -c user.name=demo commit -qm 'training code'

trainer() { node dist/cli/index.js "$@"; }
name="demo/quickstart-trainer-$(date +%s)"
build() {
  trainer build -C "$work" --registry "$TRAINER_TEST_REGISTRY" --name "$name" \
    --build-arg "BASE=$TRAINER_TEST_BASE_IMAGE" --json
}
commit() { git -C "$work" -c user.email=demo@example.com -c user.name=demo commit -qam "$1"; }

echo; echo "== 1. first build (tag $(trainer hash -C "$work"))"
build
echo; echo "== 2. same commit again"
build
echo; echo "== 3. README.md (not in .image-manifest) edited and committed"
echo "more docs" >> "$work/README.md"; commit 'docs'
build
echo; echo "== 4. train.py (listed) edited and committed"
echo "# tuned" >> "$work/train.py"; commit 'tune'
build
echo; echo "demo repository: $work"
