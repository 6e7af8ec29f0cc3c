"""The gates in front of education pages, on people.access_views' access check and audit.

Reading needs an education relationship (education.access); recording also needs an education role
and a basis of the user's own (not break glass or a partner share). Each view says which it is.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from people.access_views import casework_page, record_page

from ..access import may_record_education, may_see_education

NOT_EDUCATION = (
    "You can open this child's record, but their education records are for those who work with "
    "the child's education or protection."
)
NOT_RECORDING = "You can read this education record but not add to it."


def reading(view):
    """A page about the child's education: `view(request, child)`."""

    @record_page
    @wraps(view)
    def wrapper(request, person, ids, basis):
        from people.access_views import Child

        child = Child(person, ids, basis)
        if not may_see_education(request.user, child):
            raise PermissionDenied(NOT_EDUCATION)
        return view(request, child)

    return wrapper


def recording(view):
    """A form adding to the child's education record: `view(request, child)`."""

    @record_page
    @wraps(view)
    def wrapper(request, person, ids, basis):
        from people.access_views import Child

        if not may_record_education(request.user, basis):
            raise PermissionDenied(NOT_RECORDING)
        return view(request, Child(person, ids, basis))

    return wrapper


def recording_on(model):
    """A form about one education record (a notice, a referral): `view(request, obj, child)`."""

    def decorator(view):
        @casework_page(model)
        @wraps(view)
        def wrapper(request, obj, child):
            if not may_record_education(request.user, child.basis):
                raise PermissionDenied(NOT_RECORDING)
            return view(request, obj, child)

        return wrapper

    return decorator
