"""A mixed day's work for Locust: practitioners searching, opening records, reading worklists, and
recording contacts and statutory visits, against the production server (`make bench BENCH=load_large`).

The plan (who signs in, which children each may open, what to search for) comes from THRIVE_LOAD_PLAN,
a JSON file the harness (bench/load/harness.py) writes from the council in the database. Every request's
time is written to THRIVE_LOAD_TIMES at the end, and successful writes are counted by their names, so the
harness can check no write was lost.
"""

import datetime
import itertools
import json
import os
import random
import re
import time

import urllib3
from locust import HttpUser, between, events, task

urllib3.disable_warnings()  # the test server's self-signed certificate
PLAN = json.loads(open(os.environ["THRIVE_LOAD_PLAN"]).read())
PASSWORD = PLAN["password"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_accounts = {persona: itertools.cycle(people) for persona, people in PLAN["personas"].items()}
_times: list = []
TYPING = (20, 60)  # seconds from opening a form to saving it: a short contact or visit note


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception, **kwargs):
    _times.append([name, response_time, exception is None])


@events.quitting.add_listener
def _write(environment, **kwargs):
    with open(os.environ["THRIVE_LOAD_TIMES"], "w") as out:
        json.dump(_times, out)


class Practitioner(HttpUser):
    abstract = True
    persona = ""
    # A practitioner's pace: reading a record or a worklist, a phone call, a word with a colleague between
    # pages; about three pages a minute, and typing time before a form is saved (TYPING).
    wait_time = between(8, 32)

    def on_start(self):
        self.client.verify = False
        self.client.headers["Referer"] = self.host + "/"
        self.account = next(_accounts[self.persona])
        self.children = self.account["children"]
        for _ in range(5):  # as a person would, sign in again if the first attempt does not go through
            if self.sign_in():
                return

    def sign_in(self) -> bool:
        page = self.client.get("/access/sign-in/", name="sign in (form)")
        token = TOKEN.search(page.text or "")
        if page.status_code != 200 or not token:
            return False
        with self.client.post(
            "/access/sign-in/",
            name="sign in",
            allow_redirects=False,
            catch_response=True,
            data={
                "csrfmiddlewaretoken": token[1],
                "username": self.account["username"],
                "password": PASSWORD,
            },
        ) as response:
            if response.status_code != 302 or response.headers.get("Location", "").startswith("/access/"):
                response.failure(f"sign-in gave {response.status_code}")
                return False
        return True

    def page(self, url, name):
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    def search(self):
        query = random.choice(PLAN["searches"])
        self.page("/people/?" + "&".join(f"{k}={v}" for k, v in query.items()), "search")

    def open_record(self):
        if self.children:
            self.page(f"/people/{random.choice(self.children)}/", "child's record")

    def post_form(self, url, fields, name):
        """GET the form, then POST it; a save is a redirect to the record, never to the sign-in page."""
        form = self.client.get(url, name=f"{name} (form)", allow_redirects=False)
        token = TOKEN.search(form.text or "")
        if form.status_code != 200 or not token:
            return  # the form never appeared (already counted as a failure): a person would not submit it
        time.sleep(random.uniform(*TYPING))  # gevent's sleep under Locust: other users go on meanwhile
        with self.client.post(
            url,
            name=name,
            allow_redirects=False,
            catch_response=True,
            data={"csrfmiddlewaretoken": token[1], **fields},
        ) as response:
            if response.status_code != 302 or response.headers.get("Location", "").startswith("/access/"):
                response.failure(f"{response.status_code}: not saved")


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


class SocialWorker(Practitioner):
    persona = "social_worker"
    weight = 4

    @task(3)
    def my_work(self):
        self.page("/", "my work")

    @task(3)
    def find_a_child(self):
        self.search()

    @task(5)
    def a_record(self):
        self.open_record()

    @task(1)
    def due_work(self):
        self.page("/work/", "due work")


class FrontDoor(Practitioner):
    persona = "front_door"
    weight = 2

    @task(3)
    def find_a_child(self):
        self.search()

    @task(2)
    def record_a_contact(self):
        yesterday = datetime.date.today() - datetime.timedelta(days=1)
        self.post_form(
            f"/front-door/people/{random.choice(PLAN['any_children'])}/contacts/new/",
            {
                "source": "2A",
                "referrer": "Designated safeguarding lead, a primary school",
                **_date("received_on", yesterday),
                "received_time": "09:30",
                "summary": "Load test: the school is worried about attendance and a bruise seen on Monday.",
            },
            "record a contact",
        )

    @task(1)
    def my_work(self):
        self.page("/", "my work")


class TeamManager(Practitioner):
    persona = "team_manager"
    weight = 1

    @task(3)
    def due_work(self):
        self.page("/work/", "due work")

    @task(1)
    def my_work(self):
        self.page("/", "my work")

    @task(2)
    def a_record(self):
        self.open_record()


class CareWorker(Practitioner):
    persona = "care_worker"
    weight = 2

    @task(2)
    def care_worklist(self):
        self.page("/care/", "care worklist")

    @task(3)
    def care_record(self):
        if self.children:
            self.page(f"/care/{random.choice(self.children)}/", "care record")

    @task(1)
    def record_a_visit(self):
        if self.children:
            self.post_form(
                f"/care/{random.choice(self.children)}/visits/new/",
                {
                    **_date("visited_on", datetime.date.today() - datetime.timedelta(days=1)),
                    "child_seen": "on",
                    "seen_alone": "on",
                    "notes": "Load test: settled, enjoying school.",
                },
                "record a visit",
            )

    @task(1)
    def my_work(self):
        self.page("/", "my work")


class PersonalAdviser(Practitioner):
    persona = "personal_adviser"
    weight = 1

    @task(2)
    def leaving_care_worklist(self):
        self.page("/leaving-care/", "leaving-care worklist")

    @task(2)
    def a_record(self):
        self.open_record()

    @task(1)
    def my_work(self):
        self.page("/", "my work")
