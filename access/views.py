"""Signing in and out, and managers' review of break-glass accesses by their staff."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .audit import disclose, log_access
from .classes import manager_page
from .forms import BreakGlassReviewForm, SignInForm
from .models import Action, BreakGlass, DisclosureKind, Role, TeamMembership, User
from .relationships import managed_team_ids
from .requests import SignedInRequest


class SignInView(auth_views.LoginView):
    template_name = "access/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


def reviews_all(user: User) -> bool:
    return user.role == Role.ADMINISTRATOR or user.is_superuser


def reviewable_break_glass(user: User) -> QuerySet[BreakGlass]:
    """Break-glass accesses this user reviews: all for administrators, else their managed teams' staff, never
    their own."""
    accesses = BreakGlass.objects.select_related("user", "person", "review__reviewed_by").exclude(user=user)
    if reviews_all(user):
        return accesses
    if not user.is_manager:
        return accesses.none()
    staff = TeamMembership.objects.filter(team_id__in=managed_team_ids(user)).values("user_id")
    return accesses.filter(user_id__in=staff)


def reviews_break_glass(user: User) -> bool:
    return user.is_manager or reviews_all(user)


break_glass_page = manager_page(
    reviews_break_glass, "Only managers and administrators review break-glass accesses."
)


@break_glass_page
def break_glass_list(request: SignedInRequest) -> HttpResponse:
    accesses = reviewable_break_glass(request.user)
    to_review = list(accesses.filter(review__isnull=True).order_by("at"))
    reviewed = list(accesses.filter(review__isnull=False).order_by("-review__at")[:100])
    if to_review or reviewed:  # the list names the children
        named = [access.person_id for access in to_review + reviewed]
        disclose(request, DisclosureKind.LIST, named, what="Break-glass review")
    return render(request, "access/break_glass_list.html", {"to_review": to_review, "reviewed": reviewed})


@break_glass_page
def break_glass_review(request: SignedInRequest, pk: int) -> HttpResponse:
    """One access to review (or read once reviewed); it names the child, so the page is logged once served."""
    access = get_object_or_404(reviewable_break_glass(request.user), pk=pk)
    response = _review(request, access)
    log_access(
        request, [access.person_id], allowed=True, text="review of a break-glass access", action=Action.AUDIT
    )
    return response


def _review(request: SignedInRequest, access: BreakGlass) -> HttpResponse:
    if getattr(access, "review", None):  # a review is part of the audit log, so it is not rewritten
        return render(request, "access/break_glass_review.html", {"access": access})
    form = BreakGlassReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        review = form.save(commit=False)
        review.break_glass, review.reviewed_by = access, request.user
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError:  # someone else's review came first: it stands, and this one is shown back
            yours = review.get_outcome_display() + (f": {review.note}" if review.note else "")
            messages.warning(
                request,
                f"{access.user}'s access to {access.person.la_id} was reviewed by "
                f"someone else while you were writing; theirs is kept. Yours: {yours}",
            )
            return redirect("access:break_glass_review", access.pk)
        messages.success(request, f"Review of {access.user}'s access to {access.person.la_id} saved.")
        return redirect("access:break_glass_list")
    return render(request, "access/break_glass_review.html", {"access": access, "form": form})
