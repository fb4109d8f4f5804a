"""``/sehat/``: the health check for the reverse proxy, the load balancer or a monitor.

No login and no session: it answers ``200 ok`` when the application runs and its database
answers one query, ``503`` otherwise, and says nothing more (no version, no settings).
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def sehat(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "basis data tidak menjawab\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
