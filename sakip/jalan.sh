#!/usr/bin/env bash
# `make run`: the development web server and one worker of the task queue (the database backend,
# docs/deploy.md "Antrian tugas"). Ctrl-C stops both: the terminal sends it to the web server and
# the worker alike (db_worker stops after the task it is running), and when the web server ends
# for any reason the EXIT trap stops the worker.
# Usage: sakip/jalan.sh PYTHON HOST:PORT
set -u
PY=$1
ALAMAT=$2
"$PY" manage.py db_worker --no-reload --no-startup-delay &
PEKERJA=$!
trap 'kill "$PEKERJA" 2>/dev/null; wait "$PEKERJA" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
"$PY" manage.py runserver "$ALAMAT"
