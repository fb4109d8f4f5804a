"""The ground floor: plumbing several apps share (no models, no views).

Every app may import ``dasar``; ``dasar`` imports no app of this project (only Django, the
standard library and ``rumus``). The import-linter contracts in ``.importlinter`` enforce it.
"""
