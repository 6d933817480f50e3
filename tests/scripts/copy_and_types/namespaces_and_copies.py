# types.SimpleNamespace, MappingProxyType and the builtin types; copy.copy and copy.deepcopy.
import copy
import types


config = types.SimpleNamespace(host="localhost", port=8080)
config.debug = True
print(config, config.port, config == types.SimpleNamespace(host="localhost", port=8080, debug=True))
proxy = types.MappingProxyType({"a": 1})
print(proxy, repr(proxy), proxy["a"], len(proxy), "a" in proxy, list(proxy.items()))
try:
    proxy["b"] = 2
except TypeError as error:
    print("TypeError")


async def coro():
    pass


def gen():
    yield 1


c = coro()
print(isinstance(c, types.CoroutineType), isinstance(gen(), types.GeneratorType), type(len) is types.BuiltinFunctionType,
      isinstance(lambda: 0, types.FunctionType), isinstance(types, types.ModuleType))
c.close()


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


nested = {"points": [Point(1, 2), Point(3, 4)], "meta": {"tags": {1, 2}}, "t": (1, [2])}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow["points"] is nested["points"], deep["points"] is nested["points"], deep["points"][0] is nested["points"][0])
deep["points"][0].x = 99
print(nested["points"][0], deep["points"][0], deep["t"], deep["meta"])
cycle = [1]
cycle.append(cycle)
copied = copy.deepcopy(cycle)
print(copied[1] is copied, copied[0])


class WithHooks:
    def __copy__(self):
        return "copied"

    def __deepcopy__(self, memo):
        return "deep-copied"


print(copy.copy(WithHooks()), copy.deepcopy([WithHooks()]), types.MethodType(lambda self: self.x, Point(5, 6))())

# expect: namespace(host='localhost', port=8080, debug=True) 8080 True
# expect: {'a': 1} mappingproxy({'a': 1}) 1 1 True [('a', 1)]
# expect: TypeError
# expect: True True True True True
# expect: True False False
# expect: Point(1, 2) Point(99, 2) (1, [2]) {'tags': {1, 2}}
# expect: True 1
# expect: copied ['deep-copied'] 5
