#!/usr/bin/env python3
"""Relays Alertmanager webhooks to GitHub's repository_dispatch, for the GitHub Action.

Alertmanager cannot call POST /repos/{owner}/{repo}/dispatches itself: the body must be
{"event_type": ..., "client_payload": {...}}. This relay takes Alertmanager's POST, checks its bearer
token, and sends the body as client_payload.payload with event type "alertmanager". Python's standard
library only. Settings (environment):

  GITHUB_REPOSITORY   owner/repo whose workflow runs the Action (required)
  GITHUB_TOKEN        a token that may create dispatches there: fine-grained "Contents: write", classic
                      "repo", or a GitHub App's installation token; or GITHUB_TOKEN_FILE, a file holding it
  RELAY_TOKEN         the bearer token Alertmanager sends (http_config.authorization.credentials); or
                      RELAY_TOKEN_FILE (required: without it anyone reaching the relay could open incidents)
  LISTEN              host:port to listen on (default 0.0.0.0:9095; port 0 picks a free one)
  GITHUB_API_URL      the API's base URL (default https://api.github.com; GitHub Enterprise: https://HOST/api/v3)

Answers Alertmanager 204 once GitHub accepted the dispatch; 502 when GitHub failed or could not be
reached, or rate-limited the call (Alertmanager retries 5xx); 400 when GitHub refused the request itself
(a payload over its limits), which a retry would not change.
"""

import hmac
import json
import os
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EVENT_TYPE = "alertmanager"  # the type the Action's workflow listens for (repository_dispatch: types)
MAX_BODY = 1024 * 1024  # GitHub takes under 64 KB anyway; this only bounds what the relay reads
TIMEOUT_SECONDS = 10


def setting(name, default=None):
    """The variable NAME, else the content of the file NAME_FILE names (trailing newline dropped)."""
    value = os.environ.get(name)
    if not value and os.environ.get(name + "_FILE"):
        with open(os.environ[name + "_FILE"], encoding="utf-8") as file:
            value = file.read().strip()
    if not value and default is None:
        sys.exit(f"relay: set {name} (or {name}_FILE)")
    return value or default


class Relay(BaseHTTPRequestHandler):
    """One Alertmanager delivery in, one dispatch out."""

    server_version = "incident-relay"

    def do_GET(self):
        self.answer(200 if self.path == "/healthz" else 404, "ok" if self.path == "/healthz" else "not found")

    def do_POST(self):
        expected = f"Bearer {self.server.relay_token}".encode()
        if not hmac.compare_digest(self.headers.get("Authorization", "").encode(), expected):
            return self.answer(401, "send Authorization: Bearer <RELAY_TOKEN>")
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            return self.answer(413 if length > MAX_BODY else 400, "expected an Alertmanager webhook body")
        try:
            payload = json.loads(self.rfile.read(length))
        except ValueError:
            return self.answer(400, "the body is not JSON")
        if not isinstance(payload, dict):
            return self.answer(400, "the body is not a JSON object")

        # Wrapped under "payload": GitHub allows only 10 top-level keys in client_payload, and the body has 10.
        dispatch = json.dumps({"event_type": EVENT_TYPE, "client_payload": {"payload": payload}}).encode()
        request = urllib.request.Request(
            f"{self.server.api_url}/repos/{self.server.repository}/dispatches",
            data=dispatch,
            method="POST",
            headers={
                "Authorization": f"Bearer {self.server.github_token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
                "User-Agent": "incident-relay",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return self.answer(204)
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:500]
            retry = error.code >= 500 or error.code == 429 or (error.code == 403 and "rate limit" in detail.lower())
            return self.answer(502 if retry else 400, f"GitHub answered {error.code}: {detail}")
        except (urllib.error.URLError, TimeoutError) as error:
            return self.answer(502, f"GitHub could not be reached: {error}")

    def answer(self, status, message=""):
        body = (message + "\n").encode() if message else b""
        self.send_response(status)
        if body:
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if status >= 300:
            self.log_message("%s %s -> %d %s", self.command, self.path, status, message)

    def log_request(self, code="-", size="-"):
        pass  # failures are logged by answer(); a line per delivery would only repeat Alertmanager's own log


def main():
    repository, github_token = setting("GITHUB_REPOSITORY"), setting("GITHUB_TOKEN")
    relay_token, api_url = setting("RELAY_TOKEN"), setting("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    host, _, port = os.environ.get("LISTEN", "0.0.0.0:9095").rpartition(":")
    server = ThreadingHTTPServer((host or "0.0.0.0", int(port)), Relay)
    server.repository, server.github_token, server.relay_token, server.api_url = repository, github_token, relay_token, api_url
    bound_host, bound_port = server.server_address[:2]
    print(f"relay: listening on http://{bound_host}:{bound_port}, dispatching to {repository}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
