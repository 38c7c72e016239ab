"""`make demo`: the gateway's main job on the embedded default (SQLite under var/), told for a clerk.

Each step runs the real ``ecris-gateway`` command, as an operator would, against a fresh demo store.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from adapters.files.reference_tables import load_project_tables
from adapters.soap.faults import fault_reason
from gateway.model.reference_tables import Table

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
DB_FILE = VAR / "demo.db"
SAMPLE = ROOT / "demo" / "register-sample.json"
DEMO_NOW = "2026-11-23T10:00:00+01:00"
MESSAGES_NS = "http://ec.europa.eu/ECRIS/messages-v1.0"

ENV = {
    **os.environ,
    "ECRIS_GATEWAY_DB": f"sqlite:///{DB_FILE}",
    "ECRIS_GATEWAY_NOW": DEMO_NOW,
    "ECRIS_GATEWAY_OFFICIAL": "demo-clerk",
}


def gateway(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args], cwd=ROOT, env=ENV, text=True, capture_output=True, check=False
    )
    if check and result.returncode != 0:
        sys.exit(f"demo step failed: ecris-gateway {' '.join(args)}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def background(args: list[str], env: dict[str, str], log: Path, ready_url: str) -> Iterator[None]:
    """Run ``ecris-gateway ARGS`` in the background until the block ends; wait until it answers."""
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "adapters.cli", *args], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{ready_url}?wsdl", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"demo: ecris-gateway {args[0]} did not start; see {log}")
                time.sleep(0.2)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for(check: object, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            sys.exit(f"demo: gave up waiting for {what}")
        time.sleep(0.3)


def step(title: str) -> None:
    print(f"\n── {title} " + "─" * max(0, 76 - len(title)))


def say(text: str) -> None:
    print(textwrap.indent(text.rstrip(), "   "))


def main() -> None:
    VAR.mkdir(exist_ok=True)
    for leftover in VAR.glob("demo.db*"):
        leftover.unlink()
    print("ecris-gateway demo — the Luxembourg criminal record's ECRIS gateway")
    print(f"Demo store: {DB_FILE.relative_to(ROOT)} (SQLite). The clock is fixed at {DEMO_NOW}.")

    step("1. The national register sends its persons and decisions")
    say(gateway("register", "import", str(SAMPLE)).stdout)
    say("Importing the same file again changes nothing:")
    say(gateway("register", "import", str(SAMPLE)).stdout)

    step("2. A clerk looks up a person")
    say(gateway("register", "show", "1979110254321").stdout)

    step("3. A refused file: nothing of it is stored")
    bad = VAR / "demo-bad-register.json"
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["persons"] = document["persons"][:1]
    document["persons"][0]["decisions"][0]["final_date"] = "2024-02-30"
    document["persons"][0]["decisions"][0]["penalties"].append({"type": "flogging"})
    bad.write_text(json.dumps(document), encoding="utf-8")
    refused = gateway("register", "import", str(bad), check=False)
    say(f"exit status {refused.returncode}; the clerk reads:\n{refused.stderr}")

    step("4. Bulletins: what each extract shows, and why")
    for person, number in (("1985031512345", 2), ("1985031512345", 3), ("1990071811111", 3), ("1995050533333", 5)):
        shown = json.loads(gateway("bulletin", person, "--number", str(number), "--format", "json").stdout)
        verdict = "néant" if shown["nil"] else ", ".join(shown["decisions"])
        say(f"Bulletin N°{number} of {person}: {verdict}")
        for explanation in shown["explanations"]:
            mark = "shown " if explanation["included"] else "left out"
            say(f"   {mark} {explanation['decision']} — art. {explanation['article']}: {explanation['reason']}")
    say("\nThe extract as printed for the person (bulletin N°3):")
    say(gateway("bulletin", "1990071811111", "--number", "3").stdout)
    say("\nAn extract bearing « néant », with the clerk's note on each decision left out (bulletin N°3):")
    say(gateway("bulletin", "1985031512345", "--number", "3").stdout)

    step("5. Erasure at death and at 100 years (Art 3)")
    say(gateway("register", "erase-due").stdout)
    say("An erased person's file afterwards:")
    say(gateway("register", "show", "1950010144444").stdout)

    with simulated_tcn_central() as central_url:  # Luxembourg queries it before asking about a TCN (step 14)
        exchange_with_simulated_member_states()
        ecris_tcn(central_url)
    naturalisation_transfer()
    electronic_extract()
    scheduler_catches_up()

    print("\nDemo finished. Store left in var/demo.db for a closer look, e.g.:")
    print(f"   ECRIS_GATEWAY_DB=sqlite:///{DB_FILE} .venv/bin/ecris-gateway register show 1990071811111")


def outbox_rows() -> list[dict[str, object]]:
    return json.loads(gateway("outbox", "list", "--json").stdout)  # type: ignore[no-any-return]


def inbox_rows() -> list[dict[str, object]]:
    return json.loads(gateway("inbox", "list", "--json").stdout)  # type: ignore[no-any-return]


PEERS = ("FR", "IT", "PT")
PEER_NAMES = {"FR": "France", "IT": "Italy", "PT": "Portugal"}


def peer_db(state: str) -> str:
    return f"sqlite:///{VAR / f'demo-peer-{state.lower()}.db'}"


def all_answered() -> bool:
    """Every message we sent is delivered and every message received processed."""
    return all(r["state"] == "acknowledged" for r in outbox_rows() if r["type"] == "NotificationMessage") and all(
        r["state"] in ("processed", "rejected", "duplicate") for r in inbox_rows())


def notifications_of(person_id: str) -> None:
    wait_for(all_answered, "the Member States' answers")
    say(gateway("notifications", "list", "--person", person_id).stdout)


def import_changed(name: str, person_id: str, **changes: object) -> None:
    """Send the register's new version of one person, as the national register application would."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    person = next(p for p in document["persons"] if p["id"] == person_id)
    person.update(changes)
    document["persons"] = [person]
    path = VAR / f"demo-{name}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    say(gateway("register", "import", str(path)).stdout)


def exchange_with_simulated_member_states() -> None:
    gateway_port = free_port()
    gateway_url = f"http://127.0.0.1:{gateway_port}/ecris"
    peer_urls = {state: f"http://127.0.0.1:{free_port()}/ecris" for state in PEERS}
    config = VAR / "demo-gateway.toml"
    config.write_text(f'public_url = "{gateway_url}"\n' + "".join(
        f'\n[peers.{state}]\nurl = "{url}"\ntimeout_seconds = 10\n' for state, url in peer_urls.items()),
        encoding="utf-8")
    ENV["ECRIS_GATEWAY_CONFIG"] = str(config)
    peer_env = {**os.environ, "ECRIS_GATEWAY_NOW": DEMO_NOW}
    peer_env.pop("ECRIS_GATEWAY_CONFIG", None)
    for leftover in VAR.glob("demo-peer-*"):
        leftover.unlink()

    step("6. ECRIS: the central authorities of France, Italy and Portugal (simulated) and our endpoint start")
    say(f"Our ECRIS endpoint: {gateway_url}; simulated Member States: "
        + ", ".join(f"{PEER_NAMES[s]} {u}" for s, u in peer_urls.items()) + " (real SOAP 1.2 over HTTP)")
    with contextlib.ExitStack() as running:
        for state, url in peer_urls.items():
            port = url.split(":")[2].split("/")[0]
            running.enter_context(background(
                ["peer", "--state", state, "--port", port, "--gateway", gateway_url, "--db", peer_db(state)],
                peer_env, VAR / f"demo-peer-{state.lower()}.log", url))
        running.enter_context(background(["serve", "--port", str(gateway_port), "--threads", "4", "--no-scheduler"], ENV,
                                         VAR / "demo-gateway.log", gateway_url))
        say(gateway("ping", "FR").stdout)

        step("7. Art 12: the import itself notified the convictions of other Member States' nationals")
        say("Nobody had to ask: the import of step 1 queued them; our endpoint has now delivered them.")
        wait_for(all_answered, "the Member States' answers")
        say(gateway("notifications", "list").stdout)
        answer = next(r for r in inbox_rows() if r["type"] == "NotificationResponseMessage")
        shown = gateway("inbox", "show", str(answer["message_id"])).stdout
        code = etree.fromstring(shown.encode()).findtext(f"{{{MESSAGES_NS}}}MessageData/*")
        row = load_project_tables().get(Table.NOTIFICATION_RESPONSE_TYPES, code or "")
        say(f"{answer['counterpart']} answered {answer['message_id']}: {code} ({row.label if row else '?'}).")
        say("A clerk asking to send it again is told it is already done:")
        say(gateway("notify", "1985031512345", "D-2024-0001").stdout)

        step("8. A pardon is inscribed: France gets an update under the same conviction ID")
        import_changed("pardon", "1985031512345", decisions=[{
            **json.loads(SAMPLE.read_text(encoding="utf-8"))["persons"][0]["decisions"][0],
            "later_decisions": [{"type": "pardon", "date": "2026-10-01"}]}])
        notifications_of("1985031512345")

        step("9. The person dies: the inscriptions are erased (Art 3) and France gets a deletion (Art 12(2))")
        import_changed("death", "1985031512345", death_date="2026-11-20")
        say(gateway("register", "erase-due").stdout)
        notifications_of("1985031512345")

        step("10. Portugal notifies a conviction of a Luxembourger: inscribed, answered, on bulletin N°1")
        subprocess.run([sys.executable, "-m", "adapters.cli", "peer-notify", "--db", peer_db("PT"), "--state", "PT",
                        "--surname", "Schmit", "--forenames", "Paul", "--born", "1979-11-02",
                        "--birth-place", "Luxembourg", "--national-number", "1979110254321"],
                       cwd=ROOT, env=peer_env, check=True, capture_output=True)
        wait_for(lambda: any(r["type"] == "NotificationMessage" and r["counterpart"] == "PT"
                             and r["state"] == "processed" for r in inbox_rows()), "Portugal's notification")
        wait_for(all_answered, "our answer to Portugal")
        for row in inbox_rows():
            if row["counterpart"] == "PT":
                say(f"received {row['type']} {row['message_id']} from PT: {row['state']}")
        for row in outbox_rows():
            if row["counterpart"] == "PT":
                say(f"answered with {row['type']} {row['message_id']}: {row['state']}")
        say(gateway("bulletin", "1979110254321", "--number", "1").stdout)

        step("11. Art 15: Portugal asks for Paul Schmit's record — for criminal proceedings, then for a job with children")
        schmit = ["--state", "PT", "--surname", "Schmit", "--forenames", "Paul", "--born", "1979-11-02",
                  "--birth-place", "Luxembourg", "--national-number", "1979110254321"]
        for purpose in ("criminal_proceedings", "employment_contact_with_minors"):
            say(gateway("requests", "route", "--from", "PT", "--purpose", purpose, "--person", "1979110254321").stdout)
            asked = subprocess.run([sys.executable, "-m", "adapters.cli", "peer-request", "--db", peer_db("PT"),
                                    *schmit, "--purpose", purpose], cwd=ROOT, env=peer_env, check=True,
                                   capture_output=True, text=True).stdout.split()[1]
            wait_for(lambda asked=asked: any(r["message_id"] == asked and r["state"] == "processed"
                                             for r in inbox_rows()), f"Portugal's request {asked}")
            answer = next(r for r in outbox_rows() if r["response_to"] == asked)
            shown = gateway("outbox", "show", str(answer["message_id"])).stdout
            element = etree.fromstring(shown.encode())
            code = element.findtext(f".//{{{MESSAGES_NS}}}MessageDataRequestResponseTypeReference") or ""
            row = load_project_tables().get(Table.REQUEST_RESPONSE_TYPES, code)
            convictions = len(element.findall(f".//{{{MESSAGES_NS}}}MessageDataConviction"))
            say(f"   Portugal's request {asked} ({purpose}) answered by {answer['message_id']}: {code} "
                f"({row.label if row else '?'}), {convictions} conviction(s)")

        ambiguous_request_resolved(peer_env)

        step("13. A hostile message is refused with a SOAP fault, journalled, and changes nothing")
        before = len(outbox_rows())
        hostile = (b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b'<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>&x;'
                   b"</env:Body></env:Envelope>")
        request = urllib.request.Request(gateway_url, data=hostile, method="POST", headers={
            "Content-Type": 'application/soap+xml; charset=utf-8; action="http://ec.europa.eu/ECRIS/deliverNotification"'})
        try:
            urllib.request.urlopen(request, timeout=10)
            say("unexpected: the hostile message was accepted")
        except urllib.error.HTTPError as refused:
            code, reason = fault_reason(refused.read()) or ("?", "no SOAP fault in the answer")
            say(f"HTTP {refused.code}, SOAP fault {code}: {reason}")
        rejected = [r for r in inbox_rows() if r["state"] == "rejected"]
        say(f"journalled as rejected: {len(rejected)} message(s); outbox unchanged: {before} → {len(outbox_rows())}")

        luxembourg_asks_other_member_states()


def sent_rows() -> dict[str, dict[str, object]]:
    return {str(r["message_id"]): r for r in json.loads(gateway("requests", "sent", "--json").stdout)}


def luxembourg_asks_other_member_states() -> None:
    """Arts 13, 14 and 16: Luxembourg's own request answered by Italy, and a person's own-record request
    forwarded to Italy and France, their answers on the bulletin issued."""
    rossi = "1988020222222"
    step("14. Art 13: an investigating judge asks Italy about Luca Rossi (criminal proceedings)")
    say("Luca Rossi is also Albanian, so ECRIS-TCN is queried first (Art 12-1(3), logged): no other State holds a"
        " record of him there; Italy, his Member State of nationality, is asked.")
    say(gateway("requests", "send", "--to", "IT", "--person", rossi, "--purpose", "criminal_proceedings",
                "--authority", "Juge d'instruction, tribunal d'arrondissement de Luxembourg", "--urgent").stdout)
    [asked] = [m for m, r in sent_rows().items() if r["kind"] == "request"]
    wait_for(lambda: sent_rows()[asked]["state"] == "answered", "Italy's answer")
    say("Italy's answer, matched to our request and shown as a clerk reads it:")
    say(gateway("requests", "sent", asked).stdout)

    step("15. Art 14: Luca Rossi asks for his own bulletin N°3; the request goes to Italy and France")
    say("He is Italian and used to live in Nice: the law forwards his request to both States (Art 14(1)),"
        " which have 20 working days to answer (Art 16(2)). Being also Albanian, ECRIS-TCN is queried too"
        " (compulsory for an own-record request, Reg 2019/816 Art 7(1)): no other State holds a record of him.")
    import_changed("rossi-nice", rossi, previous_residences=[{"address": None, "city": "Nice", "country": "FR"}])
    say(gateway("requests", "own-record", rossi, "--number", "3").stdout)
    forwarded = [m for m, r in sent_rows().items() if r["kind"] == "own_record"]
    wait_for(lambda: all(sent_rows()[m]["state"] == "answered" for m in forwarded), "Italy's and France's answers")
    say(gateway("requests", "sent").stdout)
    say("\nHis bulletin N°3, with the answers of Italy and France attached as received (AMB-21):")
    say(gateway("bulletin", rossi, "--number", "3").stdout)


NAMESAKES = ("1982041200011", "1982041200022")


def ambiguous_request_resolved(peer_env: dict[str, str]) -> None:
    """Step 12: Portugal asks about a Marc Thill without his national number; the register holds two namesakes
    born the same day in the same town. The gateway asks Portugal for more (RequestAdditionalInfo), Portugal's
    answer settles it, and the request is answered; the clerk's queue shows every request and its deadline."""
    step("12. Two namesakes: Portugal's request needs more identification, asked for and received (Art 15, 16(1))")
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    schmit = next(p for p in document["persons"] if p["id"] == "1979110254321")
    document["persons"] = [
        {**schmit, "id": number, "surname": "Thill", "forenames": ["Marc"],
         "birth": {"date": "1982-04-12", "city": "Luxembourg", "country": "LU"},
         "decisions": schmit["decisions"] if number == NAMESAKES[1] else []}
        for number in NAMESAKES]
    path = VAR / "demo-namesakes.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    say(gateway("register", "import", str(path)).stdout)
    say("The register now holds two Marc Thill, both born on 12/04/1982 in Luxembourg.")
    asked = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "peer-request", "--db", peer_db("PT"), "--state", "PT",
         "--surname", "Thill", "--forenames", "Marc", "--born", "1982-04-12", "--birth-place", "Luxembourg",
         "--purpose", "criminal_proceedings", "--urgent", "--when-asked-national-number", NAMESAKES[1]],
        cwd=ROOT, env=peer_env, check=True, capture_output=True, text=True).stdout.split()[1]
    say(f"Portugal asks, urgently, for Marc Thill's record for criminal proceedings ({asked}), without his "
        "national number.")
    wait_for(lambda: any(r["response_to"] == asked and r["type"] == "RequestResponseMessage"
                         for r in outbox_rows()), f"the answer to Portugal's request {asked}")
    shown = json.loads(gateway("requests", "show", asked, "--json").stdout)
    say(f"Two persons matched, so the gateway told Portugal the answer is due on {french_day(shown['due_date'])} "
        "and asked for his identity number; Portugal gave it, the ten working days ran again from the day of its "
        f"reply ({french_day(shown['clock_started_on'])}), and the request was answered about {shown['person']} "
        f"({shown['response_type']}). The clerk's view of that request:")
    say(gateway("requests", "show", asked).stdout)

    unsure = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "peer-request", "--db", peer_db("PT"), "--state", "PT",
         "--surname", "Schmit", "--forenames", "Paulo", "--born", "1979-11-02", "--birth-place", "Luxembourg",
         "--purpose", "criminal_proceedings"],
        cwd=ROOT, env=peer_env, check=True, capture_output=True, text=True).stdout.split()[1]
    wait_for(lambda: json.loads(gateway("requests", "show", unsure, "--json", check=False).stdout or "{}")
             .get("state") == "received", f"Portugal's request {unsure} to wait for a clerk")
    say(f"\nPortugal then asks about a « Paulo » Schmit born the day Paul Schmit was ({unsure}); asked for more, "
        "it has nothing to add, so the request waits for a clerk, within its deadline. The clerks' work queue "
        "(urgent first, then by due date; working days left in Luxembourg):")
    say(gateway("requests", "list").stdout)
    say("The clerk checks the file and answers: it is Paul Schmit.")
    say(gateway("requests", "answer", unsure, "--person", "1979110254321").stdout)
    say(gateway("requests", "list", "--open").stdout or "No request waits any more.")


def french_day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


BRAZILIAN_ID = "1991020312399"
BRAZILIAN = {
    "id": BRAZILIAN_ID, "kind": "natural", "surname": "Silva", "forenames": ["João"], "sex": "M",
    "birth": {"date": "1991-02-03", "city": "São Paulo", "country": "BR"}, "nationalities": ["BR"],
    "mother": {"surname": "Pereira", "forenames": ["Maria"]},
    "identity_documents": [{"category": "passport", "number": "FX123456", "issuing_authority": "Polícia Federal",
                            "issuing_country": "BR"}],
    "decisions": [{
        "id": "D-2026-0042", "court": "Tribunal d'arrondissement de Luxembourg", "court_country": "LU",
        "reference": "LCRI 42/2026", "decision_date": "2026-09-15", "final_date": "2026-10-20",
        "kind": "conviction", "penalty_level": "correctional",
        "offences": [{"date": "2026-03-01", "qualification": "trafic de stupéfiants", "minor": "none",
                      "legal_provisions": "art. 8 de la loi du 19 février 1973", "etias": "annex:5",
                      "lu_max_custodial_months": 60}],
        "penalties": [{"type": "imprisonment", "months": 18, "sursis": {"type": "simple", "scope": "partial",
                                                                         "suspended_months": 9}}],
    }],
}


@contextmanager
def simulated_tcn_central() -> Iterator[str]:
    """A simulated ECRIS-TCN central system holding a French and a German record, for the whole exchange."""
    central_port = free_port()
    central_url = f"http://127.0.0.1:{central_port}/tcn"
    seed = VAR / "demo-tcn-seed.json"
    seed.write_text(json.dumps(TCN_SEED), encoding="utf-8")
    ENV["ECRIS_GATEWAY_TCN_CENTRAL_URL"] = central_url
    central_env = {**os.environ, "ECRIS_GATEWAY_NOW": DEMO_NOW}
    central_env.pop("ECRIS_GATEWAY_CONFIG", None)
    with background(["tcn-central", "--port", str(central_port), "--seed", str(seed),
                     "--db", "sqlite://"], central_env, VAR / "demo-tcn-central.log", central_url):
        yield central_url


def ecris_tcn(central_url: str) -> None:
    """ECRIS-TCN end to end against a simulated central system: records kept in step, queries, police files."""
    from adapters.tcn.biometric_cipher import new_key

    ENV["ECRIS_GATEWAY_TCN_BIOMETRICS_KEY"] = new_key()  # a development key; production reads a secret store
    ecris_tcn_record_of_a_brazilian_national(central_url)
    ecris_tcn_queries()
    ecris_tcn_biometric_files()


def ecris_tcn_record_of_a_brazilian_national(central_url: str) -> None:
    step("16. ECRIS-TCN: a Brazilian national convicted in Luxembourg gets a record (Arts 12-1, 12-2)")
    say(f"A simulated ECRIS-TCN central system on {central_url}, already holding a French and a German record "
        "(the project's own XML format, schemas/ecris-tcn).")
    path = VAR / "demo-tcn-register.json"
    path.write_text(json.dumps({"format": "ecris-gateway/register@1", "persons": [BRAZILIAN]}, ensure_ascii=False),
                    encoding="utf-8")
    say(gateway("register", "import", str(path)).stdout)
    say("The record as the register makes it today (Reg 2019/816 Art 5 data only, AMB-16):")
    say(gateway("tcn", "record", BRAZILIAN_ID).stdout)
    say("Art 12-2: the police must take his fingerprints; they arrive, and the record is updated:")
    say(gateway("tcn", "prints-due").stdout)
    say(gateway("tcn", "prints-received", BRAZILIAN_ID, "--reference", "PGD-EMP-2026-0815").stdout)
    say("The operations queued for the central system (the register's third-country nationals, the Brazilian "
        "last), each written in the transaction that changed the register:")
    say(gateway("tcn", "queue", "--pending").stdout)
    say("Sent to the central system, in order per person:")
    say(gateway("tcn", "send").stdout)
    say("The records kept:")
    say(gateway("tcn", "list").stdout)


TCN_SEED = [
    {"convicting_state": "FR", "reference": "FR-2021-0457", "surname": "BENALI", "forenames": ["Youssef"],
     "birth_date": "1990-07-18", "birth_country": "MA", "nationalities": ["MA"], "gender": "M"},
    {"convicting_state": "DE", "reference": "DE-K-2019-88", "surname": "Haddad", "forenames": ["Omar"],
     "birth_date": "1987", "nationalities": "stateless"},
]


def ecris_tcn_queries() -> None:
    step("17. ECRIS-TCN: which Member States to ask about a third-country national (Art 12-1(3))")
    say(gateway("tcn", "query", "1990071811111").stdout)  # Moroccan national: France holds a record
    say(gateway("tcn", "query", "1988020222222", "--json").stdout)  # Italian and Albanian: assimilated
    refused = gateway("tcn", "query", "1979110254321", check=False)  # Luxembourger only
    say(f"exit status {refused.returncode}: {refused.stderr.strip()}")


def ecris_tcn_biometric_files() -> None:
    step("18. The police's fingerprints for that query: encrypted, erased three months after our reply")
    prints = VAR / "demo-fingerprints.nist"
    prints.write_bytes(b"NIST-ITL 1-2011 fingerprint record (demo)")
    say(gateway("tcn", "biometrics", "add", "1990071811111", str(prints), "--kind", "fingerprints",
                "--request", "LU-FR-RQ-000000000000042").stdout)
    say(gateway("tcn", "biometrics", "replied", "LU-FR-RQ-000000000000042", "--on", "2026-11-30").stdout)
    say(gateway("tcn", "biometrics", "list").stdout)
    ENV["ECRIS_GATEWAY_NOW"] = "2027-02-28T06:00:00+01:00"
    say("Three months later (30 November → 28 February), the daily purge:")
    say(gateway("tcn", "biometrics", "purge").stdout)
    say(gateway("tcn", "biometrics", "list").stdout)
    ENV["ECRIS_GATEWAY_NOW"] = DEMO_NOW
    say("The ECRIS-TCN processing log (every create, update, delete, query and purge; Reg Art 31):")
    say(gateway("tcn", "log", "list").stdout)
    say(gateway("tcn", "log", "verify").stdout)


NATURALISED = [
    {"person": {"id": "2026030200001", "kind": "natural", "surname": "Martin", "forenames": ["Claire"], "sex": "F",
                "birth": {"date": "1984-06-12", "city": "Lyon", "country": "FR"}, "nationalities": ["LU"]},
     "nationality_on": "2026-03-02", "event": "acquisition", "former_nationalities": ["FR"],
     "extracts": [{"country": "FR", "issued_on": "2025-09-01", "convictions": []}]},
    {"person": {"id": "2026030200002", "kind": "natural", "surname": "Benali", "forenames": ["Karim"], "sex": "M",
                "birth": {"date": "1975-01-02", "city": "Fès", "country": "MA"}, "nationalities": ["LU"]},
     "nationality_on": "2026-03-02", "event": "acquisition", "former_nationalities": ["MA"],
     "extracts": [{"country": "MA", "issued_on": "2025-08-15", "convictions": [{
         "id": "MA-2019-771", "court": "Tribunal de première instance de Fès", "court_country": "MA",
         "reference": "771/2019", "decision_date": "2019-03-04", "final_date": "2019-04-20", "kind": "conviction",
         "penalty_level": "correctional", "offences": [{"date": "2018-11-02", "qualification": "vol simple"}],
         "penalties": [{"type": "imprisonment", "months": 4, "sursis": {"type": "simple", "scope": "full"}}]}]}]},
]


def naturalisation_transfer() -> None:
    """Art 14(3): the Minister's yearly transfer of new Luxembourgers — France asked, Morocco's extract inscribed."""
    step("19. Art 14(3): the Ministry's naturalisation transfer — France asked, Morocco's extract inscribed")
    transfer = VAR / "demo-naturalisation.jsonl"
    transfer.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"format": "ecris-gateway/naturalisation@1", "year": 2026, "reference": "MJ/NAT/2026/DEMO"}, *NATURALISED])
        + "\n", encoding="utf-8")
    gateway_port, france_port = free_port(), free_port()
    gateway_url = f"http://127.0.0.1:{gateway_port}/ecris"
    france_url = f"http://127.0.0.1:{france_port}/ecris"
    config = VAR / "demo-gateway-naturalisation.toml"
    config.write_text(f'public_url = "{gateway_url}"\n\n[peers.FR]\nurl = "{france_url}"\ntimeout_seconds = 10\n',
                      encoding="utf-8")
    ENV["ECRIS_GATEWAY_CONFIG"] = str(config)
    peer_env = {**os.environ, "ECRIS_GATEWAY_NOW": DEMO_NOW}
    peer_env.pop("ECRIS_GATEWAY_CONFIG", None)
    france_db = VAR / "demo-peer-naturalisation-fr.db"
    france_db.unlink(missing_ok=True)
    with background(["peer", "--state", "FR", "--port", str(france_port), "--gateway", gateway_url, "--db",
                     f"sqlite:///{france_db}", "--convictions", "1"], peer_env, VAR / "demo-peer-nat-fr.log",
                    france_url), \
         background(["serve", "--port", str(gateway_port), "--threads", "4", "--no-scheduler"], ENV,
                    VAR / "demo-gateway-nat.log",
                    gateway_url):
        say(gateway("naturalisation", "import", str(transfer), "--report", str(VAR / "demo-naturalisation.csv")).stdout)
        say("The per-person report (--report):")
        say((VAR / "demo-naturalisation.csv").read_text(encoding="utf-8"))
        say("Running the same file again does nothing twice:")
        say(gateway("naturalisation", "import", str(transfer)).stdout)
        wait_for(lambda: json.loads(gateway("naturalisation", "status", "--json").stdout)[0]["answers_inscribed"] == 1,
                 "France's answer")
        say("France answered; its conviction is inscribed under Art 14(3):")
        say(gateway("naturalisation", "status").stdout)
        say(gateway("register", "show", "2026030200001").stdout)
        say(gateway("register", "show", "2026030200002").stdout)


def electronic_extract() -> None:
    step("20. The electronic extract: a bulletin N°3 as a PDF anyone can check from its QR code")
    keys = VAR / "demo-extract-keys"
    gateway("extract", "dev-key", str(keys))  # a development key, made afresh; never committed
    ENV["ECRIS_GATEWAY_EXTRACT_SIGNING_KEY"] = str(keys / "extract-signing-key.pem")
    pdf = VAR / "demo-extrait-n3.pdf"
    say("Youssef Benali asks for his bulletin N°3 on MyGuichet; the clerk issues it as a signed PDF:")
    issued = json.loads(gateway("extract", "issue", "1990071811111", "--number", "3", "--out", str(pdf),
                                "--json").stdout)
    number = issued["document_number"]
    say(f"Document n° {number} written to {pdf.relative_to(ROOT)}; its QR code opens {issued['verify_url'][:60]}…")
    say("A bulletin N°2 is never handed to the person; the clerk is told why:")
    say(gateway("extract", "issue", "1990071811111", "--number", "2", "--out", str(VAR / "refused.pdf"),
                check=False).stderr)
    say("An employer checks the PDF he received (the QR code is read from the printed page):")
    say(gateway("extract", "verify", str(pdf)).stdout)
    say("The person reports the document stolen; the clerk revokes it:")
    say(gateway("extract", "revoke", number, "--reason", "document signalé volé par la personne").stdout)
    checked = gateway("extract", "verify", str(pdf), check=False)
    say(f"The same PDF checked again (exit status {checked.returncode}):")
    say(checked.stdout)
    say("The register of issued extracts:")
    say(gateway("extract", "list").stdout)
def scheduler_catches_up() -> None:
    step("21. The scheduler: what falls due is done by itself, once (erasures, purges, deadlines, deliveries)")
    say("Before the night, a judge asks France about Paul Schmit (Art 13); France no longer answers:")
    say(gateway("requests", "send", "--to", "FR", "--person", "1979110254321", "--purpose",
                "criminal_proceedings").stdout)
    ENV["ECRIS_GATEWAY_NOW"] = "2027-03-01T02:00:00+01:00"
    say("Three months on, at 2 a.m., the nightly round runs every job once (`scheduler run --once`; "
        "in production `serve` or `scheduler run` does it on schedule). The simulated States and the "
        "central system have stopped, so deliveries wait for their next attempt:")
    say(gateway("scheduler", "run", "--once").stdout)
    say("The requests whose answer is late are now flagged for the clerks:")
    flagged = [r for r in json.loads(gateway("requests", "list", "--json").stdout) if r["flag"]]
    for row in flagged:
        say(f"   {row['message_id']}: {'en retard' if row['flag'] == 'late' else 'échéance proche'} "
            f"(échéance {french_day(row['due_date'])})")
    if not flagged:
        say("   aucune")
    say("Running the round again the same night changes nothing; the jobs, their last run and the next one:")
    gateway("scheduler", "run", "--once")
    say(gateway("jobs", "list").stdout)
    ENV["ECRIS_GATEWAY_NOW"] = DEMO_NOW


if __name__ == "__main__":
    main()
