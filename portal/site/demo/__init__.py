"""Demonstration content for the portal: the facts in `data/` (YAML), the service in `loader`.

`manage.py load_demo` (run by `make run`) calls `loader.demo_load`; it is idempotent, so
the demo can be reloaded on every start without duplicating or overwriting anything.
"""
