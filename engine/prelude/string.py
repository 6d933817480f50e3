# string for Loopscope: the character constants, capwords, Template and Formatter.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits', 'hexdigits', 'octdigits',
           'printable', 'punctuation', 'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_identifier_start(ch):
    return ch == '_' or ch.isalpha()


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        text = self.template
        out = []
        i, n = 0, len(text)
        delim = self.delimiter
        while i < n:
            j = text.find(delim, i)
            if j < 0:
                out.append(text[i:])
                break
            out.append(text[i:j])
            k = j + len(delim)
            if text.startswith(delim, k):
                out.append(delim)
                i = k + len(delim)
                continue
            if k < n and text[k] == '{':
                end = text.find('}', k)
                name = text[k + 1:end] if end > 0 else ''
                if end > 0 and name and _is_identifier_start(name[0]) and \
                        all(c == '_' or c.isalnum() for c in name) and name.isascii():
                    if name in mapping:
                        out.append(str(mapping[name]))
                    elif safe:
                        out.append(text[j:end + 1])
                    else:
                        raise KeyError(name)
                    i = end + 1
                    continue
            elif k < n and _is_identifier_start(text[k]) and text[k].isascii():
                end = k
                while end < n and (text[end] == '_' or text[end].isalnum()) and text[end].isascii():
                    end += 1
                name = text[k:end]
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(text[j:end])
                else:
                    raise KeyError(name)
                i = end
                continue
            if safe:
                out.append(delim)
                i = k
                continue
            lineno = text.count('\n', 0, j) + 1
            colno = j - text.rfind('\n', 0, j)
            raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {})
        values.update(kws)
        return self._scan(values, False)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {})
        values.update(kws)
        return self._scan(values, True)

    def get_identifiers(self):
        names = []
        for part in self.template.split(self.delimiter)[1:]:
            name = part[1:part.find('}')] if part.startswith('{') else ''.join(
                c for c in part[:len(part) - len(part.lstrip('_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'))])
            if name and name not in names:
                names.append(name)
        return names

    def is_valid(self):
        try:
            self._scan({}, True)
        except ValueError:
            return False
        return True


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        return args[key] if isinstance(key, int) else kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError(f'Unknown conversion specifier {conversion}')
