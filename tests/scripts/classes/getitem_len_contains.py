# Sequence-like dunders: __getitem__, __setitem__, __len__, __contains__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __len__(self):
        return len(self.cells)
    def __contains__(self, key):
        return key in self.cells
g = Grid()
g[0, 1] = "#"
print(g[0, 1], g[5, 5], len(g), (0, 1) in g, (2, 2) in g, bool(g))

# expect: # . 1 True False True
