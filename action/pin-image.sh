#!/usr/bin/env bash
# Points an action.yml at a published image instead of the Dockerfile: the release workflow runs it on the
# release tag, since a Docker action's image name cannot be templated from the repository it runs from.
#   action/pin-image.sh action.yml docker://ghcr.io/<owner>/<repo>/incident-action:vX.Y.Z
set -euo pipefail
if (($# != 2)) || [[ $2 != docker://* ]]; then
  echo "usage: $0 ACTION_YML docker://IMAGE:TAG" >&2
  exit 2
fi

file=$1 image=$2
# Exactly one `image:` line under `runs:`, the one action.yml declares; anything else is not the file this expects.
count=$(grep -c '^  image: ' "$file" || true)
if [[ $count != 1 ]]; then
  echo "error: $file has $count '  image:' lines under runs:, expected 1" >&2
  exit 1
fi

sed -i "s|^  image: .*|  image: $image|" "$file"
