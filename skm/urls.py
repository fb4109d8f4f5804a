app_name = "skm"
urlpatterns = []
