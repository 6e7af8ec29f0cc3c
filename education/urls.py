"""Education URLs. Each pattern's access class is stamped by its view's gate: `reading` (child read),
`recording` and `recording_on` (child write, Work.INCLUSION) and `starting` (child write, identity only) in
views.gate; the staff lists (views.lists), the reports (views.reports) and finding a child to start work
for are education pages (AccessClass.EDUCATION)."""

from django.urls import path

from .views import lists, record, reports, starting

app_name = "education"
urlpatterns = [
    # Lists (reading, education staff; children they hold only).
    path("", lists.worklist, name="worklist"),
    path("register/", lists.register, name="register"),
    path("missing-education/", lists.missing, name="missing"),
    path("waiting-list/", lists.waiting_list, name="waiting_list"),
    path("exclusions/", lists.exclusions, name="exclusions"),
    path("send/", lists.send_worklist, name="send"),
    path("virtual-school/", lists.virtual_school, name="virtual_school"),
    # Reports (aggregate reading).
    path("report/", reports.inclusion, name="report"),
    path("virtual-school/report/", reports.virtual_school_report, name="virtual_school_report"),
    # Starting work (identity only, audited; recording).
    path("find/", starting.find, name="find"),
    path("child/<int:pk>/start/", starting.start, name="start"),
    # The child's education record (reading) and its forms (recording).
    path("child/<int:pk>/", record.record, name="record"),
    path("child/<int:pk>/register/", record.edit_entry, name="edit_entry"),
    path("child/<int:pk>/register/close/", record.close_entry, name="close_entry"),
    path("child/<int:pk>/attendance-order/new/", record.add_step, name="add_step"),
    path("child/<int:pk>/missing-education/new/", record.refer_cme, name="refer_cme"),
    path("child/<int:pk>/pupil-missing-education/new/", record.refer_pme, name="refer_pme"),
    path("child/<int:pk>/exclusions/new/", record.add_exclusion, name="add_exclusion"),
    path("child/<int:pk>/attendance/new/", record.add_attendance, name="add_attendance"),
    path("child/<int:pk>/ehc-requests/new/", record.add_ehc_request, name="add_ehc_request"),
    path("child/<int:pk>/appeals/new/", record.add_appeal, name="add_appeal"),
    path("child/<int:pk>/activity/new/", record.add_activity, name="add_activity"),
    path("child/<int:pk>/september-guarantee/new/", record.add_guarantee, name="add_guarantee"),
    # Forms about one record (recording).
    path("notices/<int:pk>/consent/", record.consent, name="consent"),
    path("notices/<int:pk>/enquiry/", record.notice_enquiry, name="notice_enquiry"),
    path("notices/<int:pk>/suitability/", record.suitability, name="suitability"),
    path("missing-education/<int:pk>/check/", record.cme_check, name="cme_check"),
    path("missing-education/<int:pk>/outcome/", record.cme_outcome, name="cme_outcome"),
    path("pupil-missing-education/<int:pk>/triage/", record.triage, name="triage"),
    path("pupil-missing-education/<int:pk>/allocate/", record.allocate, name="allocate"),
    path("pupil-missing-education/<int:pk>/meeting/", record.team_around_school, name="team_around_school"),
    path("exclusions/<int:pk>/provision/", record.provision, name="provision"),
    path("ehc-requests/<int:pk>/decision/", record.ehc_decision, name="ehc_decision"),
    path("ehc-requests/<int:pk>/plan/", record.ehc_plan, name="ehc_plan"),
    path("ehc-plans/<int:pk>/review/", record.annual_review, name="annual_review"),
    path("peps/<int:pk>/quality/", record.pep_quality, name="pep_quality"),
    path("peps/<int:pk>/target/", record.pep_target, name="pep_target"),
]
