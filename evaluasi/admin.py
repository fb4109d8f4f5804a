from django.contrib import admin

from .models import NilaiKomponen

admin.site.register(NilaiKomponen)
