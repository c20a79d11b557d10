"""Fetching web pages and feeds safely: http(s) only, bounded, and kept off private networks.

`fetch(url, settings)` follows at most `QA_FETCH_MAX_REDIRECTS` redirects by hand, and before
every hop resolves the host and refuses loopback, private, link-local (cloud metadata),
multicast, reserved and unspecified addresses unless `QA_FETCH_ALLOW_PRIVATE=1`; the socket is
then opened to the address that was checked (`GuardedBackend`), so DNS cannot answer
differently between the check and the connection. Bodies are
read up to `QA_MAX_UPLOAD_MB`; every request has `QA_FETCH_TIMEOUT_S`. Every failure is a
`FetchError` whose one-line message names the address and says why.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from qa.settings import Settings

USER_AGENT = "qa-news/0.1 (news question answering; +https://pypi.org/project/qa-news/)"
URL_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+xml"}


class FetchError(ValueError):
    """A page or feed cannot be fetched; the message names the address and says why."""


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: the address asked for, where it ended up, its type and bytes."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    charset: str | None = None


def is_url(text: str) -> bool:
    """True for anything written as an address with a scheme (http://, ftp://, file://...)."""
    return bool(URL_RE.match(str(text).strip()))


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified)


def allowed_addresses(host: str, port: int, allow_private: bool = False) -> list[str]:
    """The IP addresses `host` resolves to; `FetchError` when it does not resolve or (unless
    `allow_private`) when any of them is loopback, private, link-local or otherwise internal."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"host {host} not found") from exc
    ips = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    for ip in ips if not allow_private else []:
        if _refused(ipaddress.ip_address(ip)):
            raise FetchError(f"{host} resolves to {ip}, a private, loopback or link-local "
                             "address; refused (set QA_FETCH_ALLOW_PRIVATE=1 to allow it)")
    return ips


def check_address(url: str, allow_private: bool = False) -> None:
    """Refuse non-http(s) addresses and, unless allowed, hosts resolving to private networks."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchError(f"{url}: only http and https addresses can be read "
                         f"(not {parts.scheme or 'no scheme'})")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the address has no host name")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"{url}: bad port in the address") from exc
    try:
        allowed_addresses(host, port, allow_private)
    except FetchError as exc:
        raise FetchError(f"{url}: {exc}") from exc


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's sockets, opened only to an address the guard has just checked: the host is
    resolved once and the connection made to that very address (no DNS rebinding between the
    check and the connection). TLS still verifies the certificate against the host name."""

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        """Resolve, check, then connect to the checked address."""
        failure: Exception | None = None
        for ip in allowed_addresses(host, port, self.allow_private):  # e.g. IPv6, then IPv4
            try:
                return super().connect_tcp(ip, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"{host} has no address")


def _transport(allow_private: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no parameter for httpcore's network backend; the pool reads this attribute.
    transport._pool._network_backend = GuardedBackend(allow_private)
    return transport


def fetch(url: str, settings: Settings) -> Fetched:
    """GET `url` with every safety rule applied; raises `FetchError` with a one-line reason."""
    url = url.strip()
    limit = settings.max_upload_mb * 1024 * 1024
    current = url
    with httpx.Client(follow_redirects=False, trust_env=False,
                      transport=_transport(settings.fetch_allow_private),
                      timeout=httpx.Timeout(settings.fetch_timeout_s),
                      headers={"User-Agent": USER_AGENT,
                               "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                         "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
                      ) as client:
        for _ in range(settings.fetch_max_redirects + 1):
            try:
                check_address(current, settings.fetch_allow_private)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(f"{url}: redirected to {exc}") from exc
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{url}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: the server answered HTTP "
                                         f"{response.status_code} {response.reason_phrase}")
                    body = _read_capped(response, url, limit)
                    ctype = response.headers.get("content-type", "")
                    return Fetched(url=url, final_url=str(response.url),
                                   content_type=ctype.split(";")[0].strip().lower(), body=body,
                                   charset=response.charset_encoding)
            except FetchError as exc:  # refused by GuardedBackend at connection time
                if str(exc).startswith(url):
                    raise
                raise FetchError(f"{url}: {exc}") from exc
            except httpx.TimeoutException as exc:
                raise FetchError(f"{url}: no answer within {settings.fetch_timeout_s:g} s"
                                 ) from exc
            except httpx.ConnectError as exc:
                raise FetchError(f"{url}: cannot connect to {urlsplit(current).netloc} "
                                 "(host down or unreachable)") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: the transfer failed ({type(exc).__name__})") from exc
    raise FetchError(f"{url}: more than {settings.fetch_max_redirects} redirects")


def _read_capped(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: {int(declared) / 1e6:.0f} MB is over the "
                         f"{limit / 1e6:.0f} MB limit (QA_MAX_UPLOAD_MB)")
    data = bytearray()
    for part in response.iter_bytes():
        data += part
        if len(data) > limit:
            raise FetchError(f"{url}: over the {limit / 1e6:.0f} MB limit (QA_MAX_UPLOAD_MB)")
    return bytes(data)
