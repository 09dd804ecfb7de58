"""Scoring of the extractor on a labelled corpus folder (docs/*.txt|*.xml + gold.jsonl).

Implements the rules of the development corpus README exactly:
1. classification: accuracy, per-class precision / recall / F1; a negative called a designation
   (either regime) is a critical error;
2. channels (documents whose gold label is a designation of either regime), by kind, only
   status "designated", as_invited ignored: recall over gold kinds with evidence "designated",
   precision against all gold kinds of the document (any evidence); a document classified
   not_designation must have no designated channels;
3. authority: name compared case- and accent-insensitively without gemeente/provincie/waterschap;
4. effective date: exact ISO date where gold has one;
5. annex process recall: each gold channel with a `process` (an annex row) must come out designated
   with that kind and a scope sharing at least half of the process's words;
6. questions (questions.jsonl, when the folder has one): the answer of kanaalwijzer.answer for each
   message and date is right when its designated kinds equal the gold's and no gold-excluded kind is
   designated (as_invited ignored on both sides, as in the channel scoring).
An excluded channel (gold excluded_channels) reported as designated is also a critical error.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .channels import ChannelFinder
from .pipeline import extract, get_nlp

CLASSES = ("wmebv_designation", "pre_wmebv_designation", "not_designation")
GOLD_TO_CLASS = {"designation": "wmebv_designation", "pre_wmebv_designation": "pre_wmebv_designation",
                 "not_designation": "not_designation"}


def norm_authority(name: str | None) -> set[str]:
    """Case- and accent-insensitive forms of a body name without gemeente/provincie/waterschap;
    a parenthesis is read both as part of the name ("Bergen (NH)") and as a gloss ("GBLT (...)")."""
    if not name:
        return set()
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"\b(?:gemeente|provincie|waterschap)\b", " ", text)
    forms = {re.sub(r"\(.*?\)", " ", text), re.sub(r"[()]", " ", text)}
    return {f for f in (re.sub(r"\s+", " ", f).strip(" .,") for f in forms) if f}


def same_authority(a: str | None, b: str | None) -> bool:
    return bool(norm_authority(a) & norm_authority(b))


@dataclass
class Score:
    docs: int = 0
    confusion: dict = field(default_factory=dict)   # (gold, predicted) -> count
    channel_gold: int = 0        # gold kinds with evidence designated
    channel_found: int = 0       # of those, named by the output
    channel_output: int = 0      # output designated kinds
    channel_correct: int = 0     # of those, in the gold channels (any evidence)
    critical: list = field(default_factory=list)
    authority_total: int = 0
    authority_correct: int = 0
    date_total: int = 0
    date_correct: int = 0
    decision_total: int = 0
    decision_correct: int = 0
    process_gold: int = 0        # gold channels with a process (annex rows)
    process_found: int = 0       # of those, output with that kind and a matching scope
    questions: int = 0
    questions_right: int = 0
    misses: list = field(default_factory=list)

    def per_class(self) -> dict:
        out = {}
        for c in CLASSES:
            tp = self.confusion.get((c, c), 0)
            fp = sum(v for (g, p), v in self.confusion.items() if p == c and g != c)
            fn = sum(v for (g, p), v in self.confusion.items() if g == c and p != c)
            prec = tp / (tp + fp) if tp + fp else None
            rec = tp / (tp + fn) if tp + fn else None
            f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if prec is not None and rec is not None else None)
            out[c] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
        return out

    @property
    def correct(self) -> int:
        return sum(v for (g, p), v in self.confusion.items() if g == p)

    def as_dict(self) -> dict:
        return {
            "documents": self.docs, "classification_correct": self.correct,
            "accuracy": self.correct / self.docs if self.docs else None,
            "per_class": self.per_class(),
            "channel_recall": self.channel_found / self.channel_gold if self.channel_gold else None,
            "channel_precision": self.channel_correct / self.channel_output if self.channel_output else None,
            "channel_counts": {"gold": self.channel_gold, "found": self.channel_found,
                               "output": self.channel_output, "correct": self.channel_correct},
            "critical_errors": self.critical,
            "authority_accuracy": self.authority_correct / self.authority_total if self.authority_total else None,
            "authority_counts": [self.authority_correct, self.authority_total],
            "effective_date_accuracy": self.date_correct / self.date_total if self.date_total else None,
            "effective_date_counts": [self.date_correct, self.date_total],
            "decision_date_accuracy": self.decision_correct / self.decision_total if self.decision_total else None,
            "decision_date_counts": [self.decision_correct, self.decision_total],
            "process_recall": self.process_found / self.process_gold if self.process_gold else None,
            "process_counts": [self.process_found, self.process_gold],
            "question_accuracy": self.questions_right / self.questions if self.questions else None,
            "question_counts": [self.questions_right, self.questions],
            "misses": self.misses,
        }


def load_gold(folder: Path) -> dict[str, dict]:
    gold = {}
    with open(folder / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                gold[item["id"]] = item
    return gold


DOC_SUFFIXES = (".txt", ".xml")


def corpus_files(folder: Path) -> list[Path]:
    """The documents of a corpus folder: docs/*.txt and docs/*.xml (Gemeenteblad / CVDR XML)."""
    return sorted(p for p in (folder / "docs").iterdir() if p.suffix.lower() in DOC_SUFFIXES and p.is_file())


def evaluate(folder: str | Path) -> Score:
    folder = Path(folder)
    gold = load_gold(folder)
    finder: ChannelFinder = get_nlp().get_pipe("kw_channels")
    score = Score()
    questions = load_questions(folder)
    for path in corpus_files(folder):
        g = gold.get(path.stem)
        if g is None:
            continue
        out = extract(path.read_bytes(), path.name)
        score_one(score, g, out, finder)
        score_questions(score, path.name, out, questions.get(path.name, []))
    return score


def load_questions(folder: Path) -> dict[str, list[dict]]:
    """questions.jsonl: per file, citizen questions {message, date, designated[], excluded[], why}."""
    path = folder / "questions.jsonl"
    if not path.is_file():
        return {}
    out: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                out.setdefault(item["file"], []).extend(item.get("questions", []))
    return out


def score_questions(score: Score, name: str, out: dict, questions: list[dict]) -> None:
    from datetime import date

    from kanaalwijzer.answer import Decision, answer

    decision = Decision.from_extract(out)
    for q in questions:
        score.questions += 1
        got = answer(decision, q["message"], date.fromisoformat(q["date"]))
        kinds = {c["kind"] for c in got.designated} - {"as_invited"}
        gold = set(q.get("designated", [])) - {"as_invited"}
        forbidden = set(q.get("excluded", [])) - gold
        if kinds == gold and not kinds & forbidden:
            score.questions_right += 1
        else:
            score.misses.append(f"{name}: vraag {q['message']!r} ({q['date']}): {sorted(kinds) or '-'} "
                                f"!= {sorted(gold) or '-'} [{got.status}; {got.decided_by}]")


def score_one(score: Score, g: dict, out: dict, finder: ChannelFinder) -> None:
    doc_id = g["id"]
    score.docs += 1
    gold_class = GOLD_TO_CLASS[g["label"]]
    predicted = out.get("classification", "not_designation")
    score.confusion[(gold_class, predicted)] = score.confusion.get((gold_class, predicted), 0) + 1
    if gold_class != predicted:
        score.misses.append(f"{doc_id}: {gold_class} -> {predicted}")
    if gold_class == "not_designation" and predicted != "not_designation":
        score.critical.append(f"{doc_id}: negatief document als {predicted} geclassificeerd")

    designated = {c["kind"] for c in out.get("channels", [])
                  if c.get("status") == "designated" and c["kind"] != "as_invited"}
    if predicted == "not_designation" and designated:
        score.critical.append(f"{doc_id}: niet-besluit met aangewezen kanalen {sorted(designated)}")
    gold_kinds = {c["kind"] for c in g.get("channels", [])}
    for ex in g.get("excluded_channels", []):
        text = ex if isinstance(ex, str) else json.dumps(ex, ensure_ascii=False)
        for kind, _, _ in finder.mentions(text):
            if kind in designated and kind not in gold_kinds:
                score.critical.append(f"{doc_id}: uitgesloten kanaal {kind} als aangewezen gemeld")
    if gold_class != "not_designation":
        gold_designated = {c["kind"] for c in g.get("channels", [])
                           if c.get("evidence") == "designated" and c["kind"] != "as_invited"}
        score.channel_gold += len(gold_designated)
        score.channel_found += len(gold_designated & designated)
        score.channel_output += len(designated)
        score.channel_correct += len(designated & gold_kinds)
        for k in sorted(gold_designated - designated):
            score.misses.append(f"{doc_id}: kanaal {k} gemist")
        for k in sorted(designated - gold_kinds):
            score.misses.append(f"{doc_id}: kanaal {k} ten onrechte")

    _score_processes(score, g, out)

    if g.get("authority"):
        score.authority_total += 1
        name = (out.get("authority") or {}).get("name")
        if same_authority(name, g["authority"]):
            score.authority_correct += 1
        else:
            score.misses.append(f"{doc_id}: autoriteit {name!r} != {g['authority']!r}")
    if g.get("effective_date"):
        score.date_total += 1
        if out.get("effective_date") == g["effective_date"]:
            score.date_correct += 1
        else:
            score.misses.append(f"{doc_id}: inwerkingtreding {out.get('effective_date')} != {g['effective_date']}")
    if g.get("decision_date"):
        score.decision_total += 1
        if out.get("decision_date") == g["decision_date"]:
            score.decision_correct += 1


WORD = re.compile(r"\w+")


def _words(text: str | None) -> set[str]:
    return set(WORD.findall((text or "").casefold()))


def _score_processes(score: Score, g: dict, out: dict) -> None:
    """Annex process recall: a gold row is found when a designated channel of its kind has a scope
    sharing at least half of the process's words."""
    designated = [c for c in out.get("channels", []) if c.get("status") == "designated"]
    for gc in g.get("channels", []):
        if not gc.get("process") or gc.get("evidence", "designated") != "designated":
            continue
        score.process_gold += 1
        words = _words(gc["process"])
        if any(c["kind"] == gc["kind"] and len(words & _words(c.get("scope"))) * 2 >= len(words)
               for c in designated):
            score.process_found += 1
        else:
            score.misses.append(f"{g['id']}: bijlageproces {gc['process']!r} ({gc['kind']}) gemist")


def _fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def format_table(score: Score) -> str:
    d = score.as_dict()
    lines = [f"Documenten: {d['documents']}   classificatie juist: {d['classification_correct']}/{d['documents']}"
             f"   accuracy {_fmt(d['accuracy']).strip()}", "",
             f"{'klasse':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'n':>6}"]
    for c, m in d["per_class"].items():
        lines.append(f"{c:<24}{_fmt(m['precision']):>10}{_fmt(m['recall']):>10}{_fmt(m['f1']):>10}{m['support']:>6}")
    cc = d["channel_counts"]
    lines += ["",
              f"kanalen recall     {_fmt(d['channel_recall'])}  ({cc['found']}/{cc['gold']} gouden aangewezen soorten gevonden)",
              f"kanalen precision  {_fmt(d['channel_precision'])}  ({cc['correct']}/{cc['output']} gemelde soorten in goud)",
              f"kritieke fouten    {len(d['critical_errors'])}",
              f"autoriteit         {_fmt(d['authority_accuracy'])}  ({d['authority_counts'][0]}/{d['authority_counts'][1]})",
              f"inwerkingtreding   {_fmt(d['effective_date_accuracy'])}  ({d['effective_date_counts'][0]}/{d['effective_date_counts'][1]})",
              f"besluitdatum       {_fmt(d['decision_date_accuracy'])}  ({d['decision_date_counts'][0]}/{d['decision_date_counts'][1]})",
              f"bijlageprocessen   {_fmt(d['process_recall'])}  ({d['process_counts'][0]}/{d['process_counts'][1]} rijen gevonden)",
              f"vragen juist       {_fmt(d['question_accuracy'])}  ({d['question_counts'][0]}/{d['question_counts'][1]})"]
    for c in d["critical_errors"]:
        lines.append(f"  KRITIEK: {c}")
    if d["misses"]:
        lines += ["", "Afwijkingen:"] + [f"  - {m}" for m in d["misses"]]
    return "\n".join(lines)
