# from __future__ import annotations keeps annotations as their source text (PEP 563).
from __future__ import annotations

import __future__


class Node:
    value: int
    children: list[Node] = []
    label: dict[str, "Node"] | None = None


print(Node.__annotations__)
print(__future__.annotations.getMandatoryRelease(), __future__.annotations.compiler_flag)

# expect: {'value': 'int', 'children': 'list[Node]', 'label': "dict[str, 'Node'] | None"}
# expect: None 16777216
