"""Saving imported records many at a time, with the history row each would have had from save()."""
from simple_history.utils import bulk_create_with_history

BATCH = 2000


def create_all(model, objects: list, user) -> list:
    """Insert objects in batches; models that keep history get their "created" history rows too."""
    if not objects:
        return objects
    if hasattr(model, "history"):
        return bulk_create_with_history(objects, model, batch_size=BATCH, default_user=user,
                                        default_change_reason="Imported from a statutory return")
    return model.objects.bulk_create(objects, batch_size=BATCH)
