"""A local preview of the HTML output that reloads itself after each rebuild.

``briefgen watch --serve`` serves the built ``output/<name>.html`` on 127.0.0.1 only. The
page is served with a small script that polls ``/__version`` (the file's size and mtime)
and reloads when a rebuild replaced the file; the file on disk stays script-free.
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
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
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)


def file_version(path: Path) -> str:
    """Changes whenever a build replaces the file (atomic rename gives a new mtime)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "missing"
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def page_with_reload(html: str) -> str:
    """The page as served: its no-script policy lifted and the reload script added."""
    html = _CSP.sub("", html, count=1)
    return html.replace("</body>", f"{RELOAD_SCRIPT}\n</body>", 1)


def start_preview(html_file: Path, port: int = 8000) -> ThreadingHTTPServer:
    """Serve ``html_file`` on 127.0.0.1:``port`` (0 picks a free port) in a daemon thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            if self.path == "/__version":
                self._send(file_version(html_file).encode(), "text/plain; charset=utf-8")
            elif self.path in ("/", "/index.html"):
                if html_file.exists():
                    body = page_with_reload(html_file.read_text("utf-8"))
                else:
                    body = "<p>no HTML output yet: the first build failed</p>" + RELOAD_SCRIPT
                self._send(body.encode("utf-8"), "text/html; charset=utf-8")
            else:
                self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # the watch loop prints one line per build; requests stay quiet

    server = ThreadingHTTPServer((HOST, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
