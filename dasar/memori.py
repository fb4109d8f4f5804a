"""Memory management for bulk reads.

A national read (the IKM of 20 000 units × 4 periods, say) builds a few hundred thousand small
objects at once. Each of them counts towards CPython's cyclic garbage collector, whose full
collections walk every live object of the process — Django's own included — so most of such a
read's time went to collections that found nothing: the objects built there hold no reference
cycles and reference counting frees them as usual. ``tanpa_gc`` pauses the cyclic collector for
such a block only.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def tanpa_gc():
    """Pause the cyclic garbage collector for the block (reference counting still frees every
    object); re-enabled afterwards only if it was enabled before, so nested or concurrent uses
    leave it as they found it."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()
