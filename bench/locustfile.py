"""Locust users for the load test: anonymous readers of the main UI pages and the read API.

Run through ``bench/load_test.py``, which starts gunicorn, picks the records to ask for and
passes them in ``LOAD_TEST_IDS`` (a JSON file). Each user opens one page after another with
``LOAD_TEST_THINK`` seconds (default 1, ±50 %) between them; a page is named by its route
(``/documents/<id>/``), so the figures are per endpoint. Anything but a 200 is an error.
Pages are tagged ``ui`` or ``api``, so a run can ask for one kind only (``--tags api``).
"""
import json
import os
import random

from locust import HttpUser, between, constant, tag, task

IDS = json.loads(open(os.environ["LOAD_TEST_IDS"], encoding="utf-8").read())
THINK = float(os.environ.get("LOAD_TEST_THINK", "1"))
SEARCH_TERM = "集团化办学"


def _one(kind: str):
    return random.choice(IDS[kind])


class Reader(HttpUser):
    """One analyst or API consumer, anonymous: published records only."""

    wait_time = between(THINK * 0.5, THINK * 1.5) if THINK else constant(0)

    def _get(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    # The web UI.
    @tag("ui")
    @task(2)
    def home(self):
        self._get("/", "/")

    @tag("ui")
    @task(3)
    def documents(self):
        self._get("/documents/", "/documents/")

    @tag("ui")
    @task(2)
    def documents_in_a_province(self):
        self._get(f"/documents/?region={_one('provinces')}", "/documents/?region=<province>")

    @tag("ui")
    @task(4)
    def document(self):
        self._get(f"/documents/{_one('documents')}/", "/documents/<id>/")

    @tag("ui")
    @task(2)
    def proposals(self):
        self._get("/proposals/", "/proposals/")

    @tag("ui")
    @task(3)
    def proposal(self):
        self._get(f"/proposals/{_one('proposals')}/", "/proposals/<id>/")

    @tag("ui")
    @task(2)
    def targets(self):
        self._get("/targets/", "/targets/")

    @tag("ui")
    @task(1)
    def region(self):
        self._get(f"/regions/{_one('prefectures')}/", "/regions/<code>/")

    @tag("ui")
    @task(2)
    def search(self):
        self._get(f"/search/?q={SEARCH_TERM}", f"/search/?q={SEARCH_TERM}")

    # The read API.
    @tag("api")
    @task(3)
    def api_documents_in_jiangsu(self):
        self._get("/api/v1/documents/?region=32", "/api/v1/documents/?region=32")

    @tag("api")
    @task(3)
    def api_document(self):
        self._get(f"/api/v1/documents/{_one('documents')}/", "/api/v1/documents/<id>/")

    @tag("api")
    @task(2)
    def api_proposals(self):
        self._get("/api/v1/proposals/", "/api/v1/proposals/")

    @tag("api")
    @task(3)
    def api_proposal(self):
        self._get(f"/api/v1/proposals/{_one('proposals')}/", "/api/v1/proposals/<id>/")

    @tag("api")
    @task(2)
    def api_replies(self):
        self._get("/api/v1/replies/?region=32&result_code=A", "/api/v1/replies/?region=32&result_code=A")

    @tag("api")
    @task(2)
    def api_targets(self):
        self._get("/api/v1/targets/?deadline_year=2025", "/api/v1/targets/?deadline_year=2025")
