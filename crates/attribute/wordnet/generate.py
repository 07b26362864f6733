#!/usr/bin/env python3
"""Builds classes.tsv, the tagger's word classes, from a WordNet 3.0 database.

    python3 crates/attribute/wordnet/generate.py /usr/share/wordnet > crates/attribute/wordnet/classes.tsv

(Debian: `apt-get install wordnet-base`, or `apt-get download wordnet-base && dpkg-deb -x`.)

For every one-word verb and noun lemma and its inflected forms, the lexicographer file
("communication", "cognition", "person", ...) of its most frequent sense, and whether any of
the verb's senses is one of communication. The tagger uses them to generalise from the cues and
sources its training data shows to the words of the same kind it never saw ("chant", "fret").

Output lines: form, verb class, noun class, verb-communicates flag (0/1); classes are
WordNet's lexicographer file numbers, '-' for none. Sorted by form.
"""
import os
import re
import sys

COMMUNICATION = 32  # verb.communication


def senses(path):
    """lemma -> synset offsets, most frequent sense first."""
    out = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma = f[0]
        if "_" in lemma or "-" in lemma or not lemma.isalpha():
            continue
        n_synsets, n_ptrs = int(f[2]), int(f[3])
        offsets = f[4 + n_ptrs + 2 : 4 + n_ptrs + 2 + n_synsets]
        out[lemma] = offsets
    return out


def lexfiles(path):
    """synset offset -> lexicographer file number."""
    out = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split(" ", 2)
        out[f[0]] = int(f[1])
    return out


def exceptions(path):
    out = {}
    for line in open(path, encoding="latin-1"):
        f = line.split()
        if len(f) >= 2 and f[0].isalpha():
            out.setdefault(f[0], f[1])
    return out


CVC = re.compile(r"[^aeiou][aeiou][bdgklmnprtv]$")


def s_form(lemma):
    """The form with -s: a verb's third person singular, a noun's plural."""
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def verb_forms(lemma):
    forms = [s_form(lemma)]
    if lemma.endswith("e"):
        forms.append(lemma + "d")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.append(lemma[:-1] + "ied")
    else:
        forms.append(lemma + "ed")
    if lemma.endswith("ie"):
        forms.append(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not re.search(r"(ee|ye|oe)$", lemma):
        forms.append(lemma[:-1] + "ing")
    else:
        forms.append(lemma + "ing")
    if CVC.search(lemma) and len(lemma) <= 6:
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


def noun_forms(lemma):
    return [s_form(lemma)]


def assign(lemmas, exc, forms_of):
    """form -> lemma: the lemma itself first, then the irregular forms, then the regular ones."""
    out = {}
    for lemma in lemmas:
        out[lemma] = lemma
    for form, lemma in exc.items():
        if lemma in lemmas:
            # an irregular form is more often the irregular verb's ("found" is "find")
            out[form] = lemma
    for lemma in lemmas:
        for form in forms_of(lemma):
            out.setdefault(form, lemma)
    return out


def main(root):
    vsenses = senses(os.path.join(root, "index.verb"))
    nsenses = senses(os.path.join(root, "index.noun"))
    vlex = lexfiles(os.path.join(root, "data.verb"))
    nlex = lexfiles(os.path.join(root, "data.noun"))
    vforms = assign(vsenses, exceptions(os.path.join(root, "verb.exc")), verb_forms)
    nforms = assign(nsenses, exceptions(os.path.join(root, "noun.exc")), noun_forms)
    print("# derived from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.")
    print("# licence: LICENSE-WORDNET beside this file")
    print("# form\tverb class\tnoun class\tverb communicates")
    for form in sorted(set(vforms) | set(nforms)):
        v = vforms.get(form)
        n = nforms.get(form)
        vc = vlex[vsenses[v][0]] if v else None
        nc = nlex[nsenses[n][0]] if n else None
        comm = int(bool(v) and any(vlex[o] == COMMUNICATION for o in vsenses[v]))
        print(f"{form}\t{vc if vc is not None else '-'}\t{nc if nc is not None else '-'}\t{comm}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
