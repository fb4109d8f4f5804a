"""Django's Tasks API, from Django itself once it has one (6.0), else from the django-tasks backport.

Every task of the project is declared with ``task`` from here and enqueued with
``Task.enqueue``; which backend runs it (the database and ``manage.py db_worker``, or RQ on
Redis) is chosen by ``settings.TASKS`` (SAKIP_ANTRIAN, docs/deploy.md). Moving to Django 6 means
dropping the backport from requirements.in and INSTALLED_APPS: no code imports it but this
module.
"""

from __future__ import annotations

try:  # Django 6.0 and later
    from django.tasks import TaskResultStatus, default_task_backend, task, task_backends
    from django.tasks.backends.immediate import ImmediateBackend
    from django.tasks.signals import task_started
except ImportError:  # Django 5.2: the backport
    from django_tasks import TaskResultStatus, default_task_backend, task, task_backends
    from django_tasks.backends.immediate import ImmediateBackend
    from django_tasks.signals import task_started

__all__ = [
    "ImmediateBackend",
    "TaskResultStatus",
    "default_task_backend",
    "task",
    "task_backends",
    "task_started",
]
