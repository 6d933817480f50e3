# sys (argv, version_info, exit, stdout/stderr), __file__, os's harmless subset and os.path's
# string functions, and argparse with no command-line arguments (a scenario has none).
import argparse
import os
import os.path
import sys

print(sys.argv == [sys.argv[0]], sys.argv[0].endswith("sys_os_argparse.py"), __file__ == sys.argv[0])
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), sys.platform, sys.maxsize)
sys.stdout.write("written\n")
sys.stdout.flush()
print(os.sep, os.name, os.linesep == "\n", os.getenv("LOOPSCOPE_UNSET"), os.getenv("X", "fallback"), type(os.getpid()))
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"), os.path.splitext("a.tar.gz"))
print(os.path.split("/a/b/"), os.path.normpath("/a/./b/../c//d"), os.path.isabs("/x"), os.path.commonprefix(["/ab", "/ac"]))
print(os.path.basename(__file__), os.path.splitext(os.path.basename(__file__))[0])
parser = argparse.ArgumentParser(description="Fetch pages concurrently.")
parser.add_argument("urls", nargs="*", default=["a", "b"], help="pages to fetch")
parser.add_argument("-c", "--concurrency", type=int, default=3, help="how many at once")
parser.add_argument("--delay", type=float, default=0.5)
parser.add_argument("-v", "--verbose", action="store_true")
args = parser.parse_args()
print(args, args.concurrency, args.urls)
print(parser.parse_args(["x", "-c", "5", "--verbose", "--delay=2"]))
parser.print_help()
try:
    parser.parse_args(["-c", "many"])
except SystemExit as exit_request:
    print("exit status", exit_request.code)
try:
    sys.exit(3)
except SystemExit as exit_request:
    print("sys.exit", exit_request.code)

# expect: True True True
# expect: (3, 11) 3 True linux 9223372036854775807
# expect: written
# expect: / posix True None fallback <class 'int'>
# expect: a/b/c.txt z.py /x/y ('a.tar', '.gz')
# expect: ('/a/b', '') /a/c/d True /a
# expect: sys_os_argparse.py sys_os_argparse
# expect: Namespace(urls=['a', 'b'], concurrency=3, delay=0.5, verbose=False) 3 ['a', 'b']
# expect: Namespace(urls=['x'], concurrency=5, delay=2.0, verbose=True)
# expect: usage: sys_os_argparse.py [-h] [-c CONCURRENCY] [--delay DELAY] [-v]
# expect:                           [urls ...]
# expect:
# expect: Fetch pages concurrently.
# expect:
# expect: positional arguments:
# expect:   urls                  pages to fetch
# expect:
# expect: options:
# expect:   -h, --help            show this help message and exit
# expect:   -c CONCURRENCY, --concurrency CONCURRENCY
# expect:                         how many at once
# expect:   --delay DELAY
# expect:   -v, --verbose
# expect: exit status 2
# expect: sys.exit 3
