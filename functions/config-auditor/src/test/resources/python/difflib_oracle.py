"""Answers difflib questions for the Java differential tests: JSON cases on stdin, JSON results on stdout."""
import base64
import difflib
import json
import sys


def audit_config(template, deployed):
    # The seed tutorial's audit_config, verbatim apart from returning plain values.
    template_lines = template.splitlines(keepends=True)
    deployed_lines = deployed.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, template_lines, deployed_lines)
    similarity = matcher.ratio()
    added, removed, changed = [], [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            removed.extend(template_lines[i1:i2])
        elif tag == "insert":
            added.extend(deployed_lines[j1:j2])
        elif tag == "replace":
            removed.extend(template_lines[i1:i2])
            added.extend(deployed_lines[j1:j2])
            changed.append(template_lines[i1].strip())
    if similarity < 1.0:
        summary = (
            f"Config drift detected (similarity: {similarity:.1%})\n"
            f"  Added lines:   {len(added)}\n"
            f"  Removed lines: {len(removed)}"
        )
    else:
        summary = "No drift detected. Config matches template."
    return {"similarity": repr(similarity), "added": added, "removed": removed,
            "changed": changed, "summary": summary}


def answer(case):
    if case["kind"] == "lines":
        a = case["a"].splitlines(keepends=True)
        b = case["b"].splitlines(keepends=True)
    else:
        a, b = case["a"], case["b"]
    junk = case.get("junk")
    isjunk = (lambda x: x in junk) if junk is not None else None
    sm = difflib.SequenceMatcher(isjunk, a, b, autojunk=case["autojunk"])
    out = {
        "lenA": len(a),
        "lenB": len(b),
        "ratio": repr(sm.ratio()),
        "quick": repr(sm.quick_ratio()),
        "realQuick": repr(sm.real_quick_ratio()),
        "blocks": [list(m) for m in sm.get_matching_blocks()],
        "opcodes": [list(op) for op in sm.get_opcodes()],
        "popular": len(sm.bpopular),
        "junk": len(sm.bjunk),
        "grouped": {},
        "udiff": {},
    }
    for n in case["ns"]:
        # get_grouped_opcodes edits the cached opcodes in place; recompute them from the cached blocks each time.
        sm.opcodes = None
        out["grouped"][str(n)] = [[list(op) for op in g] for g in sm.get_grouped_opcodes(n)]
        if case["kind"] == "lines" and junk is None and case["autojunk"]:
            text = "".join(difflib.unified_diff(a, b, fromfile="a.conf", tofile="b.conf", n=n))
            out["udiff"][str(n)] = base64.b64encode(text.encode("utf-8", "surrogatepass")).decode("ascii")
    if case["kind"] == "lines" and junk is None and case["autojunk"]:
        out["audit"] = audit_config(case["a"], case["b"])
    return out


def main():
    cases = json.load(sys.stdin)
    json.dump([answer(c) for c in cases], sys.stdout)


main()
