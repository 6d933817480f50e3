# __init_subclass__ receives the keywords of the class statement; object's takes none.
class Plugin:
    plugins = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)


class Alpha(Plugin, name="alpha-one"):
    pass


class Beta(Plugin):
    pass


print(Plugin.plugins, Alpha.plugin_name, Beta.plugin_name)


try:
    class Gamma(Plugin, name="g", unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(size=3):
        pass
except TypeError as e:
    print("TypeError:", e)

# expect: ['alpha-one', 'beta'] alpha-one beta
# expect: TypeError: Gamma.__init_subclass__() takes no keyword arguments
# expect: TypeError: Plain.__init_subclass__() takes no keyword arguments
