# traceback for Loopscope: the text of an exception's traceback as CPython prints it (the VM
# keeps each exception's frames; this module formats them), for print_exc(), format_exc(),
# print_exception() and format_exception().
import sys
import _stdlib


def _exception_of(exc, value, tb):
    # format_exception(exc) and the older format_exception(type, value, tb) both exist.
    if value is not _sentinel:
        return value
    return exc


_sentinel = object()


def _lines(text):
    return text.splitlines(keepends=True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    exception = _exception_of(exc, value, tb)
    if exception is None:
        return ['NoneType: None\n']
    return _lines(_stdlib.format_exception(exception))


def format_exception_only(exc, /, value=_sentinel):
    exception = _exception_of(exc, value, None)
    if exception is None:
        return ['NoneType: None\n']
    text = _stdlib.format_exception(exception)
    # The last line of the full text is the exception's own (notes aside).
    lines = _lines(text)
    index = len(lines) - 1
    notes = getattr(exception, '__notes__', None) or []
    index -= len(notes)
    return lines[index:]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError('no last exception')


class FrameSummary:
    def __init__(self, filename, lineno, name, *, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line

    def __repr__(self):
        return f'<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>'


class StackSummary(list):
    def format(self):
        result = []
        for frame in self:
            row = f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            if frame.line:
                row += f'    {frame.line.strip()}\n'
            result.append(row)
        return result


def extract_stack(f=None, limit=None):
    filename, lineno, name = _stdlib.caller()
    return StackSummary([FrameSummary(filename, lineno, name, line=_stdlib.source_line(lineno))])


def format_stack(f=None, limit=None):
    return extract_stack(f, limit).format()


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_stack(f, limit):
        print(line, file=file, end='')
