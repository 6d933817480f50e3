# string's constants, capwords and Template; warnings.warn to stderr with the default
# filters, simplefilter, filterwarnings and catch_warnings(record=True).
import string
import warnings

print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation, repr(string.whitespace))
print(string.capwords("hello   wide world"), string.Template("$who likes ${what}!").substitute(who="Tim", what="kung pao"))
t = string.Template("$name owes $$$amount")
print(t.safe_substitute(name="Ann"), t.substitute({"name": "Bo", "amount": 5}))
try:
    t.substitute(name="Cy")
except KeyError as error:
    print("KeyError", error)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn("third", RuntimeWarning)
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
warnings.filterwarnings("error", category=RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as error:
    print("raised", error)
warnings.resetwarnings()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
print("done")

# expect: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ ' \t\n\r\x0b\x0c'
# expect: Hello Wide World Tim likes kung pao!
# expect: Ann owes $$amount Bo owes $5
# expect: KeyError 'amount'
# expect: [('first', 'UserWarning', 16), ('second', 'DeprecationWarning', 17), ('third', 'RuntimeWarning', 18)]
# expect: raised now an error
# expect: done
