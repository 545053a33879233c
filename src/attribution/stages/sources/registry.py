"""The registry: every mention keyed to one canonical source, with names, titles, roles,
bodies, documents and types read from the mention and the text around it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ...models import Source
from ...models import Span as TextSpan
from ...rules.compiled import CompiledRules
from ..ids import slug
from ..syntax import doc_text, mention_span, sentences, subtree

_PERSON_LABELS = frozenset({"PERSON"})


_GROUP_LABELS = frozenset({"ORG", "NORP"})


_PLACE_LABELS = frozenset({"GPE"})


_PLACE_MODIFIER_LABELS = frozenset({"GPE", "LOC", "NORP"})


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


_BODY_TYPES = frozenset({"organisation", "government"})


_BODY_SENTENCES = 2  # "the agency" stands for a body named this close before it


_BODY_SPOKE_SENTENCES = 5  # ... or for a named body that spoke this close before it


_DOCUMENT_SENTENCES = 3  # "the report" is a document named this close before it


_LOOKBACK = 40


_LOOKBACK_SENTENCES = 12


_MAX_NAME_TOKENS = 4


CONFIDENCE_PRONOUN = 0.7


@dataclass
class _Entry:
    key: str
    name: str
    type: str
    role: str | None = None
    anonymous: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    gender: str | None = None
    plural: bool = False
    titles: set[str] = field(default_factory=set)
    author: str | None = None
    author_span: tuple[int, int] | None = None
    author_earlier: bool = False  # the author is inferred: a document named before, a filer
    bare_title: str | None = None  # "the mayor": a role that may name a person given elsewhere
    bare_owner: frozenset[str] = frozenset()  # "the ABL commissioner": whose title it is
    bare_body: str | None = None  # "the union": a body that may be named elsewhere
    named: bool = False  # a proper name names it: "Transit Corp", not "the agency"


class _Registry:
    """Canonical sources by key, in first-mention order."""

    def __init__(self, doc: Doc, rules: CompiledRules) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # spaCy rebuilds Doc.text on every access
        self.ents = list(doc.ents)
        self._mentions: dict[tuple[int, int], Span | None] = {}  # see _mention_tokens
        self._organisations: dict[tuple[int, int], tuple[str, str, str] | None] = {}
        self._persons: dict[tuple[int, int], _Entry | None] = {}  # see _known_person
        self.rules = rules
        self.entries: dict[str, _Entry] = {}
        self.last_names: dict[str, str] = {}
        self.last_document: dict[str, str] = {}
        self.merged: dict[str, str] = {}
        self.stood_for: dict[tuple[int, int], str] = {}  # "the agency" -> the body it names
        self.authoring: set[tuple[int, int]] = set()  # documents whose author is being added
        self.sentence_starts = [
            s.start_char
            for n, s in enumerate(sentences(doc))
            if not n or any(t.is_alpha for t in s)
        ]
        self.name_of = self._names()
        self.given_names: set[str] = set()  # the keys of people that are given names
        self.people = self._people()
        self.text_gender: dict[str, str] = {}  # none known while it is being read
        self.text_gender = self._text_genders()
        self.holders = self._holders()

    def _holders(self) -> dict[str, list[Span]]:
        """Title -> the named people who hold it: "Surrey Mayor Doug McCallum", "Ann
        Kessler, the governor", "the governor, Ann Kessler"."""
        holders: dict[str, list[Span]] = {}
        self.holder_words: dict[int, set[str]] = {}  # name start -> the words of its role
        titles = self.rules.titles
        for name in {n.start: n for n in self.name_of.values()}.values():
            found = []
            k = name.start - 1
            while k >= 0 and k >= name.start - 5 and self.doc[k].pos_ in {"PROPN", "NOUN", "ADJ"}:
                found.append(self._word(self.doc[k]))
                k -= 1
            root = name.root
            apposed = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                apposed.append(root.head)
            found += [self._word(t) for t in apposed]
            self.holder_words[name.start] = set(found) | {
                w.lower_ for t in apposed for w in subtree(t)
            }
            for title in {w for w in found if w in titles}:
                holders.setdefault(title, []).append(name)
        return holders

    def _names(self) -> dict[int, Span]:
        """Token -> the person's name it is part of: runs of proper nouns that the
        parser tags as a person, open with a known given name or follow a title or
        honorific ("Carole Laurin", "Mayor Oleksandr Honcharenko", "Ms. Patel"), less the
        title; and the parser's other PERSON entities."""
        names: dict[int, Span] = {}
        doc, i = self.doc, 0
        while i < len(doc):
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
                end += 1 + _hyphen_joins(doc, end)  # "Diaz-Moreno": one surname
            if end > i:
                run = doc[i:end]
                lead = self._leading_titles(run) if end - i > 1 else 0
                core = run[lead:]
                tagged = any(t.ent_type_ in _PERSON_LABELS for t in core)
                starts = sum(t.ent_iob_ == "B" for t in core if t.text != "-")
                words = sum(t.text != "-" for t in core)
                if starts > 1 or words > _MAX_NAME_TOKENS:
                    pass  # "Bernie Sanders Burns Hillary Clinton": a headline, not one name
                elif self._is_place(run):
                    pass  # "Prince George", "Port Hope": a title-led place, not a person
                elif (words >= 2 and (tagged or self._opens_name(core[0]))) or (
                    lead and len(core) >= 1
                ):
                    names.update({k: core for k in range(core.start, core.end)})
            i = max(end, i + 1)
        for ent in self.ents:
            if ent.label_ in _PERSON_LABELS and ent.start not in names:
                name = ent[self._leading_titles(ent) :]
                names.update({k: name for k in range(name.start, name.end) if k not in names})
        return names

    def _is_place(self, run: Span) -> bool:
        """Every word of the run belongs to a place the parser found: "Prince George"."""
        return all(t.ent_type_ in _PLACE_MODIFIER_LABELS | {"FAC"} for t in run)

    def _opens_name(self, token: Token) -> bool:
        if token.text in self.rules.gender_of_name:
            return True
        if token.i == 0:
            return False
        before = self._word(token.nbor(-1))
        return before in self.rules.titles or before in self.rules.honorifics

    def _people(self) -> dict[str, Span]:
        """Each surname of a person named in full, and that full name: a later
        "Lonechild" is Darian Lonechild, a person, not a body. Also a given name that only
        one person named in full bears, and no one as a surname: "Jayla Brisco ... Jayla
        told police" (a child, a witness, a contestant often goes by a given name)."""
        people: dict[str, Span] = {}
        given: dict[str, set[str]] = {}
        self.bearers: dict[str, list[Span]] = {}  # surname -> each full name, in text order
        for name in sorted({n.start: n for n in self.name_of.values()}.values()):
            if len(name) > 1 and name[-1].pos_ == "PROPN" and " " in (full := _words(name)):
                surname = _surname(full)
                for part in [surname, *surname.split("-")]:  # "Diaz-Moreno", "Diaz"
                    people.setdefault(part, name)
                    self.bearers.setdefault(part, []).append(name)
                given.setdefault(full.split()[0].lower(), set()).add(full.lower())
        for first, fulls in given.items():
            if len(fulls) == 1 and first not in people:
                people[first] = next(n for n in self.name_of.values() if _words(n).lower() in fulls)
                self.bearers[first] = [people[first]]
                self.given_names.add(first)
        return people

    def _text_genders(self) -> dict[str, str]:
        """Full name -> the gender of the first he/she-pronoun after a person's name in its
        sentence, with no other person between, when the name is the subject of a clause
        that governs the pronoun: "Lonechild has proven herself", "Ruiz said she would".
        Not "When Ruiz left, he ...": there the pronoun's clause governs the name's, and
        the pronoun is someone else. Keyed by full name, as relatives share a surname.
        What the text says wins over a first-name list."""
        genders = self.rules.pronoun_gender
        found: dict[str, str] = {}
        for sent in sentences(self.doc):
            person: tuple[str, Token] | None = None
            for token in sent:
                name = self.name_of.get(token.i)
                if name is not None and token.i == name.start:
                    verb = self._subject_of(name)
                    person = (self._full_name(name).lower(), verb) if verb is not None else None
                elif person and token.lower_ in genders and _tells_gender(token):
                    gender = genders[token.lower_]
                    if person[1] in token.ancestors and not self._named_otherwise(
                        person[0], gender, token
                    ):
                        found.setdefault(person[0], gender)
                    person = None
        return found

    def _named_otherwise(self, full: str, gender: str, pronoun: Token) -> bool:
        """Whether the given name says another gender than a pronoun that may be someone
        else's ("Her lawyer, Paul Greer, said she would plead not guilty"); a reflexive
        ("Paul Greer proved himself") is always the name's own."""
        if pronoun.morph.get("Reflex") == ["Yes"]:
            return False
        listed = self.rules.gender_of_name.get(full.split()[0].title()) if full else None
        return listed is not None and listed != gender

    def _subject_of(self, name: Span) -> Token | None:
        """The verb a name is the subject of, also through an apposition ("the mayor,
        Ann Kessler, said"), if it is one."""
        token = name.root
        while token.dep_ in {"appos", "compound"} and token.head is not token:
            token = token.head
        return token.head if token.dep_ in _SUBJECT_DEPS else None

    def _full_name(self, name: Span) -> str:
        """A name as :meth:`_person` spells it: no honorific, a lone surname in full."""
        words = [t for t in name if t.tag_ != "POS" and self._word(t) not in self.rules.honorifics]
        titled = self.doc[max(name.start - 1, 0) : name.end]  # with its "Mrs.", if any
        bearer = self._bearer(words[0].text.lower(), titled) if len(words) == 1 else None
        return _words(bearer if bearer is not None else words) or name.text

    # --- adding mentions ----------------------------------------------------------------

    def add(self, span: tuple[int, int]) -> str:
        """Register a mention and return the key of the source it names."""
        entry = self.describe(span)
        if entry.author_span is not None and entry.author_span not in self.authoring | {span}:
            self.authoring.add(span)  # "a review of the study by the report": no loop
            try:
                entry.author = self.add(entry.author_span)
            finally:
                self.authoring.discard(span)
            entry.key += f":{entry.author}"
        else:
            entry.author_span = None
        key = self._known_key(entry)
        if key == entry.key and key not in self.entries:
            stands_for = self._stands_for(entry, span)
            if stands_for is not None:
                key = self._add_silently(stands_for)
                self.stood_for[span] = key
                self._retype_as_body(key, entry)
        existing = self.entries.get(key)
        if existing is None:
            self.entries[key] = existing = entry
        else:
            self._absorb(existing, entry)
        if entry.type == "document":
            self.last_document[entry.key.split(":")[1]] = key
        if entry.key.startswith("person:"):
            self.last_names[_surname(entry.name)] = key
        existing.mentions.append(span)
        existing.names.append(self.text[span[0] : span[1]])
        return key

    def _add_silently(self, span: tuple[int, int]) -> str:
        """Register what a mention stands for, without counting it as a mention."""
        key = self.add(span)
        self.entries[key].mentions.pop()
        self.entries[key].names.pop()
        return key

    def _stands_for(self, entry: _Entry, span: tuple[int, int]) -> tuple[int, int] | None:
        """ "the mayor": the one person the article names as mayor; "the union": the
        latest named organisation before it."""
        if entry.bare_title is not None:
            holders = {
                n.text: n
                for n in self.holders.get(entry.bare_title, ())
                if entry.bare_owner <= self.holder_words.get(n.start, set())
            }
            if len(holders) == 1:
                (name,) = holders.values()
                return name.start_char, name.end_char
            latest = self._latest_holder(entry.bare_title, span[0])
            if latest is not None:  # two senators: "the senator" is the one just named
                return latest
        if entry.bare_body is not None:
            apposed = self._apposed_name(span)
            if apposed is not None:  # "the railway, Northline Freight,": the name it gives
                return apposed
            kind = self.rules.type_of_lemma.get(entry.bare_body, "organisation")
            subject = self._subject_body(span[0], kind)
            if subject is not None:  # "Hydro One sold its stake to Brookfield. The company said"
                return subject
            latest = self._latest_organisation(span[0], kind)
            if latest is None and entry.bare_body in self.rules.any_kind_bodies:
                latest = self._latest_organisation(span[0], "organisation")  # "TransLink"
            main = self._main_organisation(span[0]) if kind == "organisation" else None
            untagged = self._untagged_subject(span[0]) if kind == "organisation" else None
            return latest or main or untagged
        return None

    def _retype_as_body(self, key: str, entry: _Entry) -> None:
        """ "Unifor said ... The union said": a lone name typed a person only for want of
        a better guess is the body the body word calls it."""
        target = self.entries.get(key)
        if entry.bare_body is None or target is None or not self._untyped_name(target):
            return
        target.type = self.rules.type_of_lemma.get(entry.bare_body, "organisation")

    def _untyped_name(self, entry: _Entry) -> bool:
        """A one-word name typed a person for want of a better guess: no title, no role, no
        gender, and no surname of someone the article names in full."""
        name = entry.name
        return (
            entry.type == "person"
            and " " not in name
            and name[:1].isupper()
            and not entry.titles
            and entry.role is None
            and entry.gender is None
            and name.lower() not in self.people
            and name not in self.rules.gender_of_name
        )

    def _several_hold(self, title: str) -> bool:
        """Whether the text names more than one person (by surname) with this title."""
        return len({n[-1].text for n in self.holders.get(title, ())}) > 1

    def _latest_holder(self, title: str, before: int) -> tuple[int, int] | None:
        """Of several people named with this title, the one named last before ``before``,
        if no more than two sentences back: "Sen. Ostrander said ... The senator added"."""
        named = [n for n in self.holders.get(title, ()) if n.end_char <= before]
        if not named:
            return None
        name = max(named, key=lambda n: n.start_char)
        here = bisect_right(self.sentence_starts, before)
        if here - bisect_right(self.sentence_starts, name.start_char) > _BODY_SENTENCES:
            return None
        return name.start_char, name.end_char

    def _subject_body(self, before: int, kind: str) -> tuple[int, int] | None:
        """The named body of that kind that is the subject of a clause in the sentence
        before the body word, or earlier in its own: what that sentence was about."""
        here = bisect_right(self.sentence_starts, before)
        since = self.sentence_starts[max(0, here - 2)]
        found = None
        for ent in self.ents:
            if ent.label_ != "ORG" or ent.start_char < since or ent.end_char > before:
                continue
            if ent.root.dep_ not in _SUBJECT_DEPS:
                continue
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type == kind and not entry.bare_body and not _is_channel(self, entry):
                found = span
        return found

    def _untagged_subject(self, before: int) -> tuple[int, int] | None:
        """A proper name the parser tagged as no entity, subject of a verb in this sentence or
        the one before: "Halden Health will close three clinics, the company said"."""
        here = bisect_right(self.sentence_starts, before)
        since = self.sentence_starts[max(0, here - 2)]
        found = None
        for token in self.doc.char_span(since, before, alignment_mode="contract") or ():
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.pos_ != "PROPN" or token.ent_type_ or token.i in self.name_of:
                continue
            found = mention_span(token)
        return found

    def _apposed_name(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The proper name set beside a description in apposition, as characters."""
        tokens = self._mention_tokens(span)
        if tokens is None or not len(tokens):
            return None
        for child in _set_beside(tokens.root):
            if child.pos_ == "PROPN" and child.i > tokens.root.i:
                return mention_span(child)
        return None

    def _latest_organisation(self, before: int, kind: str) -> tuple[int, int] | None:
        """ "TransLink ... The agency said": the body of that kind (a council is no
        company) named in the last few sentences, never a platform."""
        here = bisect_right(self.sentence_starts, before)
        spoke = [
            (max(m for m in e.mentions if m[1] <= before), named[0])
            for e in self.entries.values()
            if (e.type == kind and e.named) or (kind != "person" and self._untyped_name(e))
            if any(m[1] <= before for m in e.mentions)
            for named in [[m for m in e.mentions if not self._pronoun(self.text[m[0] : m[1]])]]
            if named
        ]
        if spoke:  # a body that has spoken: "Cisco's Talos unit said ... the firm wrote"
            latest, named = max(spoke)
            if here - bisect_right(self.sentence_starts, latest[0]) <= _BODY_SPOKE_SENTENCES:
                return named
        for ent in reversed(self.ents):
            if ent.end_char > before or ent.label_ != "ORG":
                continue
            if here - bisect_right(self.sentence_starts, ent.start_char) > _BODY_SENTENCES:
                return None
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type == kind and not entry.bare_body and not _is_channel(self, entry):
                return span
        return None

    def _main_organisation(self, before: int) -> tuple[int, int] | None:
        """The organisation the article is about so far: the most often named one
        (the latest on a tie), never a platform."""
        counts: dict[str, tuple[int, int, tuple[int, int]]] = {}
        for ent in self.ents:
            if ent.label_ != "ORG" or ent.start_char >= before:
                continue
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type != "organisation" or _is_channel(self, entry):
                continue
            n = counts.get(entry.key, (0, 0, span))[0]
            counts[entry.key] = (n + 1, ent.start_char, span)
        if not counts:
            return None
        return max(counts.values())[2]

    def key_of(self, span: tuple[int, int]) -> str:
        """The key a mention would get, without registering it."""
        return self._known_key(self.describe(span))

    def _known_key(self, entry: _Entry) -> str:
        key = self.last_names.get(entry.key.removeprefix("name:"), entry.key)
        if entry.key.startswith("person:"):
            key = self._same_person(entry)
        several = entry.bare_title is not None and self._several_hold(entry.bare_title)
        if entry.bare_title is not None and (entry.bare_owner or not several):
            key = self._title_holder(entry.bare_title, entry.bare_owner) or key
        if entry.type == "document" and entry.author_span is None:
            key = self.last_document.get(entry.key.split(":")[1], key)
        return self.merged.get(key, key)

    def _same_person(self, entry: _Entry) -> str:
        """The person already known by this surname, unless the first names differ
        ("Mary Nicholson" and "Trevor Nicholson" are two people)."""
        earlier = self.last_names.get(_surname(entry.name))
        known = self.entries.get(self.merged.get(earlier, earlier)) if earlier else None
        if known is None or _other_gender(entry, known):
            return entry.key  # "Mrs. Clinton" after Bill Clinton: his wife
        first, other = entry.name.split(), known.name.split()
        shorter, longer = sorted(([w.lower() for w in first], [w.lower() for w in other]), key=len)
        if longer[len(longer) - len(shorter) :] == shorter:  # "Van Doorn" of "Emeric Van Doorn"
            return self.merged.get(earlier, earlier)
        if len(first) == 1 or len(other) == 1 or first[0].lower() == other[0].lower():
            return self.merged.get(earlier, earlier)
        return entry.key

    def _absorb(self, existing: _Entry, entry: _Entry) -> None:
        if existing.role is None:
            existing.role = entry.role
        existing.titles |= entry.titles
        existing.gender = existing.gender or entry.gender
        existing.author = existing.author or entry.author
        existing.anonymous = existing.anonymous or (entry.anonymous and existing.type != "person")
        longer = len(entry.name) > len(existing.name) and entry.type == existing.type
        if longer and not entry.bare_title and not entry.bare_body:  # "the company": no name
            existing.name = entry.name

    def _title_holder(self, title: str, owner: frozenset[str] = frozenset()) -> str | None:
        """The one named person who holds this title in the article so far, if only one."""
        holders = {
            k
            for k, e in self.entries.items()
            if e.type == "person"
            and not e.bare_title
            and title in e.titles
            and owner <= set((e.role or "").lower().split())
        }
        return holders.pop() if len(holders) == 1 else None

    def learn_gender(self, key: str, gender: str | None) -> None:
        entry = self.entries.get(key)
        if entry is not None and gender and entry.gender is None and entry.type == "person":
            entry.gender = gender

    # --- describing one mention ---------------------------------------------------------

    def describe(self, span: tuple[int, int]) -> _Entry:
        """What a mention names: its key, name, type, role, gender and number."""
        tokens = self._mention_tokens(span)
        text = self.text[span[0] : span[1]]
        if tokens is None or not len(tokens):
            return _Entry(f"group:{text.lower()}", text, "person")
        org = self._known_organisation(span, tokens)
        if org is not None:
            key, name, kind = org
            return _Entry(f"org:{key}", name, kind, named=True)
        root = tokens.root
        person = self._known_person(span, tokens)
        if person is not None:
            return person
        if self._word(root) in self.rules.documents:
            return self._document(tokens, root)
        return self._describe_group(tokens, text)

    def _mention_tokens(self, span: tuple[int, int]) -> Span | None:
        """The tokens of a mention, kept per span: resolution describes the same
        candidate mentions again for every pronoun that looks back at them."""
        if span not in self._mentions:
            self._mentions[span] = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        return self._mentions[span]

    def _known_organisation(
        self, span: tuple[int, int], tokens: Span
    ) -> tuple[str, str, str] | None:
        """:meth:`_gazetteer` kept per span: it reads only the tokens and the rules, and
        tries every run of words in the mention."""
        if span not in self._organisations:
            self._organisations[span] = self._gazetteer(tokens)
        return self._organisations[span]

    def _known_person(self, span: tuple[int, int], tokens: Span) -> _Entry | None:
        """:meth:`_person` kept per span, handed out as a fresh copy (callers change the
        entry they get). It may be kept because it reads only the parse, the rules and
        what ``__init__`` fixed (``name_of``, ``people``, ``text_gender``), never what
        resolution adds (``entries``, ``last_names``, ``merged``)."""
        if span not in self._persons:
            self._persons[span] = self._person(tokens, tokens.root)
        held = self._persons[span]
        if held is None:
            return None
        return replace(
            held, mentions=list(held.mentions), names=list(held.names), titles=set(held.titles)
        )

    def _person(self, tokens: Span, root: Token) -> _Entry | None:
        """A named person: the name holds the mention's head, or stands beside it in
        apposition ("the governor, Ann Kessler"; "Hale's spokeswoman, Dana Ortiz")."""
        name = self.name_of.get(root.i)
        if name is not None:
            name = self._role_before_name(root, name)
        role_tokens = [t for t in tokens if name is None or t.i < name.start]
        if name is None:
            name = self._titled_name(tokens, root)
            if name is None:
                return None
            role_tokens = [t for t in tokens if t.i < name.start or t.i >= name.end]
        else:
            role_tokens += self._appositive_role(root)
        if any(c.dep_ == "conj" for c in name.root.children):
            return None  # "Tore Sohlberg and Lehla Abreder": a group of people
        if self._named_body(tokens, name) or self._appositive_kind(root) is not None:
            return None  # "the group Border Fairness", "Nordline, the rail operator,"
        if self._body_word(root):
            return None  # "the railway, Northline Freight,": the name is the railway's
        lead = self._leading_titles(name)
        role_tokens += list(name[:lead])
        words = [
            t for t in name[lead:] if t.tag_ != "POS" and self._word(t) not in self.rules.honorifics
        ]
        full = _words(words) or name.text
        new_relative = full.lower() in self.given_names and name.root.dep_ == "appos"
        bearer = self._bearer(full.lower(), tokens) if " " not in full else None
        if bearer is not None and not new_relative:
            full = _words(bearer)  # "Lonechild": Darian Lonechild
        role = self._role(role_tokens)
        entry = _Entry(f"person:{full.lower()}", full, "person", role)
        entry.titles = {self._word(t) for t in role_tokens if self._word(t) in self.rules.titles}
        entry.gender = self.text_gender.get(full.lower()) or self._gender(
            [*tokens, *role_tokens, *self._apposed_relation(name)], full.split()
        )
        return entry

    def _apposed_relation(self, name: Span) -> list[Token]:
        """The nouns a name is set beside ("Her nephew, Dale Pritchard", "Kim Sato, a
        widower"): a gendered word among them tells the named person's gender."""
        root = name.root
        beside = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            beside.append(root.head)
            beside += [c for c in root.head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        return beside

    def _named_body(self, tokens: Span, name: Span) -> bool:
        """ "the group Border Fairness", "the charity Safe Harbour": a kind of body right
        before the name says the name is the body's, whatever the parser took it for."""
        before = [t for t in tokens if t.i < name.start and not t.is_punct]
        if not before or before[-1].i != name.start - 1:
            return False
        return self._kind_before_name([before[-1], name[0]]) is not None

    def _leading_titles(self, name: Span) -> int:
        """How many of the name's first tokens are a title: "Mayor Dan Reilly"."""
        rules = self.rules
        titled = [
            k
            for k, t in enumerate(name[:-1])
            if self._word(t) in rules.titles or self._word(t) in rules.honorifics
        ]
        return titled[-1] + 1 if titled else 0  # "Police Chief Ray Dunn": after "Chief"

    def _titled_name(self, tokens: Span, root: Token) -> Span | None:
        """The name beside a title head: "the governor, Ann Kessler", "Director of
        Research Kevin Haley"; not the owner in "a spokeswoman for Trudeau"."""
        appos = next((c for c in root.children if c.dep_ == "appos"), None)
        if appos is not None and appos.left_edge.i <= tokens.end + 1:  # "..., Ann Kessler"
            if appos.i in self.name_of:
                return self.name_of[appos.i]
            if appos.pos_ == "PROPN" and appos.text in self.rules.gender_of_name:
                return self.doc[appos.i : appos.i + 1]  # "Wise's dad, Darrin"
        named = self._name_after_modifier(tokens, root)
        if named is not None:
            return named
        if self._word(root) not in self.rules.titles:
            return self._name_after_role(tokens, root)
        for t in tokens:
            name = self.name_of.get(t.i)
            if name is not None and name.root.dep_ in {"appos", "npadvmod", "nmod", "dep"}:
                return name
        return self._name_after_role(tokens, root)

    def _name_after_role(self, tokens: Span, root: Token) -> Span | None:
        """ "Chief economist at Northgate Bank, Priya Nair, said", "Director, research at
        the firm Halden, Kevin Marsh, said": a full name closing the subject's phrase,
        which the parser set beside the last noun of the role's own phrase (a body, a
        thing, never a person), is the role's holder."""
        if root.pos_ not in {"NOUN", "PROPN"} or root.dep_ not in _SUBJECT_DEPS:
            return None
        if root.i in self.name_of:
            return None
        last = root.right_edge
        while last.is_punct and last.i > root.i:
            last = last.nbor(-1)
        name = self.name_of.get(last.i)
        if name is None or len(name) < 2 or name.root.dep_ != "appos":
            return None
        beside = name.root.head
        if beside == root or beside.i in self.name_of or self.person_word(beside):
            return None
        return name if root in beside.ancestors else None

    def _role_before_name(self, root: Token, name: Span) -> Span:
        """ "Keeper of the provincial archive, Omar Ahmad,": a one-word "name" heading a
        phrase of its own, with a full name in apposition, is an office; the full name
        is the person's."""
        if len(name) != 1 or not any(c.dep_ == "prep" for c in root.children):
            return name
        for child in root.children:
            apposed = self.name_of.get(child.i)
            if child.dep_ == "appos" and apposed is not None and len(apposed) > 1:
                return apposed
        return name

    def _name_after_modifier(self, tokens: Span, root: Token) -> Span | None:
        """ "A lawyer representing the family, Tom Vance, said", "One pastor backing him,
        Ann Hale of First Church, said": a name set off by commas after the head's own
        participle or prepositional phrase, right before the verb, names the head (the
        parser may hang it on the phrase's last noun instead)."""
        verb = root.head
        if root.dep_ not in {"nsubj", "nsubjpass"} or verb.i < 2 or root.i >= verb.i:
            return None
        if self.doc[verb.i - 1].text != "," or root.pos_ not in {"NOUN", "PRON"}:
            return None
        phrases = [c for c in root.rights if c.dep_ in {"acl", "prep"} and c.i < verb.i]
        inside = {root.i} | {t.i for c in phrases for t in subtree(c)}
        for k in range(tokens.end, verb.i - 1):
            name = self.name_of.get(k) or self._proper_run(k)
            if name is None or k != name.start or self.doc[k - 1].text != ",":
                continue
            apposed = name.root.dep_ == "appos" and name.root.head.i in inside
            if apposed and name.root.right_edge.i == verb.i - 2:
                return name
        return None

    def _proper_run(self, start: int) -> Span | None:
        """Two to four capitalised proper nouns from ``start``: a name the parser did not
        tag as one ("Darran Whiting")."""
        end = start
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and _capitalised(self.doc[end]):
            end += 1
        run = self.doc[start:end]
        return run if 2 <= len(run) <= _MAX_NAME_TOKENS and run.root.i == end - 1 else None

    def _appositive_role(self, root: Token) -> list[Token]:
        """ "Ann Kessler, the governor, said": the role in apposition after the name."""
        for child in root.children:
            is_role = (
                child.ent_type_ not in _PERSON_LABELS and self._word(child) in self.rules.titles
            )
            if child.dep_ == "appos" and is_role:
                return list(subtree(child))
        return []

    def _role(self, tokens: list[Token]) -> str | None:
        """The role words: no determiner, no honorific; a possessor, or a named body or person
        before the title, becomes "for X" ("Hale's spokeswoman" -> "spokeswoman for Hale");
        an office's own words stay as written ("Majority Leader", "Board president")."""
        owners = [
            t
            for t in tokens
            if t.pos_ == "PROPN"
            and (
                t.dep_ == "poss"
                or (
                    t.dep_ == "compound"
                    and t.ent_type_  # "Pentagon spokesman", not "Majority Leader"
                    and self._word(t.head) in self.rules.titles
                )
            )
        ]
        owner_tokens = {o.i for t in owners for o in subtree(t)}
        kept = [
            t
            for t in tokens
            if t.pos_ not in {"DET", "PUNCT"}
            and self._word(t) not in self.rules.honorifics
            and t.i not in owner_tokens
            and t.tag_ != "POS"
        ]
        role = _words(kept) or None
        if role and owners:
            owned = [[o for o in subtree(t) if o.tag_ != "POS"] for t in owners]
            role += " for " + " and ".join(_words(o) for o in owned)
        return role

    def _gender(self, tokens: list[Token], name: list[str]) -> str | None:
        """From a gendered word in the mention ("Ms.", "spokeswoman"), else the first name."""
        for t in tokens:
            gender = self.rules.gender_of_lemma.get(self._word(t))
            if gender:
                return gender
        if len(name) == 1 and name[0].lower() in self.people:
            return None  # "Hale": the surname of someone named in full, not a given name
        return self.rules.gender_of_name.get(name[0]) if name else None

    def _document(self, tokens: Span, root: Token) -> _Entry:
        """A report, letter or statement: a document, whose named author is the source."""
        author = self._author(root)
        earlier = author is None and tokens[0].lower_ == "the"
        if earlier:
            author = self._earlier_author(root)  # "A study by the institute ... the report"
        filed = author is None and tokens[0].lower_ in {"the", "a", "an"}
        if filed:
            author = self._filer(root)  # "According to the complaint ... Prosecutors say"
        name = _words([t for t in tokens if t.pos_ != "DET"]) or tokens.text
        entry = _Entry(f"doc:{self._word(root)}", name, "document")
        entry.author_span = mention_span(author) if author is not None else None
        entry.author_earlier = (earlier or filed) and author is not None
        return entry

    def _earlier_author(self, root: Token) -> Token | None:
        """The author of the nearest document named in the last few sentences, if it
        names one: "the report" is the study just named, whatever word it goes by; or
        of one named anywhere before by the same word ("released a report ... [many
        paragraphs] ... the report also found")."""
        here = bisect_right(self.sentence_starts, root.idx)
        for k in range(root.i - 1, -1, -1):
            token = self.doc[k]
            back = here - bisect_right(self.sentence_starts, token.idx)
            same = self._word(token) == self._word(root)  # "released a report ... the report"
            if back > _DOCUMENT_SENTENCES and not same:
                continue
            if token.pos_ == "NOUN" and self._word(token) in self.rules.documents:
                author = self._author(token) or self._written_by(token)
                if author is not None or not self._same_document(token, root):
                    return author
        return None

    def _same_document(self, earlier: Token, root: Token) -> bool:
        """ "... the post read. According to the post, ...": a definite mention by the same
        word, which says no more of its author than this one: look further back."""
        definite = earlier.i > 0 and self.doc[earlier.i - 1].lower_ == "the"
        return self._word(earlier) == self._word(root) and definite

    def _filer(self, root: Token) -> Token | None:
        """Who files such a document, named anywhere in the article ("the complaint":
        the prosecutors), the nearest before it first; None if the text names no one."""
        filers = self.rules.filers.get(self._word(root))
        if not filers:
            return None
        found = [t for t in self.doc if t.pos_ in {"NOUN", "PROPN"} and self._word(t) in filers]
        before = [t for t in found if t.i < root.i]
        if before:
            return self._named_holder(before[-1])
        return self._named_holder(found[0]) if found else None

    def _named_holder(self, token: Token) -> Token:
        """The person a role word names, if the text names them with it: "Justice Paul
        Raines", "Ana Roy, the plaintiff", "Ana Roy is the lead plaintiff"; else the word."""
        name = self.name_of.get(token.i + 1)
        if name is not None and name.start == token.i + 1:
            return name.root
        if token.dep_ == "appos" and token.head.i in self.name_of:
            return token.head
        apposed = next((c for c in token.children if c.dep_ == "appos"), None)
        if apposed is not None and apposed.i in self.name_of:
            return apposed
        if token.dep_ == "attr":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in self.name_of:
                return subject
        return token

    def _author(self, root: Token) -> Token | None:
        """ "the union's statement", "a report by the institute", "the TransLink memo",
        "a release sent from the union"."""
        for verb in self._issuing_participles(root):
            for child in verb.children:
                if child.dep_ in {"prep", "agent"} and self._word(child) in self.rules.authorship:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and self._could_write(pobj):
                        return pobj
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                return self._issuer(root) or child  # "Al Roy wrote in the firm's blog post"
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
            if child.dep_ == "prep" and self._word(child) in self.rules.authorship:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._could_write(pobj):
                    return pobj
            if child.dep_ == "compound" and self._is_platform(child):
                continue  # "a Facebook post": where it was posted, not who wrote it
            if child.dep_ == "compound" and child.ent_type_ in {"ORG", "PERSON"}:
                return child
            if child.dep_ == "compound" and self._compound_author(child):
                return child  # "the TransLink memo", "the police report", "a union letter"
        return self._issuer(root)

    def _issuing_participles(self, root: Token) -> list[Token]:
        """The document's participles: its own ("a report *issued* by ..."), and an issuing
        one the parser hung on the noun of the document's topic phrase ("a report about
        jobs *issued* by the agency"); not "a report about firms *owned* by ..."."""
        own = [c for c in root.children if c.dep_ == "acl"]
        hung, nouns = [], [root]
        for _ in range(3):  # "a report about the integration of immigrants issued by ..."
            nouns = [
                g
                for n in nouns
                for c in n.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            hung += [
                v
                for n in nouns
                for v in n.children
                if v.dep_ == "acl" and self._word(v) in self.rules.authorship
            ]
        return own + hung

    def _is_platform(self, token: Token) -> bool:
        words = self.rules.channel_words
        return token.text in words or token.lower_ in words

    def _written_by(self, document: Token) -> Token | None:
        """ "Omar Said, the lead author of the study": the person an author noun describes,
        as the author of the document it is the author of."""
        if document.dep_ == "poss":
            noun = document.head  # "the study's lead author"
        elif document.dep_ == "pobj" and document.head.lower_ == "of":
            noun = document.head.head  # "the lead author of the study"
        else:
            return None
        if self._word(noun) not in self.rules.authorship:
            return None
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head  # "Omar Said, the lead author of the study,"
        apposed = next((c for c in noun.children if c.dep_ == "appos"), None)
        if apposed is not None and apposed.pos_ == "PROPN":
            return apposed  # "the study's lead author, Omar Said"
        if noun.dep_ == "attr":  # "Omar Said is the lead author of the study"
            return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return None

    def _compound_author(self, token: Token) -> bool:
        """A word before a document's head that names who wrote it: a name the parser left
        untagged ("the StatCan report"), or a noun for a body or for people ("the police
        report"); not a date, a place or a topic ("the March report", "the budget memo")."""
        if token.pos_ == "PROPN":
            return not token.ent_type_ and _capitalised(token)
        return token.pos_ == "NOUN" and (self._body_word(token) or self.person_word(token))

    def _could_write(self, token: Token) -> bool:
        """Who may be a document's author: a name, or a noun for people or a body ("a study
        by researchers at the university", "filed by the county prosecutor"), not "by the
        lake" or "by the end of May"."""
        if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            return True
        return token.pos_ == "NOUN" and (self.person_word(token) or self._body_word(token))

    def _issuer(self, root: Token) -> Token | None:
        """ "Greenfield Energy released a report", "Dora Finch wrote in a report": the
        named subject of the verb that issued the document, or wrote in it."""
        verb = root.head
        if root.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "wrote in a report": the verb the document is set on
        elif root.dep_ != "dobj":
            return None
        if verb.pos_ != "VERB" or self._word(verb) not in self.rules.authorship:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.pos_ == "PROPN" or subject.ent_type_):
            return None
        return subject

    def _word(self, token: Token) -> str:
        """The token's lemma, a title's short form spelled out ("Sen." -> senator)."""
        word = token.lemma_.lower().rstrip(".")
        return self.rules.title_short_forms.get(word, word)

    def person_word(self, token: Token) -> bool:
        """A noun for a person: a title, a member, an unnamed-source word, a relation."""
        rules, word = self.rules, self._word(token)
        return (
            word in rules.titles
            or word in rules.affiliations
            or word in rules.anonymous
            or word in rules.gender_of_lemma
        )

    def _gazetteer(self, tokens: Span) -> tuple[str, str, str] | None:
        """A known organisation the mention names, as a run of words holding its head:
        "the Ukrainian State Emergency Services" is one; "the U.N. refugee agency" is not
        the U.N. A member noun speaks for its body: "a spokesperson for the ministry"."""
        words = [t.text for t in tokens]
        for head in self._heads(tokens):
            for start in range(head + 1):
                for end in range(len(words), head, -1):
                    org = self.rules.organisation(" ".join(words[start:end]))
                    if org is not None:
                        return org
        return None

    def _heads(self, tokens: Span) -> list[int]:
        """The mention's head, and the body a member noun belongs to, as offsets in it."""
        root = tokens.root
        heads = [root.i - tokens.start]
        if root.lemma_.lower() in self.rules.affiliations:
            bodies = (g for c in root.children if c.dep_ == "prep" for g in c.children)
            heads += [b.i - tokens.start for b in bodies if tokens.start <= b.i < tokens.end]
        return heads

    def _describe_group(self, tokens: Span, text: str) -> _Entry:
        rules = self.rules
        content = [t for t in tokens if not (t.is_punct or t.pos_ in {"DET", "PRON"})]
        body = self._kind_before_name(content)
        content = content[1:] if body else content  # "the group Border Fairness": the name
        core = [t for t in content if t.lemma_.lower() not in rules.affiliations] or content
        lemmas = [t.lemma_.lower() for t in core] or [text.lower()]
        name = _words(self.doc[content[0].i : content[-1].i + 1]) if content else text
        head = tokens.root
        plural = head.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)
        is_named = any(
            t.pos_ == "PROPN" and not _place_modifier(t) for t in core if t.i <= head.i
        )  # not "aide to Hale", not "the Cambridge resident"
        if len(core) == 1 and is_named and core[0].text.lower() in self.last_names:
            return _Entry(f"name:{core[0].text.lower()}", name, "person")
        if is_named and self._ends_a_known_name(core):  # "Van Doorn" of "Emeric Van Doorn"
            return _Entry(f"name:{core[-1].text.lower()}", name, "person")
        surname = self.doc[core[0].i : core[-1].i + 1].text.lower() if core else ""
        bearer = self._bearer(surname, tokens) if all(_capitalised(t) for t in core) else None
        if bearer is not None:
            full = _words(bearer)  # "Lonechild", "Diaz-Moreno"
            entry = _Entry(f"person:{full.lower()}", full, "person")
            entry.gender = self.text_gender.get(full.lower()) or self._gender([], full.split())
            return entry
        if self._word(head) in rules.anonymous:  # "a nurse at one of the clinics": a nurse
            lemmas = [t.lemma_.lower() for t in core if t.i <= head.i] or lemmas
        kind = body or next(
            (rules.type_of_lemma[x] for x in reversed(lemmas) if x in rules.type_of_lemma), None
        )
        if kind == "person" and all(t.pos_ == "PROPN" for t in core):
            kind = None  # "The Star" is a name, not a star: a person word only as a noun
        if kind is not None and self._holds_office(head):
            kind = None  # "the board president" is a person; "police officials" their body
        anonymous = not is_named and head.lemma_.lower() in rules.anonymous and kind is None
        if anonymous:
            kind = "anonymous"
        elif kind is None:
            kind = self._default_type(tokens, head, is_named)
        if kind == "person" and self._looks_like_a_name(core):
            full = _words(core)  # "Patrice Lindsay": a name the parser did not tag
            entry = _Entry(f"person:{full.lower()}", full, "person")
            entry.gender = self.text_gender.get(full.lower()) or self._gender([], full.split())
            return entry
        members = self._apposed_names(head) if plural else None
        if members is not None and kind in {"person", "anonymous"}:  # "His lawyers, Al Roy"
            entry = _Entry(f"group:{members.lower()}", members, "person", role=_words(core))
            entry.plural = True
            return entry
        entry = _Entry("group:" + " ".join(lemmas), name, kind, anonymous=anonymous)
        entry.plural = plural
        word = self._word(head)
        owner = self._title_owner(tokens, core) if is_named else None
        bare = not is_named and self._bare(core)
        if kind == "person" and word in rules.titles and (bare or owner):
            entry.bare_title = word  # "the mayor": the mayor named elsewhere, if only one
            entry.bare_owner = owner or frozenset()  # "the ABL commissioner": that body's
            entry.titles = {word}
        if kind == "person" and word in rules.titles:
            entry.role = self._role(list(tokens))
        definite = tokens[0].lower_ == "the"
        entry.named = is_named
        bare = definite and not any(t.ent_type_ for t in core)  # not "the Canadian government"
        bare = bare and not any(c.dep_ == "poss" for c in head.children)  # "the pilots' union"
        if not is_named and bare and rules.type_of_lemma.get(word) in _BODY_TYPES:
            entry.bare_body = word
        if kind == "person" and not plural:
            entry.gender = self._gender(list(tokens), [])
            if len(core) == 1 and is_named and not any(t.dep_ == "det" for t in core[0].children):
                entry.gender = entry.gender or self.rules.gender_of_name.get(core[0].text)
        return entry

    def _apposed_names(self, head: Token) -> str | None:
        """ "His lawyers, Carl Boyd and Rita Jonas, said": the people named beside a plural
        description, who are the group ("Carl Boyd and Rita Jonas")."""
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if appos is None or appos.i not in self.name_of:
            return None
        conjs = [c for c in appos.children if c.dep_ == "conj"]
        if not conjs or any(c.i not in self.name_of for c in conjs):
            return None
        first, last = self.name_of[appos.i], self.name_of[conjs[-1].i]
        return self.doc[first.start : last.end].text

    def _holds_office(self, head: Token) -> bool:
        """A title that is no member noun heads the mention: a person holds that office."""
        word = self._word(head)
        return word in self.rules.titles and word not in self.rules.affiliations

    def _title_owner(self, tokens: Span, core: list[Token]) -> frozenset[str] | None:
        """ "the ABL commissioner", "the Kremlin spokesman": a definite title after the
        proper names of the body it belongs to (no person's name), as those names' words."""
        if tokens[0].lower_ != "the" or len(core) < 2 or core[-1].pos_ != "NOUN":
            return None
        owner = core[:-1]
        if any(t.pos_ != "PROPN" or t.i in self.name_of for t in owner):
            return None
        return frozenset(t.lower_ for t in owner)

    def _bare(self, core: list[Token]) -> bool:
        """ "the mayor", "the board president": a title, at most after a kind of body."""
        kinds = self.rules.type_of_lemma
        return len(core) == 1 or (len(core) == 2 and self._word(core[0]) in kinds)

    def _kind_before_name(self, content: list[Token]) -> str | None:
        """The type a kind of body gives the name right after it ("the union Unifor")."""
        if len(content) < 2 or content[0].pos_ != "NOUN" or content[1].pos_ != "PROPN":
            return None
        word = self._word(content[0])
        kind = self.rules.type_of_lemma.get(word)
        return None if word in self.rules.titles or kind == "person" else kind  # "actor Al Roy"

    def _bearer(self, surname: str, tokens: Span) -> Span | None:
        """The person named in full whom a lone surname names: the first one the text
        names, unless an honorific says another gender ("Mrs. Clinton" is not Bill Clinton,
        "Mr. Trump" not Ivana Trump): then the first who does not disagree, or no one."""
        bearers = self.bearers.get(surname, []) if surname in self.people else []
        said = self._gender(list(tokens), [])
        if said is None:
            return bearers[0] if bearers else None
        for name in bearers:
            full = _words(name)
            known = self.text_gender.get(full.lower()) or self._gender([], full.split())
            if known is None or known == said:
                return name
        return None

    def _ends_a_known_name(self, core: list[Token]) -> bool:
        """The words are the last words of a person's name given before."""
        key = self.last_names.get(core[-1].text.lower())
        known = self.entries.get(self.merged.get(key, key)) if key else None
        if known is None or len(core) >= len(known.name.split()):
            return False
        words = [t.text.lower() for t in core]
        return [w.lower() for w in known.name.split()][-len(words) :] == words

    def _looks_like_a_name(self, core: list[Token]) -> bool:
        """Two to four capitalised proper nouns and nothing else: a person's name."""
        return 2 <= len(core) <= _MAX_NAME_TOKENS and all(
            t.pos_ == "PROPN" and _capitalised(t) and t.ent_type_ not in _GROUP_LABELS for t in core
        )

    def _default_type(self, tokens: Span, head: Token, is_named: bool) -> str:
        """A title or a person's relation ("Campbell's partner") is a person; a name
        the parser knows as a place is its government; another name is a body."""
        described = self._appositive_kind(head)
        if described is not None:
            return described  # "Nordline, the regional rail operator,"
        if head.lemma_.lower() in self.rules.titles or head.i in self.name_of:
            return "person"
        if head.ent_type_ in _PLACE_LABELS:
            return "government"
        if any(c.dep_ == "poss" and c.i in self.name_of for c in head.children):
            return "person"
        articled = any(t.dep_ == "det" and t.head == head for t in tokens)
        if head.pos_ == "PROPN" and self.rules.gender_of_name.get(head.text) and not articled:
            return "person"  # "Star said"; but "The Star" is a name with an article
        if head.pos_ == "PROPN" and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and self.person_word(c) for c in head.children
        ):
            return "person"  # "Yuni, a resident of Lampung"
        if self._entity_in([t for t in tokens if not _place_modifier(t)], _GROUP_LABELS):
            return "organisation"
        if head.pos_ == "PROPN" and len(tokens) == 1 and not head.ent_type_:
            return "person"  # "Laurin said": a lone surname the parser could not place
        return "organisation" if is_named else "person"

    def _body_word(self, token: Token) -> bool:
        """Whether a common noun names a kind of body ("railway", "agency"), not a person."""
        word = self._word(token)
        kind = self.rules.type_of_lemma.get(word)
        return (
            token.pos_ == "NOUN"
            and word not in self.rules.titles
            and kind
            not in {
                None,
                "person",
                "anonymous",
            }
        )

    def _appositive_kind(self, head: Token) -> str | None:
        """The kind of body an apposition says a name is ("Nordline, the rail operator",
        "the railway, Northline Freight")."""
        apposed = [c for c in head.children if c.dep_ == "appos"]
        apposed += [t for t in _set_beside(head) if t.i < head.i]  # "the railway, Northline"
        for child in apposed:
            if child.pos_ == "NOUN" and child.i not in self.name_of:  # not "Trevor Banks"
                word = self._word(child)
                if word not in self.rules.titles:
                    return self.rules.type_of_lemma.get(word)
        return None

    def _entity_in(self, tokens: Span | list[Token], labels: frozenset[str]) -> bool:
        return any(t.ent_type_ in labels for t in tokens)

    # --- output -------------------------------------------------------------------------

    def merge_titles(self) -> None:
        """ "The mayor said ..." before "Mayor Doug McCallum": once every mention is in,
        a bare role goes to the one named person who holds it."""
        for key, entry in list(self.entries.items()):
            if entry.bare_title is None or key in self.merged:
                continue
            holder = self._title_holder(entry.bare_title, entry.bare_owner)
            if holder is None or holder == key:
                continue
            target = self.entries[holder]
            target.mentions += entry.mentions
            target.names += entry.names
            self.merged[key] = holder
            del self.entries[key]

    def final_key(self, key: str | None) -> str | None:
        seen = set()
        while key in self.merged and key not in seen:
            seen.add(key)
            key = self.merged[key]
        return key

    def sources(self) -> tuple[list[Source], dict[str, str]]:
        """Source models with unique slug ids, and the id of each registry key."""
        ids: dict[str, str] = {}
        result: list[Source] = []
        for key, entry in self.entries.items():
            base = slug(entry.name)
            source_id, n = base, 2
            while source_id in ids.values():
                source_id, n = f"{base}-{n}", n + 1
            ids[key] = source_id
            mentions = sorted(set(entry.mentions))
            aliases = sorted({n for n in entry.names if n != entry.name and not self._pronoun(n)})
            result.append(
                Source(
                    id=source_id,
                    name=entry.name,
                    aliases=aliases,
                    type=entry.type,
                    role=entry.role,
                    anonymous=entry.anonymous,
                    mentions=[TextSpan(start=s, end=e, text=self.text[s:e]) for s, e in mentions],
                )
            )
        return result, ids

    def _pronoun(self, text: str) -> bool:
        return text.lower() in self.rules.pronouns


def _capitalised(token: Token) -> bool:
    """A capital, then some small letters: "Laurin", "McAllister", "Ha'nuuk"; not "OTTAWA"."""
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text)


def _hyphen_joins(doc: Doc, i: int) -> int:
    """2 when a bare hyphen joins the proper noun at ``i`` to the next one ("Diaz-Moreno"),
    else 0."""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_:
        return 0
    after = doc[i + 2]
    joined = not doc[i + 1].whitespace_ and after.pos_ == "PROPN" and _capitalised(after)
    return 2 if joined else 0


def _place_modifier(token: Token) -> bool:
    """A place that only says where someone is from: "the Cambridge resident"."""
    return token.ent_type_ in _PLACE_MODIFIER_LABELS and token.dep_ in {"compound", "amod", "nmod"}


def _words(tokens) -> str:
    """The tokens' text with their own spacing: "Russia's defence ministry"; a space where
    a token between them was left out ("the island's council chair" -> "island council
    chair", not "islandcouncil chair")."""
    tokens = list(tokens)
    parts = []
    for k, token in enumerate(tokens):
        follows = k + 1 < len(tokens) and tokens[k + 1].i == token.i + 1
        parts.append(token.text_with_ws if follows or token.whitespace_ else token.text + " ")
    return "".join(parts).strip()


def _other_gender(entry: _Entry, known: _Entry) -> bool:
    """Whether two mentions of one surname say different genders ("Mr." and "Mrs.")."""
    return entry.gender is not None and known.gender is not None and entry.gender != known.gender


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else name.lower()


def _tells_gender(token: Token) -> bool:
    """A subject or reflexive pronoun ("she said", "proved herself") speaks of the person
    before it; a possessive ("Paul Grant, her aide") speaks of someone else."""
    return token.pos_ == "PRON" and (token.dep_ in _SUBJECT_DEPS or token.lower_.endswith("self"))


def _in_adverbial_clause(token: Token) -> bool:
    """The mention sits in an adverbial clause that a subordinator opens ("Although Trump
    has tweeted that ...", "When the mayor left, ..."): the background of its sentence,
    not what the story goes on about."""
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children)
        for a in [token, *token.ancestors]
    )


def _set_beside(root: Token) -> list[Token]:
    """The heads of appositions set right beside a phrase, only a comma between: "the
    railway, *Northline Freight*," and "*Northline Freight*, the railway". An apposition
    the parser hung on a word further off (a title after a relative clause) is not one."""
    beside = [c for c in root.children if c.dep_ == "appos" and c.left_edge.i <= root.i + 2]
    if root.dep_ == "appos" and root.head.i >= root.left_edge.i - 2:
        beside.append(root.head)
    return beside


def _is_channel(registry: _Registry, entry: _Entry) -> bool:
    words = registry.rules.channel_words
    return any(n in words or n.lower() in words for n in (entry.name, *entry.names))
