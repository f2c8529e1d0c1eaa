"""SSRF guard: which URLs the crawler may fetch.

A URL is refused when its scheme is not http/https, when it has no host, or when its host is (or resolves
to) an address that is not globally routable: loopback, private (RFC 1918, ULA), link-local (169.254/16,
fe80::/10 — cloud metadata lives there), multicast, reserved, unspecified, shared (100.64/10), and so on.
A source with `allow_private = true` (local mirrors and tests only) may reach loopback and private
addresses; link-local, multicast and unspecified addresses stay refused for everyone.

IPv6 addresses that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) are judged by
that IPv4 address too, so `64:ff9b::7f00:1` is loopback and `2002:a9fe:a9fe::` is link-local.

The check runs on manual URLs when they are added and on every request the crawler schedules, which
covers redirect targets and cross-host links (crawlers.middlewares.SafetyMiddleware); the crawler's DNS
resolver checks each answer again (crawlers.middlewares.GuardedResolver) and `sources check` connects to
the very address it checked (crawlers.check)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]


class UnsafeURL(ValueError):
    """The URL must not be fetched; the message says why."""


class Unresolvable(UnsafeURL):
    """The host name does not resolve (here and now): it cannot be checked, so it is not fetched."""


def _system_resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolvable(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


@lru_cache(maxsize=4096)
def _cached_resolve(host: str) -> tuple[str, ...]:
    return tuple(_system_resolve(host))


_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[tuple[str, ipaddress.IPv4Address]]:
    """The IPv4 addresses an IPv6 address carries, with the form's name: IPv4-mapped (::ffff:a.b.c.d),
    IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48), 6to4 (2002::/16)
    and Teredo (2001::/32: server and client). A packet to such an address may end up at that IPv4."""
    found: list[tuple[str, ipaddress.IPv4Address]] = []
    value = int(ip)
    low32 = ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        found.append(("IPv4-mapped", ip.ipv4_mapped))
    elif value >> 32 == 0 and value > 1:  # ::a.b.c.d (:: and ::1 are the unspecified and loopback addresses)
        found.append(("IPv4-compatible", low32))
    if any(ip in net for net in _NAT64):
        found.append(("NAT64", low32))
    if ip.sixtofour is not None:
        found.append(("6to4", ip.sixtofour))
    if ip.teredo is not None:
        server, client = ip.teredo
        found += [("Teredo server", server), ("Teredo client", client)]
    return found


def address_problem(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why `ip` may not be contacted, or None when it may. An IPv6 address that carries an IPv4 address is
    refused when that IPv4 address would be, and then judged on its own as well."""
    if isinstance(ip, ipaddress.IPv6Address):
        for form, inner in embedded_ipv4(ip):
            problem = address_problem(inner, allow_private=allow_private)
            if problem:
                return f"{problem} ({inner}) inside an IPv6 address of the {form} form"
        if ip.ipv4_mapped is not None:
            return None  # exactly the IPv4 address, already judged above
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_link_local:
        return "link-local address (cloud metadata range)"
    if ip.is_multicast:
        return "multicast address"
    if ip.is_global:
        return None
    if allow_private and (ip.is_loopback or ip.is_private):
        return None
    if ip.is_loopback:
        return "loopback address"
    if ip.is_private:
        return "private address"
    return "non-global address"


def check_url(url: str, *, allow_private: bool = False, resolve: Resolver | None = None) -> str:
    """Return the URL's host when it may be fetched; raise UnsafeURL otherwise.

    `resolve` maps a host name to its addresses (default: the system resolver, cached per process)."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UnsafeURL(f"unparsable URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURL(f"scheme {scheme or '(none)'!r} refused: only http and https are fetched ({url})")
    try:
        host = (parts.hostname or "").rstrip(".")
        _ = parts.port  # raises on a bad port
    except ValueError as exc:
        raise UnsafeURL(f"bad host or port in {url!r}: {exc}") from exc
    if not host:
        raise UnsafeURL(f"no host in {url!r}")
    check_host(host, allow_private=allow_private, resolve=resolve, what=url)
    return host


def check_host(host: str, *, allow_private: bool = False, resolve: Resolver | None = None,
               what: str | None = None) -> list[IPAddress]:
    """The addresses `host` resolves to, every one of them allowed; UnsafeURL otherwise. Connect to one of
    these (not to a fresh resolution of the name) so that what was checked is what is contacted."""
    host = host.strip("[]").rstrip(".")
    what = what or host
    try:
        literal: IPAddress | None = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    elif host.lower() == "localhost" or host.lower().endswith(".localhost"):
        addresses = [ipaddress.ip_address("127.0.0.1")]
    else:
        found = resolve(host) if resolve else list(_cached_resolve(host.lower()))
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
        except ValueError as exc:
            raise UnsafeURL(f"host {host!r} resolved to something that is not an address: {exc}") from exc
        if not addresses:
            raise UnsafeURL(f"host {host!r} resolved to no address")
    for ip in addresses:
        problem = address_problem(ip, allow_private=allow_private)
        if problem:
            private = problem in ("loopback address", "private address")
            hint = " (only a source with allow_private = true may reach it)" if private and not allow_private else ""
            raise UnsafeURL(f"{what} -> {ip}: {problem} refused{hint}")
    return addresses


def is_safe(url: str, *, allow_private: bool = False, resolve: Resolver | None = None) -> bool:
    try:
        check_url(url, allow_private=allow_private, resolve=resolve)
    except UnsafeURL:
        return False
    return True
