from django.contrib import admin

from .models import RingkasanNRR

admin.site.register(RingkasanNRR)
