"""Wrap the lines over the limit that `ruff format` leaves: comments, docstrings and string literals.

The formatter keeps code to the line length but never rewrites a comment, a docstring or a string. This does,
without changing what the code does: a comment is reflowed onto more comment lines, a docstring's long line is
broken at a space (whitespace inside a docstring only), and a long string literal becomes adjacent literals
split at spaces, which Python joins at compile time into the same string. `--check` compares each file's
syntax tree before and after (docstrings by their words), so a wrapping that changed a value fails loudly.
Lines it cannot wrap (a long name, a trailing `# noqa`) are listed for a person to fix.

Usage: python scripts/wrap_long_lines.py [--limit 110] [--check] PATH...
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from pathlib import Path

LIMIT = 110
SKIP_COMMENTS = re.compile(r"noqa|type:\s*ignore|nosec|pragma|fmt:|isort:|^#!")
PRAGMA = re.compile(r"\s*#\s*(type:|noqa|nosec|pyright:|pylint:|ruff:|isort:).*$")
SKIP_PARTS = {".venv", ".venv-validators", "node_modules", "var", "migrations", "staticfiles", ".git"}


def python_files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        found += [p for p in candidates if not SKIP_PARTS.intersection(p.parts)]
    return found


def docstring_lines(tree: ast.AST) -> set[int]:
    """First lines of docstrings (module, class, function), which may be reflowed."""
    starts = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                if isinstance(body[0].value.value, str):
                    starts.add(body[0].lineno)
    return starts


def split_at_space(text: str, width: int) -> tuple[str, str] | None:
    """Split `text` at the last space that leaves the first part at most `width` long (space kept left)."""
    cut = text.rfind(" ", 0, width)
    while cut > 0 and text[cut - 1] == " ":
        cut -= 1
    if cut <= 0:
        return None
    end = cut
    while end < len(text) and text[end] == " ":
        end += 1
    return text[:end], text[end:]


def wrap_comment(indent: str, comment: str, limit: int) -> list[str] | None:
    body = comment[1:].strip()
    lines: list[str] = []
    while len(indent) + 2 + len(body) > limit:
        parts = split_at_space(body, limit - len(indent) - 2 + 1)
        if parts is None:
            return None
        lines.append(f"{indent}# {parts[0].rstrip()}")
        body = parts[1]
    lines.append(f"{indent}# {body}")
    return lines


def string_pieces(token: str, width: int) -> list[str] | None:
    """A one-line string literal as adjacent literals of at most `width` characters, split at spaces
    (never inside an f-string's braces or a \\N{...} escape)."""
    match = re.match(r"(?i)([rbfu]*)('|\")", token)
    if match is None or token.startswith(match.group(0) * 3):
        return None
    prefix, quote = match.group(1), match.group(2)
    body = token[len(prefix) + 1 : -1]
    is_f = "f" in prefix.lower()
    allowed = []
    depth = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and "r" not in prefix.lower():
            if body[i + 1 : i + 3] == "N{":
                i = body.index("}", i) + 1
                continue
            i += 2
            continue
        if is_f and ch in "{}":
            if body[i : i + 2] in ("{{", "}}"):
                i += 2
                continue
            depth += 1 if ch == "{" else -1
        elif ch == " " and depth == 0:
            allowed.append(i)
        i += 1
    room = width - len(prefix) - 2
    pieces: list[str] = []
    start = 0
    while len(body) - start > room:
        cuts = [c for c in allowed if start < c < start + room]
        if not cuts:
            return None
        cut = cuts[-1] + 1
        pieces.append(body[start:cut])
        start = cut
    pieces.append(body[start:])
    if len(pieces) < 2:
        return None

    def literal(piece: str) -> str:
        own = prefix
        if is_f and "{" not in piece and "}" not in piece:
            own = prefix.replace("f", "").replace("F", "")
        return f"{own}{quote}{piece}{quote}"

    return [literal(piece) for piece in pieces]


def _too_long(line: str, limit: int) -> bool:
    """Over the limit as ruff counts it: a line ending in a pragma (type: ignore, noqa) counts without it."""
    text = line.rstrip("\r\n")
    pragma = PRAGMA.search(text)
    if pragma:
        text = text[: pragma.start()].rstrip()
    return len(text) > limit


def wrap_source(source: str, limit: int) -> tuple[str, list[int]]:
    """The source with its long comments, docstrings and strings wrapped, and the lines still too long."""
    lines = source.splitlines(keepends=True)
    long_rows = {n for n, line in enumerate(lines, 1) if _too_long(line, limit)}
    if not long_rows:
        return source, []
    docstrings = docstring_lines(ast.parse(source))
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    edits: list[tuple[int, int, int, int, str]] = []  # (row, col, end_row, end_col, replacement)
    significant = [
        t
        for t in tokens
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    ]
    position = {id(t): i for i, t in enumerate(significant)}
    for token in tokens:
        row, col = token.start
        if token.type not in (tokenize.COMMENT, tokenize.STRING):
            continue
        line = lines[row - 1]
        indent = line[: len(line) - len(line.lstrip())]
        if token.type == tokenize.COMMENT and row in long_rows and not SKIP_COMMENTS.search(token.string):
            before = line[:col].rstrip()
            if not before:
                wrapped = wrap_comment(indent, token.string, limit)
                if wrapped:
                    edits.append((row, 0, row, len(line.rstrip("\r\n")), "\n".join(wrapped)))
            elif len(before) <= limit:
                wrapped = wrap_comment(indent, token.string, limit)
                if wrapped:
                    edits.append((row, 0, row, len(line.rstrip("\r\n")), "\n".join([*wrapped, before])))
        elif token.type == tokenize.STRING:
            end_row = token.end[0]
            rows = range(row, end_row + 1)
            if not long_rows.intersection(rows):
                continue
            if end_row > row or token.string.lstrip("rRbBuUfF")[:3] in ('"""', "'''"):
                if row in docstrings:
                    edits.append(
                        (row, col, *token.end, wrap_docstring(token.string, col, indent, lines, row, limit))
                    )
                continue
            if len(token.string) < 20:
                continue
            pieces = string_pieces(token.string, limit - len(indent) - 4 - 1)
            if pieces is None:  # it fits on a line of its own: two pieces, which the formatter parenthesises
                pieces = string_pieces(token.string, len(token.string) // 2 + 10)
            if pieces is None:
                continue
            i = position[id(token)]
            prev = significant[i - 1] if i else None
            following = significant[i + 1] if i + 1 < len(significant) else None
            joined = " ".join(pieces)
            in_concatenation = (prev is not None and prev.type == tokenize.STRING) or (
                following is not None and following.type == tokenize.STRING
            )
            sole_argument = (
                prev is not None
                and prev.string == "("
                and following is not None
                and (following.string == ")")
            )
            if not (in_concatenation or sole_argument):
                joined = f"({joined})"
            edits.append((row, col, *token.end, joined))
    if not edits:
        return source, sorted(long_rows)
    one_a_row = {edit[0]: edit for edit in sorted(edits)}  # the rightmost edit of each line; the next pass
    for row, col, end_row, end_col, text in sorted(one_a_row.values(), reverse=True):  # does the others
        first = lines[row - 1]
        last = lines[end_row - 1]
        lines[row - 1 : end_row] = [first[:col] + text + last[end_col:]]
        lines = "".join(lines).splitlines(keepends=True)
    result = "".join(lines)
    remaining = [n for n, line in enumerate(result.splitlines(), 1) if _too_long(line, limit)]
    return result, remaining


def wrap_docstring(literal: str, col: int, indent: str, lines: list[str], row: int, limit: int) -> str:
    """Break each too-long line of a docstring at a space; continuation lines take the docstring's indent."""
    out: list[str] = []
    for number, text in enumerate(literal.split("\n")):
        start = col if number == 0 else 0
        while start + len(text) > limit:
            own = indent if number == 0 else text[: len(text) - len(text.lstrip())] or indent
            parts = split_at_space(text, limit - start + 1)
            if parts is None or not parts[0].strip() or parts[0].strip() in {'"""', "'''"}:
                break
            out.append(parts[0].rstrip())
            text = own + parts[1]
            start = 0
        out.append(text)
    return "\n".join(out)


def normalised(tree: ast.AST) -> str:
    """The syntax tree with each docstring reduced to its words, for comparing before and after."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                if isinstance(body[0].value.value, str):
                    body[0].value.value = " ".join(body[0].value.value.split())
    return ast.dump(tree)


def main() -> int:
    parser = argparse.ArgumentParser(description="Wrap long comments, docstrings and strings.")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=LIMIT)
    args = parser.parse_args()
    changed = 0
    left: list[str] = []
    for path in python_files(args.paths):
        source = path.read_text(encoding="utf-8")
        result, remaining = wrap_source(source, args.limit)
        if result != source:
            if normalised(ast.parse(source)) != normalised(ast.parse(result)):
                print(f"{path}: wrapping would change the code; left as it was", file=sys.stderr)
                left.append(f"{path}")
                continue
            path.write_text(result, encoding="utf-8")
            changed += 1
        left += [f"{path}:{row}" for row in remaining]
    print(f"wrap_long_lines: {changed} files wrapped; {len(left)} long lines left for a person")
    for where in left:
        print(f"  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
