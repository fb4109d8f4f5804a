from django.contrib import admin

from .models import Peran

admin.site.register(Peran)
