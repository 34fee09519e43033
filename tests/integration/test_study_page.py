"""The study page through Flask's test client: mounted beside the main page, each with its own
callbacks, files and security headers."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from app import create_app

APP = create_app()  # loads and checks the project's tables and drawing
CLIENT = APP.server.test_client()


def test_the_study_page_is_served_with_the_same_headers_and_its_start_up_script_allowed():
    response = CLIENT.get("/study/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and response.headers["X-Frame-Options"] == "DENY"
    live = re.sub(r"<!--.*?-->", "", html, flags=re.S)  # Dash's Internet Explorer notice is in a comment
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", live, re.S)
    assert inline
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "http://" not in html and "https://" not in html


def test_each_page_loads_only_its_own_files():
    main = CLIENT.get("/").get_data(as_text=True)
    study = CLIENT.get("/study/").get_data(as_text=True)
    main_files = re.findall(r'<(?:script[^>]*src|link[^>]*href)="([^"]+)"', main)
    assert any("referral_map.js" in f for f in main_files)
    assert not [f for f in main_files if "study" in f or "plotly" in f.lower() or "handout" in f]
    assert "/study/assets/study.js" in study and "/study/assets/study.css" in study
    assert "referral_map.js" not in study and "handout" not in study
    assert "/study/assets/referral_map.css" in study  # the diagram's colours are shared


def test_each_app_answers_only_its_own_callbacks():
    def input_ids(path: str) -> set[str]:
        ids = set()
        for dependency in CLIENT.get(path).get_json():
            for item in dependency["inputs"]:
                ids.add(json.loads(item["id"])["type"] if item["id"].startswith("{") else item["id"])
        return ids

    main, study = input_ids("/_dash-dependencies"), input_ids("/study/_dash-dependencies")
    assert study and all(i.startswith("study-") for i in study)
    assert main and not any(i.startswith("study-") for i in main)


def test_a_quiz_answer_with_a_pattern_matching_input_passes_the_request_guard():
    from referral import load
    from referral.quiz import new_quiz
    from tests.conftest import DATA

    referral_map = load(DATA)
    quiz = next(q for q in (new_quiz(referral_map, seed) for seed in range(100)) if q.question.kind == "name")
    choices = list(quiz.question.choices)
    dependencies = CLIENT.get("/study/_dash-dependencies").get_json()
    output = next(d["output"] for d in dependencies
                  if d["output"].startswith("study-quiz.data@") and "study-quiz-choice" in json.dumps(d["inputs"]))
    body = {
        "output": output,
        "outputs": {"id": "study-quiz", "property": output.split(".", 1)[1]},
        "inputs": [[{"id": {"index": c, "type": "study-quiz-choice"}, "property": "n_clicks",
                     **({"value": 1} if i == 0 else {})} for i, c in enumerate(choices)],
                   []],  # a "name" question shows no place buttons
        "state": [{"id": "study-quiz", "property": "data", "value": quiz.to_json()}],
        "changedPropIds": [json.dumps({"index": choices[0], "type": "study-quiz-choice"}, separators=(",", ":"))
                           + ".n_clicks"],
    }
    response = CLIENT.post("/study/_dash-update-component", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)
    answered = response.get_json()["response"]["study-quiz"]["data"]
    assert answered["answer"] == choices[0] and answered["right"] + answered["wrong"] == 1


def test_malformed_study_callbacks_still_get_a_short_400():
    response = CLIENT.post("/study/_dash-update-component", data=json.dumps({"output": "study-quiz.data",
                                                                              "inputs": [[{"id": 1}]]}),
                           content_type="application/json")
    assert response.status_code == 400
