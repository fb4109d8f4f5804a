app_name = "laporan"
urlpatterns = []
