from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "The council"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules(
            "synthetic"
        )  # each app's <app>/synthetic.py contributes (council.synthetic.registry)
