"""A local preview of the HTML output that reloads itself after each rebuild.

``briefgen watch --serve`` serves the built ``output/<name>.html`` on 127.0.0.1 only. The
page is served with a small script that polls ``/__version`` (the file's size and mtime)
and reloads when a rebuild replaced the file; the file on disk stays script-free. The served
page keeps a Content-Security-Policy (as a header and in the page) that lets only that script
run, by its hash, and the server answers only requests addressed to itself (``Host``
127.0.0.1:PORT or localhost:PORT: 421 otherwise, 400 without one), so a web page cannot
reach it through a DNS name that points at 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from briefgen.cache.paths import read_small

HOST = "127.0.0.1"
MAX_PAGE = 512 << 20  # bytes of the HTML file served
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); } })
      .catch(function () {});
  }, 1000);
})();
</script>"""
_SCRIPT_HASH = base64.b64encode(
    hashlib.sha256(RELOAD_SCRIPT.removeprefix("<script>").removesuffix("</script>").encode()).digest()
).decode()
#: The written page's policy (no request but data-URI images and inline styles), plus the
#: reload script (by its hash) and its polling of this server.
PREVIEW_CSP = ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
               f"script-src 'sha256-{_SCRIPT_HASH}'; connect-src 'self'; base-uri 'none'; "
               "form-action 'none'; frame-ancestors 'none'")
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{PREVIEW_CSP}">'


def file_version(path: Path) -> str:
    """Changes whenever a build replaces the file (atomic rename gives a new mtime)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "missing"
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def page_with_reload(html: str) -> str:
    """The page as served: the reload script added, its policy allowing that script only."""
    html = _CSP.sub(lambda _: _CSP_META, html, count=1)
    return html.replace("</body>", f"{RELOAD_SCRIPT}\n</body>", 1)


def own_hosts(port: int) -> frozenset[str]:
    """The ``Host`` values of requests addressed to the preview server on ``port``."""
    return frozenset({f"{HOST}:{port}", f"localhost:{port}"})


def start_preview(html_file: Path, port: int = 8000) -> ThreadingHTTPServer:
    """Serve ``html_file`` on 127.0.0.1:``port`` (0 picks a free port) in a daemon thread."""
    hosts: set[str] = set()  # filled once the port is known

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            host = self.headers.get("Host")
            if host is None:
                self.send_error(400, "a Host header is required")
            elif host.lower() not in hosts:
                self.send_error(421, "this server answers only for its own address")
            elif self.path == "/__version":
                self._send(file_version(html_file).encode(), "text/plain; charset=utf-8")
            elif self.path in ("/", "/index.html"):
                page = read_small(html_file, MAX_PAGE)  # a regular file: never a FIFO or a link
                if page is not None:
                    body = page_with_reload(page.decode("utf-8", "replace"))
                else:
                    body = "<p>no HTML output yet: the first build failed</p>" + RELOAD_SCRIPT
                self._send(body.encode("utf-8"), "text/html; charset=utf-8")
            else:
                self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", PREVIEW_CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # the watch loop prints one line per build; requests stay quiet

    server = ThreadingHTTPServer((HOST, port), Handler)
    hosts.update(own_hosts(int(server.server_address[1])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
