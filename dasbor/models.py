"""No models: the stored dashboard pages and their tokens are in the ``tembolok`` app."""
