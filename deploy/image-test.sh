#!/usr/bin/env bash
# Builds the App's image and runs it as production would: read-only root filesystem, /data a volume, /tmp a
# tmpfs, the image's non-root user; in dry-run, so it needs no GitHub App. It must answer /livez, /readyz and
# /healthz, pass its own HEALTHCHECK command, and take an alert into /data.
#   deploy/image-test.sh            with docker (a running engine) or else podman
#   ENGINE=podman deploy/image-test.sh
# SDK_IMAGE and RUNTIME_IMAGE, when set, replace the Dockerfile's base images (a mirror).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${ENGINE:-}
if [[ -z $engine ]]; then
  if docker info >/dev/null 2>&1; then engine=docker
  elif command -v podman >/dev/null 2>&1; then engine=podman
  else echo "error: no container engine: start Docker, or install podman" >&2; exit 2
  fi
fi

tag=localhost/incident-app:image-test
name=incident-app-image-test-$$
build_args=()
# podman's default OCI format drops HEALTHCHECK.
[[ $engine == podman ]] && build_args+=(--format docker)
[[ -n ${SDK_IMAGE:-} ]] && build_args+=(--build-arg "SDK_IMAGE=$SDK_IMAGE")
[[ -n ${RUNTIME_IMAGE:-} ]] && build_args+=(--build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")
"$engine" build -f deploy/Dockerfile -t "$tag" "${build_args[@]}" .

cleanup() {
  "$engine" logs "$name" >"${TMPDIR:-/tmp}/$name.log" 2>&1 || true
  "$engine" rm -f "$name" >/dev/null 2>&1 || true
  "$engine" volume rm -f "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT
token=image-test-token
"$engine" run -d --name "$name" --read-only --tmpfs /tmp -v "$name:/data" -p 127.0.0.1::3000 \
  -e DRY_RUN=true -e WEBHOOK_SECRET=image-test-secret -e ALERTMANAGER_TOKEN=$token -e ALLOWED_REPOS='my-org/*' "$tag" >/dev/null
port=$("$engine" port "$name" 3000/tcp | head -n1 | sed 's/.*://')
base=http://127.0.0.1:$port

fail() {
  echo "error: $*" >&2
  "$engine" logs "$name" >&2 || true
  exit 1
}
for _ in $(seq 60); do
  curl -fsS "$base/livez" >/dev/null 2>&1 && break
  "$engine" inspect -f '{{.State.Running}}' "$name" | grep -q true || fail "the container stopped"
  sleep 1
done
curl -fsS "$base/livez" >/dev/null || fail "/livez did not answer within 60 s"
curl -fsS "$base/readyz" | grep -q '"ready"' || fail "/readyz is not ready: $(curl -sS "$base/readyz")"
"$engine" exec "$name" dotnet /app/GitHubIncidentApp.dll healthcheck || fail "the image's healthcheck command failed"
[[ $("$engine" inspect -f '{{.Config.User}}' "$tag") == 1654 ]] || fail "the image does not run as user 1654"
"$engine" image inspect "$tag" | grep -q '"healthcheck"' || fail "the image has no HEALTHCHECK running the healthcheck command"

status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$base/api/alertmanager/my-org/incidents" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @examples/alertmanager/firing-critical.json)
[[ $status == 202 ]] || fail "the sample alert was answered $status, not 202"
for _ in $(seq 30); do
  curl -fsS "$base/healthz" | grep -q '"pending":0' && break
  sleep 1
done
curl -fsS "$base/healthz" | grep -q '"mode":"dry-run"' || fail "/healthz does not show the dry run: $(curl -sS "$base/healthz")"
"$engine" logs "$name" 2>&1 | grep -q 'would create issue in my-org/incidents' || fail "the alert was not processed"
echo "ok: $tag built with $engine; read-only root filesystem, user 1654, /livez, /readyz, healthcheck and a dry-run alert"
