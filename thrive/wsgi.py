"""WSGI entry point; production deployments set DJANGO_SETTINGS_MODULE=thrive.settings.prod."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thrive.settings.prod")
application = get_wsgi_application()
