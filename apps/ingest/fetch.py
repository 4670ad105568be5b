"""A page fetched by its address, for the importer: within a time, a size and the types it reads.

The worker fetches what a curator pasted, so an address must not make the server reach what only
it can reach (its own ports, the office network, a cloud's metadata address at 169.254.169.254).
Every address, and every redirect's, is checked the same way: http or https, and a host whose
every IP address is public or in a network ``IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS`` lists. The connection goes to
the very IP address that was checked (the Host header and the TLS name stay the host's), so a name
that resolves to a public address when checked and a private one a moment later (DNS rebinding)
gets nowhere. Redirects are followed here, hop by hop, never by the HTTP library.

Python's own ``http.client`` does the HTTP: it lets the socket be opened to a chosen address,
and the project pins no HTTP client.
"""
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from apps.ingest.decode import DecodeError
from apps.ingest.notes import N_, note

# What the importer reads, by the Content-Type the server sends: the suffix it reads it as.
ACCEPTED_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
# Sites often send attachments as bytes of no stated kind: then the address's suffix tells.
UNTYPED = {"application/octet-stream", "binary/octet-stream", "application/x-download", "application/download"}
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
MAX_URL_LENGTH = 500  # Document.source_url's length
USER_AGENT = "policytracker-importer/1.0"


class FetchRefused(DecodeError):
    """An address the importer will not fetch, or whose answer it will not read; ``note`` says why."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # as given
    final_url: str  # after redirects
    suffix: str  # how the importer reads it (.html, .txt, .pdf, .docx)
    content: bytes


def _refused(message: str, **values) -> FetchRefused:
    return FetchRefused(note(message, **values))


def url_refusal(url: str) -> FetchRefused | None:
    """Why an address cannot be fetched whatever it resolves to (scheme, host, length); None when it can be tried."""
    if len(url) > MAX_URL_LENGTH:
        return _refused(N_("网址太长：超过 %(limit)s 个字符"), limit=MAX_URL_LENGTH)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError:
        return _refused(N_("网址无法识别：%(url)s"), url=url)
    if parts.scheme.lower() not in ("http", "https"):
        return _refused(N_("不支持的网址类型 “%(scheme)s”：只导入 http:// 或 https:// 开头的网址"), scheme=parts.scheme or url)
    if not parts.hostname:
        return _refused(N_("网址中没有主机名：%(url)s"), url=url)
    if parts.username or parts.password:
        return _refused(N_("网址中不能带用户名或密码：%(url)s"), url=url)
    return None


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (address.is_multicast or address.is_reserved)


def _allowed(address, allowed_networks: list) -> bool:
    return _public(address) or any(address in network for network in allowed_networks if network.version == address.version)


def _address(host: str, port: int, allowed_networks: list) -> str:
    """The IP address to connect to: the first the name resolves to, every one of them checked
    (a name that also resolves to an inside address is refused, whichever one a client would pick)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise _refused(N_("找不到主机 “%(host)s”（域名无法解析）"), host=host) from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    inside = next((a for a in addresses if not _allowed(a, allowed_networks)), None)
    if inside is not None:
        raise _refused(
            N_("网址 “%(host)s” 指向内部网络地址 %(address)s（本机、局域网、链路本地、组播或保留地址）：为安全起见不抓取"),
            host=host, address=str(inside),
        )
    return str(addresses[0])


@cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def _connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    """An HTTP(S) connection to ``host`` whose socket goes to ``address`` (already checked)."""
    if scheme == "https":
        connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=_tls_context())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)

    def pinned(_host_and_port, timeout, source_address=None):
        return socket.create_connection((address, port), timeout, source_address)

    connection._create_connection = pinned
    return connection


def page_fetch(url: str) -> FetchedPage:
    """The page at ``url``, redirects followed within the same rules; FetchRefused with the reason otherwise."""
    allowed_networks = [ipaddress.ip_network(n, strict=False) for n in settings.IMPORT_FETCH_ALLOW_PRIVATE_NETWORKS]
    timeout, max_bytes = settings.IMPORT_FETCH_TIMEOUT_SECONDS, settings.IMPORT_MAX_BYTES
    deadline = time.monotonic() + timeout
    current = url.strip()
    for _hop in range(settings.IMPORT_FETCH_MAX_REDIRECTS + 1):
        refusal = url_refusal(current)
        if refusal:
            raise refusal
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        port = parts.port or (443 if scheme == "https" else 80)
        address = _address(parts.hostname, port, allowed_networks)
        connection = _connection(scheme, parts.hostname, port, address, max(0.1, deadline - time.monotonic()))
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", target, headers={
                "User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Accept": "text/html,text/plain,application/pdf,*/*;q=0.5",
            })
            response = connection.getresponse()
            if response.status in REDIRECTS and response.getheader("Location"):
                current = urljoin(current, response.getheader("Location").strip())
                continue
            return FetchedPage(url, current, _suffix(response, parts.path), _body(response, max_bytes, deadline))
        except TimeoutError:
            raise _refused(N_("抓取超时：%(seconds)s 秒内没有取完"), seconds=timeout) from None
        except (OSError, http.client.HTTPException) as error:
            if time.monotonic() >= deadline:
                raise _refused(N_("抓取超时：%(seconds)s 秒内没有取完"), seconds=timeout) from None
            raise _refused(N_("无法连接或读取网页：%(reason)s"), reason=str(error) or type(error).__name__) from None
        finally:
            connection.close()
    raise _refused(N_("重定向次数太多：超过 %(limit)s 次"), limit=settings.IMPORT_FETCH_MAX_REDIRECTS)


def _suffix(response: http.client.HTTPResponse, path: str) -> str:
    if response.status != 200:
        raise _refused(N_("服务器回答 HTTP %(status)s，不是页面"), status=response.status)
    if (response.getheader("Content-Encoding") or "identity").lower() != "identity":
        raise _refused(N_("服务器压缩了内容（%(encoding)s），无法读取"), encoding=response.getheader("Content-Encoding"))
    kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if kind in ACCEPTED_TYPES:
        return ACCEPTED_TYPES[kind]
    named = PurePosixPath(path).suffix.lower()
    if kind in UNTYPED and named in set(ACCEPTED_TYPES.values()) | {".htm"}:
        return named
    raise _refused(
        N_("不支持的内容类型 “%(type)s”：只导入网页（HTML）、纯文本、PDF 和 Word(.docx)"), type=kind or "?",
    )


def _body(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    """The body, read in pieces and abandoned past ``max_bytes`` or the deadline (a server may drip)."""
    too_large = _refused(N_("网页太大：超过 %(limit)s 字节"), limit=f"{max_bytes:,}")
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    pieces, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        if time.monotonic() > deadline:
            raise TimeoutError
        pieces.append(chunk)
    return b"".join(pieces)
