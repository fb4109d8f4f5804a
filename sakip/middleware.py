"""Project middleware: Indonesian first, request ids for the log, the Permissions-Policy header."""

import contextvars
import logging
import re
import uuid

from django.conf import settings


class IndonesiaDulu:
    """Bahasa Indonesia unless the user picks English: the browser's Accept-Language is ignored,
    so a phone set to English still gets the Indonesian UI; the language switcher's cookie wins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


# --- request ids --------------------------------------------------------------------------------
_id_permintaan = contextvars.ContextVar("id_permintaan", default="-")
_ID_DARI_PROXY = re.compile(r"[A-Za-z0-9._-]{8,64}")


class IdPermintaan:
    """Gives each request an id: in ``request.id_permintaan``, in every log line written while it
    runs (FilterIdPermintaan) and in the ``X-Request-ID`` response header, so a user's report of an
    error page can be found in the log. A trusted proxy's own ``X-Request-ID`` is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dari_proxy = request.META.get("HTTP_X_REQUEST_ID", "")
        if getattr(settings, "PROXY_TEPERCAYA", 0) > 0 and _ID_DARI_PROXY.fullmatch(dari_proxy):
            rid = dari_proxy
        else:
            rid = uuid.uuid4().hex
        request.id_permintaan = rid
        token = _id_permintaan.set(rid)
        try:
            response = self.get_response(request)
        finally:
            _id_permintaan.reset(token)
        response["X-Request-ID"] = rid
        return response


class FilterIdPermintaan(logging.Filter):
    """Adds ``id_permintaan`` to every log record ("-" outside a request)."""

    def filter(self, record):
        record.id_permintaan = _id_permintaan.get()
        return True


class KebijakanIzinBrowser:
    """Sends ``Permissions-Policy`` (settings.KEBIJAKAN_IZIN_BROWSER) on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.KEBIJAKAN_IZIN_BROWSER)
        return response
