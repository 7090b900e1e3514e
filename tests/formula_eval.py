"""A small evaluator of Excel formulas: enough of Excel to check the workbook's stage templates without LibreOffice.

Supported: numbers, strings ("" inside doubles a quote), TRUE/FALSE, names, references given as the workbook's
template markers (``{c:key}``, ``{k:key}``, ``{FT}`` … resolved by the caller), parentheses, the operators
``+ - * / ^ %`` (unary ``-`` binding tighter than ``^``, as in Excel), ``&`` and the comparisons ``= <> < > <= >=``;
the functions IF, IFERROR, AND, OR, NOT, ISNUMBER, MAX, MIN, SUM, ROUND and VLOOKUP (exact match only) over a
:class:`Table`. Excel's rules followed: an empty cell is 0 in arithmetic and "" in text; text that reads as a
number counts as one in arithmetic; comparisons of text ignore case, and a number is less than any text, text
less than any logical value; errors (#N/A, #VALUE!, #DIV/0!, #NUM!, #NAME?) are values that propagate; IF and
IFERROR evaluate only the branch they take. Anything else raises :class:`Unsupported` (never a silent guess).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any


class Unsupported(Exception):
    """The formula uses something this evaluator does not know."""


@dataclass(frozen=True)
class XlError:
    code: str

    def __repr__(self) -> str:
        return self.code


NA, VALUE, DIV0, NUM, NAME = (XlError(c) for c in ("#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#NAME?"))


class _Empty:
    def __repr__(self) -> str:
        return "EMPTY"


EMPTY = _Empty()  # an empty cell


@dataclass(frozen=True)
class Table:
    """A lookup range: rows of values, the first column searched (``Table.of({"key": value})`` for two columns)."""

    rows: tuple[tuple[Any, ...], ...]

    @classmethod
    def of(cls, pairs: Mapping[Any, Any]) -> Table:
        return cls(tuple((k, v) for k, v in pairs.items()))


_TOKEN = re.compile(r"""\s*(?:
    (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<str>"(?:[^"]|"")*")
  | (?P<ref>\{[^{}]+\})
  | (?P<name>[A-Za-z_][A-Za-z0-9_.]*)
  | (?P<op><>|<=|>=|[-+*/^&=<>%(),])
)""", re.VERBOSE)


def tokens(formula: str) -> list[tuple[str, str]]:
    out, at, text = [], 0, formula.rstrip()
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None or m.end() == at:
            raise Unsupported(f"cannot read {text[at:at + 20]!r} in {formula!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        at = m.end()
    return out


class _Parser:
    """Recursive descent, Excel's precedence: comparison < & < + - < * / < ^ < unary - < %."""

    def __init__(self, formula: str) -> None:
        self.toks = tokens(formula[1:] if formula.startswith("=") else formula)
        self.at = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.at] if self.at < len(self.toks) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok != ("op", value)):
            raise Unsupported(f"expected {value or 'more'} at token {self.at} of {self.toks}")
        self.at += 1
        return tok

    def binary(self, ops: tuple[str, ...], lower: Callable[[], Any]) -> Any:
        node = lower()
        while (tok := self.peek()) is not None and tok[0] == "op" and tok[1] in ops:
            self.at += 1
            node = ("bin", tok[1], node, lower())
        return node

    def parse(self) -> Any:
        node = self.comparison()
        if self.peek() is not None:
            raise Unsupported(f"unexpected {self.peek()} in {self.toks}")
        return node

    def comparison(self) -> Any:
        return self.binary(("=", "<>", "<", ">", "<=", ">="), self.concat)

    def concat(self) -> Any:
        return self.binary(("&",), self.additive)

    def additive(self) -> Any:
        return self.binary(("+", "-"), self.term)

    def term(self) -> Any:
        return self.binary(("*", "/"), self.power)

    def power(self) -> Any:
        return self.binary(("^",), self.unary)

    def unary(self) -> Any:
        tok = self.peek()
        if tok in (("op", "-"), ("op", "+")):
            self.at += 1
            operand = self.unary()
            return ("neg", operand) if tok[1] == "-" else ("pos", operand)
        node = self.primary()
        while self.peek() == ("op", "%"):
            self.at += 1
            node = ("bin", "/", node, ("num", 100.0))
        return node

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return ("num", float(text))
        if kind == "str":
            return ("str", text[1:-1].replace('""', '"'))
        if kind == "ref":
            return ("ref", text)
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take("(")
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.comparison())
                    while self.peek() == ("op", ","):
                        self.take(",")
                        args.append(self.comparison())
                self.take(")")
                return ("call", text.upper(), args)
            if text.upper() in ("TRUE", "FALSE"):
                return ("bool", text.upper() == "TRUE")
            return ("name", text)
        if (kind, text) == ("op", "("):
            node = self.comparison()
            self.take(")")
            return node
        raise Unsupported(f"unexpected {text!r}")


@lru_cache(maxsize=1024)
def parse(formula: str) -> Any:
    """The formula's syntax tree (nested tuples), read once per text."""
    return _Parser(formula).parse()


def number(v: Any) -> float | XlError:
    if isinstance(v, XlError):
        return v
    if v is EMPTY:
        return 0.0
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, int | float):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.strip())
        except ValueError:
            return VALUE
    raise Unsupported(f"a {type(v).__name__} where a number goes")


def text(v: Any) -> str | XlError:
    if isinstance(v, XlError | str):
        return v
    if v is EMPTY:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int | float):
        return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else f"{v:.15G}"
    raise Unsupported(f"a {type(v).__name__} where text goes")


def logical(v: Any) -> bool | XlError:
    if isinstance(v, XlError | bool):
        return v
    if v is EMPTY:
        return False
    if isinstance(v, int | float):
        return v != 0
    if isinstance(v, str) and v.upper() in ("TRUE", "FALSE"):
        return v.upper() == "TRUE"
    return VALUE


def _rank(v: Any) -> tuple[int, Any]:
    if isinstance(v, bool):
        return 2, v
    if isinstance(v, str):
        return 1, v.casefold()
    return 0, float(v)


def compare(op: str, a: Any, b: Any) -> bool | XlError:
    for v in (a, b):
        if isinstance(v, XlError):
            return v
    if a is EMPTY:  # an empty cell takes the other side's type
        a = "" if isinstance(b, str) else False if isinstance(b, bool) else 0.0
    if b is EMPTY:
        b = "" if isinstance(a, str) else False if isinstance(a, bool) else 0.0
    x, y = _rank(a), _rank(b)
    return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def arithmetic(op: str, a: Any, b: Any) -> float | XlError:
    x, y = number(a), number(b)
    if isinstance(x, XlError):
        return x
    if isinstance(y, XlError):
        return y
    try:
        if op == "+":
            result = x + y
        elif op == "-":
            result = x - y
        elif op == "*":
            result = x * y
        elif op == "/":
            if y == 0:
                return DIV0
            result = x / y
        else:
            if x == 0 and y < 0:
                return DIV0
            result = x ** y
            if isinstance(result, complex):
                return NUM
    except OverflowError:
        return NUM
    return NUM if math.isinf(result) or math.isnan(result) else result


class Evaluator:
    """Evaluates formulas; ``ref(marker)`` and ``name(name)`` give the values of references and names."""

    def __init__(self, ref: Callable[[str], Any], name: Callable[[str], Any]) -> None:
        self.ref = ref
        self.name = name

    def __call__(self, formula: str) -> Any:
        return self.eval(parse(formula))

    def eval(self, node: Any) -> Any:
        kind = node[0]
        if kind in ("num", "str", "bool"):
            return node[1]
        if kind == "ref":
            return self.ref(node[1])
        if kind == "name":
            return self.name(node[1])
        if kind == "neg":
            return arithmetic("-", 0.0, self.eval(node[1]))
        if kind == "pos":
            return self.eval(node[1])
        if kind == "bin":
            op, a, b = node[1], self.eval(node[2]), self.eval(node[3])
            if op == "&":
                x, y = text(a), text(b)
                return x if isinstance(x, XlError) else y if isinstance(y, XlError) else x + y
            if op in ("+", "-", "*", "/", "^"):
                return arithmetic(op, a, b)
            return compare(op, a, b)
        if kind == "call":
            function = getattr(self, "f_" + node[1], None)
            if function is None:
                raise Unsupported(f"function {node[1]}")
            return function(*node[2])
        raise Unsupported(kind)

    # functions: lazy ones take the argument nodes
    def f_IF(self, cond: Any, then: Any = ("bool", True), other: Any = ("bool", False)) -> Any:
        c = logical(self.eval(cond))
        if isinstance(c, XlError):
            return c
        return self.eval(then if c else other)

    def f_IFERROR(self, value: Any, alternative: Any) -> Any:
        v = self.eval(value)
        return self.eval(alternative) if isinstance(v, XlError) else v

    def _logicals(self, args: tuple[Any, ...]) -> list[bool] | XlError:
        out = []
        for arg in args:
            v = self.eval(arg)
            if v is EMPTY:
                continue
            b = logical(v)
            if isinstance(b, XlError):
                return b
            out.append(b)
        return out if out else VALUE

    def f_AND(self, *args: Any) -> bool | XlError:
        values = self._logicals(args)
        return values if isinstance(values, XlError) else all(values)

    def f_OR(self, *args: Any) -> bool | XlError:
        values = self._logicals(args)
        return values if isinstance(values, XlError) else any(values)

    def f_NOT(self, arg: Any) -> bool | XlError:
        v = logical(self.eval(arg))
        return v if isinstance(v, XlError) else not v

    def f_ISNUMBER(self, arg: Any) -> bool:
        v = self.eval(arg)
        return isinstance(v, int | float) and not isinstance(v, bool)

    def _numbers(self, args: tuple[Any, ...]) -> list[float] | XlError:
        out = []
        for arg in args:
            v = self.eval(arg)
            if v is EMPTY:
                continue
            x = number(v)
            if isinstance(x, XlError):
                return x
            out.append(x)
        return out

    def f_SUM(self, *args: Any) -> float | XlError:
        values = self._numbers(args)
        return values if isinstance(values, XlError) else math.fsum(values)

    def f_MAX(self, *args: Any) -> float | XlError:
        values = self._numbers(args)
        return values if isinstance(values, XlError) else max(values, default=0.0)

    def f_MIN(self, *args: Any) -> float | XlError:
        values = self._numbers(args)
        return values if isinstance(values, XlError) else min(values, default=0.0)

    def f_ROUND(self, value: Any, digits: Any) -> float | XlError:
        x, n = number(self.eval(value)), number(self.eval(digits))
        if isinstance(x, XlError) or isinstance(n, XlError):
            return x if isinstance(x, XlError) else n
        return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-int(n)), rounding=ROUND_HALF_UP))  # half away

    def f_VLOOKUP(self, key: Any, table: Any, column: Any, exact: Any = ("bool", True)) -> Any:
        k, t, c = self.eval(key), self.eval(table), number(self.eval(column))
        approximate = logical(self.eval(exact))
        for v in (k, c, approximate):
            if isinstance(v, XlError):
                return v
        if approximate:
            raise Unsupported("VLOOKUP with an approximate match")
        if not isinstance(t, Table):
            raise Unsupported(f"VLOOKUP over {t!r}")
        if k is EMPTY:
            return NA
        for row in t.rows:
            if compare("=", row[0], k) is True:
                if not 1 <= c <= len(row):
                    return VALUE if c < 1 else XlError("#REF!")
                return row[int(c) - 1]
        return NA
