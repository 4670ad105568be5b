"""Settings for running on a developer's or analyst's own machine."""
import os

os.environ.setdefault("SECRET_KEY", "local-only-insecure-key-do-not-deploy")
os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F401,F403
