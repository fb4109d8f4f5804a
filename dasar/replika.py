"""Reads of the public portal and the API from a read replica of PostgreSQL, when one is configured.

``DATABASE_REPLICA_URL`` (docs/deploy.md) adds the database alias ``replika``: a streaming replica
of the primary. The router ``RuteReplika`` (settings ``DATABASE_ROUTERS``) sends a read there only
while a request that may read stale data is being answered — a GET or HEAD under one of
``settings.SAKIP_REPLIKA_AWALAN`` (the portal ``/publik/`` and the API ``/api/``), marked by the
middleware ``BacaReplika``. Everything else reads the primary: the operators' pages must see what
they have just saved, and every write goes to the primary whatever the request (a replica is read
only). Migrations run on the primary only; the replica receives them by replication.

Without ``DATABASE_REPLICA_URL`` there is no ``replika`` alias and the router answers ``None``
(Django's default database) for everything.
"""

from contextvars import ContextVar

from django.conf import settings

ALIAS = "replika"
UTAMA = "default"

# True while a request whose reads may come from the replica is answered (one value per thread /
# task: a ContextVar, so concurrent requests of a threaded or async server do not see each other's).
_boleh_replika: ContextVar[bool] = ContextVar("sakip_boleh_replika", default=False)


def replika_terpasang() -> bool:
    """Is a replica configured (the ``replika`` alias in DATABASES)?"""
    return ALIAS in settings.DATABASES


class RuteReplika:
    """Database router: reads of marked requests from the replica, all else from the primary."""

    def db_for_read(self, model, **hints):
        if _boleh_replika.get() and replika_terpasang():
            return ALIAS
        return None

    def db_for_write(self, model, **hints):
        return UTAMA

    def allow_relation(self, obj1, obj2, **hints):
        # the replica holds the same rows as the primary: an object read from one may relate to one
        # read from the other
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != ALIAS


class BacaReplika:
    """Middleware: marks GET/HEAD requests under ``SAKIP_REPLIKA_AWALAN`` as replica readers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        boleh = request.method in ("GET", "HEAD") and request.path.startswith(
            tuple(settings.SAKIP_REPLIKA_AWALAN)
        )
        token = _boleh_replika.set(boleh)
        try:
            return self.get_response(request)
        finally:
            _boleh_replika.reset(token)
