"""Django's static files app, told which files of the front-end packages not to collect."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class ThriveStaticFilesConfig(StaticFilesConfig):
    """The MOJ Pattern Library ships a prebuilt `moj-frontend.min.css` whose images are not where it looks for
    them; Thrive compiles its own from the Sass (assets_src/moj.scss), so the prebuilt file is left out and
    the
    production storage's manifest, which checks every URL a stylesheet names, has nothing missing."""

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "moj-frontend.min.css"]
