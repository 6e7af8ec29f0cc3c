"""Missing from care or away without authorisation (the 903 Missing table), and return interviews."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import MissingType
from .periods import InCare


class MissingEpisode(InCare):
    """The child is offered an independent return interview after every episode (DfE statutory guidance on
    children who run away or go missing from home or care, 2014); accepting it is the child's choice."""

    kind = models.CharField(max_length=1, choices=MissingType.choices, help_text="MISSING")
    started_on = models.DateField(help_text="MIS_START")
    ended_on = models.DateField(null=True, blank=True, help_text="MIS_END")
    return_interview_offered_on = models.DateField(null=True, blank=True)
    return_interview_accepted = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "pk"]
        indexes = [models.Index(fields=["person", "started_on"])]

    def __str__(self):
        back = f", back {self.ended_on:%-d %b %Y}" if self.ended_on else ", not yet back"
        interview = ""
        if self.return_interview_offered_on:
            answer = {True: "accepted", False: "declined", None: "answer not recorded"}[
                self.return_interview_accepted
            ]
            interview = f"; return interview offered {self.return_interview_offered_on:%-d %b %Y}, {answer}"
        return (
            f"{self.started_on:%-d %b %Y}: {self.get_kind_display().split(':')[0].lower()}{back}{interview}"
        )

    def clean(self):
        errors = {}
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "The child cannot return before they went missing."
        if self.return_interview_offered_on and not self.ended_on:
            errors["return_interview_offered_on"] = (
                "A return interview is offered once the child has come back."
            )
        elif self.return_interview_offered_on and self.return_interview_offered_on < self.ended_on:
            errors["return_interview_offered_on"] = (
                "The return interview is offered on or after the day the child came back."
            )
        if self.return_interview_accepted is not None and not self.return_interview_offered_on:
            errors["return_interview_accepted"] = "Record when the return interview was offered."
        if errors:
            raise ValidationError(errors)
