"""Signing in and out, and managers' review of break-glass accesses by their staff."""
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from .forms import BreakGlassReviewForm, SignInForm
from .models import BreakGlass, Role, TeamMembership
from .rules import managed_team_ids


class SignInView(auth_views.LoginView):
    template_name = "access/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


def reviews_all(user) -> bool:
    return user.role == Role.ADMINISTRATOR or user.is_superuser


def reviewable_break_glass(user):
    """Break-glass accesses this user reviews: all for administrators, else their managed teams' staff, never their own."""
    accesses = BreakGlass.objects.select_related("user", "person", "reviewed_by").exclude(user=user)
    if reviews_all(user):
        return accesses
    if not user.is_manager:
        return accesses.none()
    staff = TeamMembership.objects.filter(team_id__in=managed_team_ids(user)).values("user_id")
    return accesses.filter(user_id__in=staff)


@login_required
def break_glass_list(request):
    if not (request.user.is_manager or reviews_all(request.user)):
        raise PermissionDenied("Only managers and administrators review break-glass accesses.")
    accesses = reviewable_break_glass(request.user)
    return render(request, "access/break_glass_list.html", {
        "to_review": accesses.filter(reviewed_at__isnull=True).order_by("at"),
        "reviewed": accesses.filter(reviewed_at__isnull=False).order_by("-reviewed_at")[:100],
    })


@login_required
def break_glass_review(request, pk):
    access = get_object_or_404(reviewable_break_glass(request.user), pk=pk)
    if access.reviewed_at:  # a review is part of the audit trail, so it is not rewritten
        return render(request, "access/break_glass_review.html", {"access": access})
    form = BreakGlassReviewForm(request.POST if request.method == "POST" else None, instance=access)
    if request.method == "POST" and form.is_valid():
        review = form.save(commit=False)
        review.reviewed_by = request.user
        review.reviewed_at = timezone.now()
        review.save()
        messages.success(request, f"Review of {access.user}'s access to {access.person.la_id} saved.")
        return redirect("access:break_glass_list")
    return render(request, "access/break_glass_review.html", {"access": access, "form": form})
