"""`briefgen watch --serve`: the HTML preview on 127.0.0.1 reloads after a rebuild."""

from __future__ import annotations

import os
import time
import urllib.request

from briefgen.regen.preview import page_with_reload, start_preview


def fetch(server, path: str) -> str:
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def test_served_page_has_reload_script_and_version_changes_on_rebuild(tmp_path):
    html = tmp_path / "brief.html"
    html.write_text('<html><head><meta http-equiv="Content-Security-Policy" content="script-src '
                    "'none'\"></head><body><p>144개</p></body></html>", "utf-8")
    server = start_preview(html, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        page = fetch(server, "/")
        assert "144개" in page and "/__version" in page and "Content-Security-Policy" not in page
        before = fetch(server, "/__version")
        replacement = tmp_path / ".brief.html.tmp"
        replacement.write_text("<html><body><p>150개</p></body></html>", "utf-8")
        time.sleep(0.01)
        os.replace(replacement, html)  # what an atomic rebuild does
        assert fetch(server, "/__version") != before
        assert "150개" in fetch(server, "/")
    finally:
        server.shutdown()
        server.server_close()


def test_reload_script_goes_before_the_end_of_body():
    page = page_with_reload("<html><body><p>x</p></body></html>")
    assert page.index("<script>") < page.index("</body>")
