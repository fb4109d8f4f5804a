# SAKIP platform — the two commands: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint check check-deploy bench bench-web bench-antrian bench-nasional clean screenshots screenshots-lkip

# Idempotent set-up: virtualenv + locked dependencies (hash-checked).
install: $(STAMP)

# Debian packages the tests need: chromium (browser tests), LibreOffice Writer (DOCX -> PDF),
# poppler-utils (pdftoppm page images), fonts, redis-server (.ci/run's task tests on RQ). Installed
# only when missing.
APT_PACKAGES := chromium libreoffice-writer-nogui poppler-utils fonts-liberation2 fonts-dejavu-core python3-uno \
  redis-server

$(STAMP): requirements.txt package-lock.json
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	npm ci --no-audit --no-fund --silent
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $(STAMP)

# Development: DEBUG on and a key that is only ever used on this machine (settings refuse to start
# without DJANGO_SECRET_KEY). Production sets its own environment: docs/deploy.md.
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY=dev-only-key-for-make-run-never-deployed-0123456789abcdef

# The web server and one worker of the task queue (sakip/jalan.sh): Ctrl-C stops both.
run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py buat_pengguna_demo
	$(DEV_ENV) $(BIN)/python manage.py siapkan_dasbor --tahun 2024
	$(DEV_ENV) sakip/jalan.sh $(BIN)/python $(HOST):$(PORT)

# Two workers on a 2-core machine (pytest-xdist, -n auto = one per core); each worker has its own
# test database (test_<name>_gw0, _gw1 on PostgreSQL; in memory on SQLite). worksteal: an idle
# worker takes tests queued on the other, so a few slow PDF tests do not leave one core idle.
test: install
	$(BIN)/python -m pytest -q -n auto --dist worksteal

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Django's system checks and no model change without its migration.
check: install
	$(DEV_ENV) $(BIN)/python manage.py check
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

# The deployment checks under the production environment documented in docs/deploy.md (example
# values; the key here is a placeholder of the right shape, never a real one).
DEPLOY_ENV := DJANGO_SECRET_KEY=check-deploy-placeholder-key-0123456789-abcdefghijklmnopqrstuvwxyz \
  DJANGO_ALLOWED_HOSTS=kinerja.example.go.id DJANGO_CSRF_TRUSTED_ORIGINS=https://kinerja.example.go.id \
  DJANGO_PROXY_SSL_HEADER=X-Forwarded-Proto SAKIP_PROXY_TEPERCAYA=1 \
  DJANGO_HSTS_INCLUDE_SUBDOMAINS=1 DJANGO_HSTS_PRELOAD=1
check-deploy: install
	env -u DJANGO_DEBUG $(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: install
	$(BIN)/python benchmarks/bench_core.py

# Dashboards under load: gunicorn (2 workers) + PostgreSQL at 127.0.0.1:5432, 500 synthetic units.
bench-web: install
	$(BIN)/python benchmarks/bench_web.py

# The survey and the dashboards while the task workers (manage.py db_worker) make 10 LKIP PDFs,
# against the same load without documents: gunicorn (2 workers) + PostgreSQL at 127.0.0.1:5432.
bench-antrian: install
	$(BIN)/python benchmarks/bench_antrian.py

# National scale (#18): 550 pemda, 20,000 units, 200,000 indicators, 10,000,000 SKM answers on
# PostgreSQL at 127.0.0.1:5432; IKM from the running sums vs the GROUP BY, the pemda capaian API
# page at 20 users, survey intake with the sums maintained, EXPLAIN. NASIONAL_ARGS: e.g. --jumlah-sesudah.
bench-nasional: install
	$(BIN)/python benchmarks/bench_nasional.py $(NASIONAL_ARGS)

# Page images for docs/screenshots/ and the user guide's docs/panduan/gambar/ (the browser tests
# write them when SAKIP_SCREENSHOTS is set).
screenshots: install screenshots-lkip
	mkdir -p docs/screenshots docs/panduan/gambar
	SAKIP_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/test_dasbor_browser.py tests/test_realisasi_browser.py \
	  tests/test_panduan_browser.py

# LKIP PDF pages (cover, cash plan, capaian table, an IKU analysis, a chart, the budget table), the PK
# and the LHE cover, from a throw-away demo database.
LKIP_TMP := /tmp/sakip-screenshots-lkip
LKIP_ENV := $(DEV_ENV) DATABASE_URL=sqlite:///$(LKIP_TMP)/db.sqlite3
screenshots-lkip: install
	rm -rf $(LKIP_TMP) && mkdir -p $(LKIP_TMP) docs/screenshots
	$(LKIP_ENV) $(BIN)/python manage.py migrate -v0
	$(LKIP_ENV) $(BIN)/python manage.py load_demo >/dev/null
	$(LKIP_ENV) $(BIN)/python manage.py buat_pengguna_demo >/dev/null
	$(LKIP_ENV) $(BIN)/python manage.py lkip --instansi bantargebang --tahun 2024 --out $(LKIP_TMP)/lkip.pdf
	$(LKIP_ENV) $(BIN)/python manage.py perjanjian --instansi bantargebang --tahun 2024 --out $(LKIP_TMP)/pk.pdf
	$(LKIP_ENV) SAKIP_LHE_CONTOH=$(LKIP_TMP)/lhe.pdf $(BIN)/python manage.py shell < laporan/templat/lhe_contoh.py
	for kv in $$($(BIN)/python laporan/templat/halaman_contoh.py $(LKIP_TMP)/lkip.pdf); do \
	  pdftoppm -png -r 60 -f $${kv#*=} -l $${kv#*=} -singlefile $(LKIP_TMP)/lkip.pdf docs/screenshots/lkip-$${kv%%=*}; \
	done
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(LKIP_TMP)/pk.pdf docs/screenshots/pk-halaman1
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(LKIP_TMP)/lhe.pdf docs/screenshots/lhe-sampul
	rm -rf $(LKIP_TMP)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache
