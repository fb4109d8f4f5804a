from laporan.urls_dokumen import urlpatterns as dokumen_urls
from laporan.urls_reviu import urlpatterns as reviu_urls

app_name = "laporan"
urlpatterns = [*dokumen_urls, *reviu_urls]
