"""What every plan about a child holds, whichever part of the journey it belongs to: what needs to change,
who will do what by when, and a print for the family in plain words.

Child protection plans, child in need plans and looked-after review recommendations keep their own
tables (in their apps); this core gives them the same shape, forms, pages and print, so a family reads
every plan the same way. PDFs come from the same HTML through WeasyPrint.
"""

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from simple_history.models import HistoricalRecords

from access.audit import disclose
from access.models import DisclosureKind
from thrive.forms import DateField, GovukForm

from .casework import not_before, posted, save_form

if TYPE_CHECKING:
    from .access_views import Child


class Objective(models.Model):
    """Something that needs to change for the child, in words the family can read."""

    text = models.TextField()
    added_on = models.DateField()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Action(models.Model):
    """Who will do what, by when; done when it is done."""

    text = models.TextField()
    owner = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    @property
    def overdue(self) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < timezone.localdate()


class ObjectiveForm(GovukForm):
    text = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In words the family will understand, for example: Mia gets to school every day, on time",
    )


class ActionForm(GovukForm):
    text = forms.CharField(label="What will be done", widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.CharField(
        label="Who will do it",
        max_length=200,
        help_text="A name and role, for example: Kim Hart (mum) or Sam Lee, school nurse",
    )
    due_on = DateField(label="By when", required=False, future=True, help_text="For example, 27 3 2026")

    def __init__(self, *args: Any, objectives: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if objectives is not None:
            self.fields["objective"] = forms.ModelChoiceField(
                label="Which change is it for?",
                queryset=objectives,
                required=False,
                widget=forms.RadioSelect,
                empty_label=None,
            )
            self.order_fields(["objective", "text", "owner", "due_on"])
        self.word_errors()


class DoneForm(GovukForm):
    """Tick the actions that are done, with the day they were done."""

    date = DateField(label="Date done")

    def __init__(self, *args: Any, actions: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done"] = forms.MultipleChoiceField(
            label="Actions done",
            widget=forms.CheckboxSelectMultiple,
            choices=[(str(a.pk), f"{a.text} ({a.owner})") for a in actions],
        )
        self.order_fields(["done", "date"])
        self.word_errors()
        self.fields["done"].error_messages["required"] = "Select the actions that are done"


def add_objective(
    request: HttpRequest, child: "Child", *, create: Callable[..., Any], back_url: str, what: str
) -> HttpResponse:
    """A page adding one thing that needs to change; `create(text=..., added_on=...)` stores it."""
    form = ObjectiveForm(posted(request))

    def save(form: ObjectiveForm) -> str:
        create(text=form.cleaned_data["text"], added_on=timezone.localdate())
        return back_url

    return save_form(
        request,
        form,
        save,
        success="Added.",
        person=child.person,
        back_url=back_url,
        title=f"Add what needs to change ({what})",
        button="Add",
    )


def add_action(
    request: HttpRequest,
    child: "Child",
    *,
    create: Callable[..., Any],
    back_url: str,
    what: str,
    objectives: QuerySet[Any] | None = None,
    start: datetime.date | None = None,
) -> HttpResponse:
    """A page adding one action; `create(text, owner, due_on[, objective])` stores it."""
    form = ActionForm(posted(request), objectives=objectives)

    def save(form: ActionForm) -> str:
        data = dict(form.cleaned_data)
        not_before(data["due_on"], start, "due_on", "the start of the plan")
        create(**data)
        return back_url

    return save_form(
        request,
        form,
        save,
        success="Action added.",
        person=child.person,
        back_url=back_url,
        title=f"Add an action ({what})",
        button="Add the action",
    )


def mark_done(
    request: HttpRequest, child: "Child", *, actions: QuerySet[Any], back_url: str, what: str
) -> HttpResponse:
    """Record the day open actions were done; actions already done are not offered."""
    open_actions = list(actions.filter(done_on__isnull=True))
    form = DoneForm(posted(request), actions=open_actions, initial={"date": timezone.localdate()})

    def save(form: DoneForm) -> str:
        chosen = {int(pk) for pk in form.cleaned_data["done"]}
        for action in open_actions:
            if action.pk in chosen:
                action.done_on = form.cleaned_data["date"]
                action.save()
        return back_url

    if not open_actions and request.method != "POST":
        form.fields["done"].help_text = "Every action is done."
    return save_form(
        request,
        form,
        save,
        success="Actions updated.",
        person=child.person,
        back_url=back_url,
        title=f"Record actions done ({what})",
        button="Save",
    )


def refuse_if_ended(end_date: datetime.date | None, what: str) -> None:
    if end_date:
        raise ValidationError(f"The {what} has ended: nothing more can be added to it.")


def print_plan(
    request: HttpRequest,
    child: "Child",
    *,
    title: str,
    sections: list[Any],
    pdf: bool,
    filename: str,
    intro: str = "",
    pdf_url: str = "",
) -> HttpResponse:
    """The plan for the family: an HTML page to print, or the same as a PDF, marked and dated, logged.

    `sections` are (heading, paragraphs, rows) with rows as (what, who, when) tuples, in plain words.
    """
    context: dict[str, Any] = {
        "person": child.person,
        "title": title,
        "sections": sections,
        "intro": intro,
        "pdf_url": pdf_url,
        "printed_by": request.user,
        "printed_at": timezone.localtime(),
        "marking": getattr(settings, "THRIVE_PROTECTIVE_MARKING", "OFFICIAL-SENSITIVE"),
    }
    if not pdf:
        return render(request, "casework/plan_print.html", context)
    import weasyprint  # imported when needed: it loads Pango and fonts

    html = render_to_string("casework/plan_print.html", {**context, "for_pdf": True}, request=request)
    disclose(request, DisclosureKind.EXPORT, [child.person.pk], what=title, filename=filename)
    quoted = context["marking"].replace('"', "")
    marking = weasyprint.CSS(string=f'@page {{ @top-right {{ content: "{quoted}" }} }}')
    css = weasyprint.CSS(filename=finders.find("people/plan-print.css"))
    response = HttpResponse(
        weasyprint.HTML(string=html).write_pdf(stylesheets=[css, marking]), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response


def action_rows(actions: Iterable[Any]) -> list[tuple[str, str, str]]:
    """(what, who, by when or done) for the print."""
    rows = []
    for action in actions:
        when = (
            f"Done {action.done_on:%-d %B %Y}"
            if action.done_on
            else f"By {action.due_on:%-d %B %Y}"
            if action.due_on
            else ""
        )
        rows.append((action.text, action.owner, when))
    return rows
