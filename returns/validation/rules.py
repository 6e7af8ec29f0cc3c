"""The two registries, and the modules that fill them (imported here so a registry is always complete)."""
from .registry import Registry

CIN = Registry("CIN census")
SSDA903 = Registry("SSDA903")


def load():
    from . import cin_child, cin_episodes, ssda903_rules, ssda903_social_workers  # noqa: F401  (they register)


load()
