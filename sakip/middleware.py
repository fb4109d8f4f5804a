"""Bahasa Indonesia unless the user picks English: the browser's Accept-Language is ignored,
so a phone set to English still gets the Indonesian UI; the language switcher's cookie wins."""


class IndonesiaDulu:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
