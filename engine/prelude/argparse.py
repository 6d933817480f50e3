# argparse for Loopscope, for the common cases: positional and optional arguments with type,
# default, choices, nargs, required, dest, metavar and the store/store_true/store_false/
# store_const/append/count/version/help actions; groups; parse_args, parse_known_args, the
# usage and help text and the errors as CPython formats them. A scenario runs without
# arguments: sys.argv is [scenario name].
import sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'Namespace', 'HelpFormatter',
           'RawDescriptionHelpFormatter', 'RawTextHelpFormatter', 'ArgumentDefaultsHelpFormatter', 'SUPPRESS',
           'OPTIONAL', 'ZERO_OR_MORE', 'ONE_OR_MORE', 'REMAINDER', 'FileType', 'BooleanOptionalAction']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class Namespace:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        args = [f'{name}={value!r}' for name, value in vars(self).items()]
        return f'Namespace({", ".join(args)})'

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in vars(self)


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return f'argument {self.argument_name}: {self.message}'


class ArgumentTypeError(Exception):
    pass


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog = prog
        self._width = (width or 80) - 2
        self._max_help_position = min(max_help_position, max(self._width - 20, indent_increment * 2))

    def _fill(self, text, width, indent):
        words = text.split()
        lines, line = [], ''
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f'{line} {word}' if line else word
        if line:
            lines.append(line)
        return [indent + l for l in lines]


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class MetavarTypeHelpFormatter(HelpFormatter):
    pass


class FileType:
    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        raise ArgumentTypeError(f"can't open '{string}': files are not available in the simulator")


class _Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, action='store', version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.action = action
        self.version = version

    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help',
                 'metavar']
        return '_StoreAction(' + ', '.join(f'{n}={getattr(self, n)!r}' for n in names) + ')'


class BooleanOptionalAction:
    pass


def _argument_name(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    return action.dest


class _Group:
    def __init__(self, parser, title=None, description=None, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.required = required
        self._actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        self._actions.append(action)
        return action

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self._parser, required=required)

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = sys.argv[0].replace('\\', '/').rsplit('/', 1)[-1] if sys.argv else 'prog'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.exit_on_error = exit_on_error
        self._actions = []
        self._groups = []
        self._defaults = {}
        self._positional_title = 'positional arguments'
        self._optional_title = 'options'
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.action != 'help':
                    self._actions.append(action)

    # -- Declaring arguments ----------------------------------------------------------------------

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            dest = args[0] if args else kwargs.pop('dest')
            option_strings = []
            if kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE, REMAINDER) and 'required' not in kwargs:
                kwargs['required'] = True
            if kwargs.get('nargs') == ZERO_OR_MORE and 'default' not in kwargs:
                kwargs['required'] = True
        else:
            option_strings = list(args)
            dest = kwargs.pop('dest', None)
            if dest is None:
                long = [s for s in option_strings if len(s) > 1 and s[1] in chars]
                dest = (long or option_strings)[0].lstrip(chars).replace('-', '_')
        action = kwargs.pop('action', 'store')
        if action == 'store_true':
            kwargs.setdefault('default', False)
            kwargs['const'] = True
            kwargs['nargs'] = 0
        elif action == 'store_false':
            kwargs.setdefault('default', True)
            kwargs['const'] = False
            kwargs['nargs'] = 0
        elif action in ('store_const', 'append_const', 'count', 'help', 'version'):
            kwargs['nargs'] = 0
        if 'default' not in kwargs:
            kwargs['default'] = self._defaults.get(dest, self.argument_default)
        if not callable(kwargs.get('type', str)):
            raise ValueError(f'{kwargs["type"]!r} is not callable')
        result = _Action(option_strings, dest, action=action, **kwargs)
        for existing in self._actions:
            for s in option_strings:
                if s in existing.option_strings:
                    raise ArgumentError(result, f'conflicting option string: {s}')
        self._actions.append(result)
        return result

    def add_argument_group(self, title=None, description=None):
        group = _Group(self, title, description)
        self._groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self, required=required)

    def add_subparsers(self, **kwargs):
        raise NotImplementedError('argparse subcommands are not available in Loopscope')

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # -- Parsing ---------------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error('unrecognized arguments: %s' % ' '.join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            return self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))

    def _option(self, text):
        for action in self._actions:
            if text in action.option_strings:
                return action
        matches = [a for a in self._actions for s in a.option_strings
                   if s.startswith('--') and text.startswith('--') and s.startswith(text)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            options = ', '.join(s for a in matches for s in a.option_strings if s.startswith(text))
            raise ArgumentError(None, f'ambiguous option: {text} could match {options}')
        return None

    def _convert(self, action, text):
        converter = action.type or (lambda x: x)
        try:
            value = converter(text)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, f'invalid {name} value: {text!r}')
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, f'invalid choice: {value!r} (choose from {choices})')
        return value

    def _take(self, action, values, namespace):
        kind = action.action
        if kind == 'help':
            self.print_help()
            self.exit()
        if kind == 'version':
            print(action.version.replace('%(prog)s', self.prog))
            self.exit()
        if kind in ('store_true', 'store_false', 'store_const'):
            setattr(namespace, action.dest, action.const)
        elif kind == 'count':
            setattr(namespace, action.dest, (getattr(namespace, action.dest, None) or 0) + 1)
        elif kind == 'append':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(values)
            setattr(namespace, action.dest, items)
        elif kind == 'append_const':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const)
            setattr(namespace, action.dest, items)
        elif kind == 'extend':
            items = list(getattr(namespace, action.dest, None) or [])
            items.extend(values)
            setattr(namespace, action.dest, items)
        else:
            setattr(namespace, action.dest, values)

    def _consume(self, action, texts):
        nargs = action.nargs
        if nargs is None:
            return self._convert(action, texts[0]), 1
        if nargs == 0:
            return None, 0
        if nargs == OPTIONAL:
            if texts:
                return self._convert(action, texts[0]), 1
            return (action.const if action.option_strings else action.default), 0
        if nargs in (ZERO_OR_MORE, ONE_OR_MORE, REMAINDER):
            return [self._convert(action, t) for t in texts], len(texts)
        return [self._convert(action, t) for t in texts[:nargs]], nargs

    def _is_option(self, text):
        return text.startswith(tuple(self.prefix_chars)) and len(text) > 1 and not _is_number(text)

    @staticmethod
    def _match_counts(patterns, available):
        # CPython matches arguments with greedy regexes: the counts each pattern takes, or None.
        if not patterns:
            return []
        nargs = patterns[0]
        if nargs is None:
            choices = [1]
        elif nargs == OPTIONAL:
            choices = [1, 0]
        elif nargs in (ZERO_OR_MORE, REMAINDER):
            choices = list(range(available, -1, -1))
        elif nargs == ONE_OR_MORE:
            choices = list(range(available, 0, -1))
        else:
            choices = [nargs]
        for count in choices:
            if count > available:
                continue
            rest = ArgumentParser._match_counts(patterns[1:], available - count)
            if rest is not None:
                return [count] + rest
        return None

    def _parse(self, args, namespace):
        positionals = [a for a in self._actions if not a.option_strings]
        extras = []
        seen = set()
        if '--' in args:
            cut = args.index('--')
            tail = args[cut + 1:]
            args = args[:cut]
        else:
            tail = None
        i = 0
        while i < len(args):
            text = args[i]
            if self._is_option(text):
                value = None
                if '=' in text and text.startswith('--'):
                    text, value = text.split('=', 1)
                action = self._option(text)
                if action is None:
                    extras.append(args[i])
                    i += 1
                    continue
                seen.add(action)
                i += 1
                following = [] if value is None else [value]
                while value is None and i + len(following) < len(args) and \
                        not self._is_option(args[i + len(following)]):
                    following.append(args[i + len(following)])
                counts = self._match_counts([action.nargs if action.nargs != 0 else 0], len(following)) \
                    if action.nargs != 0 else [0]
                if counts is None:
                    if action.nargs is None:
                        raise ArgumentError(action, 'expected one argument')
                    if action.nargs == ONE_OR_MORE:
                        raise ArgumentError(action, 'expected at least one argument')
                    raise ArgumentError(action, f'expected {action.nargs} argument' +
                                        ('s' if action.nargs != 1 else ''))
                used = counts[0]
                if value is not None and used == 0 and action.nargs == 0:
                    raise ArgumentError(action, f'ignored explicit argument {value!r}')
                converted, _ = self._consume(action, following[:used])
                self._take(action, converted, namespace)
                if value is None:
                    i += used
                continue
            run = []
            while i + len(run) < len(args) and not self._is_option(args[i + len(run)]):
                run.append(args[i + len(run)])
            for k in range(len(positionals), -1, -1):
                counts = self._match_counts([a.nargs for a in positionals[:k]], len(run))
                if counts is not None:
                    break
            taken = 0
            for action, count in zip(positionals[:k], counts):
                strings = run[taken:taken + count]
                taken += count
                if action.nargs == OPTIONAL and not strings:
                    self._take(action, action.default, namespace)
                else:
                    converted, _ = self._consume(action, strings) if action.nargs is not None else \
                        (self._convert(action, strings[0]), 1)
                    self._take(action, converted, namespace)
            positionals = positionals[k:]
            extras.extend(run[taken:])
            i += len(run)
        if tail is not None:
            extras.extend(tail)
        missing = []
        for action in self._actions:
            if action.option_strings:
                if action.required and action not in seen:
                    missing.append(_argument_name(action))
            elif action in positionals and action.required and action.nargs not in (OPTIONAL,):
                if action.nargs == ZERO_OR_MORE and action.default is not None:
                    continue
                missing.append(_argument_name(action))
        if missing:
            raise ArgumentError(None, 'the following arguments are required: %s' % ', '.join(missing))
        return namespace, extras

    # -- Usage and help --------------------------------------------------------------------------

    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return '{' + ','.join(map(str, action.choices)) + '}'
        return action.dest if not action.option_strings else action.dest.upper()

    def _format_args(self, action):
        metavar = self._metavar(action)
        nargs = action.nargs
        if nargs is None:
            return metavar
        if nargs == OPTIONAL:
            return f'[{metavar}]'
        if nargs == ZERO_OR_MORE:
            return f'[{metavar} ...]'
        if nargs == ONE_OR_MORE:
            return f'{metavar} [{metavar} ...]'
        if nargs == REMAINDER:
            return '...'
        return ' '.join([metavar] * nargs)

    def format_usage(self):
        prefix = 'usage: '
        if self.usage is not None:
            return f'{prefix}{self.usage.replace("%(prog)s", self.prog)}\n'
        optionals, positionals = [], []
        for action in self._actions:
            if action.help is SUPPRESS:
                continue
            if action.option_strings:
                text = action.option_strings[0]
                if action.nargs != 0:
                    text += ' ' + self._format_args(action)
                optionals.append(text if action.required else f'[{text}]')
            else:
                positionals.append(self._format_args(action))
        usage = ' '.join([self.prog] + optionals + positionals)
        text_width = self.formatter_class(self.prog)._width
        if len(prefix) + len(usage) > text_width:
            # As CPython's HelpFormatter wraps a long usage line.
            def lines_of(parts, indent, first_prefix=None):
                lines, line = [], []
                line_length = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
                for part in parts:
                    if line_length + 1 + len(part) > text_width and line:
                        lines.append(indent + ' '.join(line))
                        line = []
                        line_length = len(indent) - 1
                    line.append(part)
                    line_length += len(part) + 1
                if line:
                    lines.append(indent + ' '.join(line))
                if first_prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines

            if len(prefix) + len(self.prog) <= 0.75 * text_width:
                indent = ' ' * (len(prefix) + len(self.prog) + 1)
                if optionals:
                    lines = lines_of([self.prog] + optionals, indent, prefix)
                    lines.extend(lines_of(positionals, indent))
                elif positionals:
                    lines = lines_of([self.prog] + positionals, indent, prefix)
                else:
                    lines = [self.prog]
            else:
                indent = ' ' * len(prefix)
                lines = [self.prog] + lines_of(optionals + positionals, indent)
            usage = '\n'.join(lines)
        return prefix + usage + '\n'

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action)
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = self._format_args(action)
        return ', '.join(f'{s} {args}' for s in action.option_strings)

    def format_help(self):
        formatter = self.formatter_class(self.prog)
        width = formatter._width
        lines = [self.format_usage().rstrip('\n')]
        if self.description:
            lines.append('')
            if isinstance(formatter, RawDescriptionHelpFormatter):
                lines.extend(self.description.splitlines())
            else:
                lines.extend(formatter._fill(self.description, width, ''))
        shown = [a for a in self._actions if a.help is not SUPPRESS]
        invocations = {id(a): self._invocation(a) for a in shown}
        longest = max([len(v) + 2 for v in invocations.values()] or [0])
        help_position = min(longest + 2, formatter._max_help_position)
        for title, actions in ((self._positional_title, [a for a in shown if not a.option_strings]),
                               (self._optional_title, [a for a in shown if a.option_strings])):
            if not actions:
                continue
            lines.append('')
            lines.append(f'{title}:')
            for action in actions:
                invocation = invocations[id(action)]
                help_text = action.help
                if help_text and '%(default)' in help_text:
                    help_text = help_text.replace('%(default)s', str(action.default))
                if help_text and isinstance(formatter, ArgumentDefaultsHelpFormatter) and \
                        '%(default)' not in (action.help or '') and action.default is not SUPPRESS and \
                        (action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE)):
                    help_text += f' (default: {action.default})'
                if help_text is None:
                    lines.append('  ' + invocation)
                    continue
                help_lines = formatter._fill(help_text, width - help_position, '')
                if len(invocation) + 2 <= help_position - 2:
                    lines.append(f'  {invocation:<{help_position - 4}}  {help_lines[0] if help_lines else ""}'.rstrip())
                else:
                    lines.append('  ' + invocation)
                    lines.append(' ' * help_position + (help_lines[0] if help_lines else ''))
                for more in help_lines[1:]:
                    lines.append(' ' * help_position + more)
        if self.epilog:
            lines.append('')
            lines.extend(formatter._fill(self.epilog, width, ''))
        return '\n'.join(lines) + '\n'

    def print_usage(self, file=None):
        (file or sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            sys.stderr.write(message)
        sys.exit(status)

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f'{self.prog}: error: {message}\n')


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False
