"""The request a page behind sign-in receives, for type checks: Django's, with the user one of Thrive's.

Every page but the public ones is declared with an access class that refuses anyone not signed in
(access.classes), so its view can rely on `request.user` being an `access.User`, never the anonymous
user. Views annotate `request: SignedInRequest`; nothing changes at run time.
"""

from django.http import HttpRequest

from .models import User


class SignedInRequest(HttpRequest):
    user: User
