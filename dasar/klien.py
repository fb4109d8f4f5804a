"""The client's address, for rate limits and login throttles.

Behind reverse proxies ``REMOTE_ADDR`` is the nearest proxy. Each proxy appends the address it
received the connection from to ``X-Forwarded-For``, and everything to the left of what our own
proxies appended is whatever the client chose to send. With ``settings.PROXY_TEPERCAYA = n``
(environment ``SAKIP_PROXY_TEPERCAYA``, default 0) the client is therefore the n-th entry from
the right; entries further left are never read. With 0 the header is ignored entirely.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _alamat(teks: str) -> str | None:
    """The address in canonical form (IPv6 compressed), or None when ``teks`` is no IP address."""
    try:
        return str(ipaddress.ip_address(teks.strip()))
    except ValueError:
        return None


def alamat_klien(request) -> str:
    """The client's IP address as a string, trusting exactly ``settings.PROXY_TEPERCAYA`` proxies.

    A header with fewer entries than trusted proxies gives its leftmost entry (every entry there
    was written by one of our proxies); an entry that is not an IP address gives ``REMOTE_ADDR``
    (the header is not what our proxies write, so none of it is used)."""
    langsung = request.META.get("REMOTE_ADDR", "")
    n = getattr(settings, "PROXY_TEPERCAYA", 0)
    if n <= 0:
        return _alamat(langsung) or langsung
    rantai = [bagian.strip() for bagian in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    rantai = [bagian for bagian in rantai if bagian]
    if not rantai:
        return _alamat(langsung) or langsung
    pilihan = rantai[-n] if len(rantai) >= n else rantai[0]
    return _alamat(pilihan) or _alamat(langsung) or langsung
