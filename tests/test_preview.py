"""`briefgen watch --serve`: the HTML preview on 127.0.0.1 reloads after a rebuild."""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import time
import urllib.request

import pytest

from briefgen.regen.preview import PREVIEW_CSP, page_with_reload, start_preview
from briefgen.writers.html.writer import CSP


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
        assert "144개" in page and "/__version" in page
        assert page.count("Content-Security-Policy") == 1 and "script-src 'none'" not in page
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


@pytest.fixture()
def server(tmp_path):
    html = tmp_path / "brief.html"
    html.write_text(f'<html><head><meta http-equiv="Content-Security-Policy" content="{CSP}">'
                    "</head><body><p>144개</p></body></html>", "utf-8")
    server = start_preview(html, port=0)
    yield server
    server.shutdown()
    server.server_close()


def request(server, host: str | None, path: str = "/") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    connection.putrequest("GET", path, skip_host=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    return connection.getresponse()


def test_served_page_keeps_a_policy_that_allows_only_the_reload_script(server):
    """Issue 17: a script that got into the page (e.g. through a theme value) does not run in
    the preview: the policy, as a header and in the page, allows the reload script by hash."""
    response = request(server, f"127.0.0.1:{server.server_address[1]}")
    page = response.read().decode("utf-8")
    assert response.status == 200 and response.getheader("Content-Security-Policy") == PREVIEW_CSP
    assert f'content="{PREVIEW_CSP}"' in page and f'content="{CSP}"' not in page
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in PREVIEW_CSP
    assert "unsafe-inline" not in PREVIEW_CSP.split("script-src")[1]
    assert "default-src 'none'" in PREVIEW_CSP and "connect-src 'self'" in PREVIEW_CSP


@pytest.mark.parametrize("host", ["{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_preview_answers_for_its_own_host(server, host):
    port = server.server_address[1]
    host = f"127.0.0.1:{port}" if host == "{port}" else host.format(port=port)
    assert request(server, host).status == 200
    assert request(server, host, "/__version").status == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1", "localhost:1", "127.0.0.1.nip.io:{port}",
                                  "[::1]:{port}", ""])
def test_preview_refuses_other_hosts_with_421(server, host):
    """A DNS-rebinding page reaches 127.0.0.1 under its own name: it gets no page, no version."""
    host = host.format(port=server.server_address[1])
    for path in ("/", "/__version"):
        response = request(server, host, path)
        assert response.status == 421 and b"144" not in response.read()


def test_preview_refuses_a_request_without_host_with_400(server):
    assert request(server, None).status == 400
