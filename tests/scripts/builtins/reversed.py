# reversed on lists, strings, ranges and objects with __reversed__.
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(3))))
print(list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class Playlist:
    def __init__(self, songs):
        self.songs = songs
    def __reversed__(self):
        return iter(["last first"] + self.songs[::-1])
print(list(reversed(Playlist(["x", "y"]))))

# expect: [3, 2, 1] cba [2, 1, 0]
# expect: [2, 1] ['b', 'a']
# expect: ['last first', 'y', 'x']
