"""The API's OpenAPI document and docs page: /api/v1/openapi.json validates against the OpenAPI 3.1
meta-schema (the one schemathesis ships), declares the Bearer scheme and every operation; the
docs page loads Swagger UI from our own static files (django-ninja's), no CDN, no inline script."""

import re

import pytest
from django.test import Client
from schemathesis.specs.openapi import definitions

pytestmark = pytest.mark.django_db


def test_openapi_json_validates_as_openapi_3():
    r = Client().get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    errors = [e.message for e in definitions.OPENAPI_31_VALIDATOR.iter_errors(doc)]
    assert not errors, errors[:5]
    assert doc["components"]["securitySchemes"]["TokenOpsional"] == {"type": "http", "scheme": "bearer"}
    paths = doc["paths"]
    assert "/api/v1/instansi/{slug}/capaian/{tahun}" in paths
    assert "put" in paths["/api/v1/instansi/{slug}/realisasi/{tahun}/{periode}"]
    # every operation documents its refusals with the Indonesian message shape
    for path, ops in paths.items():
        for method, op in ops.items():
            assert {"200", "400", "401", "403", "404"} <= set(op["responses"]), (method, path)


def test_docs_page_is_served_from_local_static_files_under_the_csp():
    r = Client().get("/api/v1/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui.css" in html
    assert not re.search(r"https?://(?!localhost)", html.replace("http://www.w3.org", "")), "no CDN"
    # every <script> has a src (ours) or is a JSON data block: nothing inline to execute
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
