"""Writing OLX that people read and diff: structural elements one per line, indented."""


def indent(node, keep=()):
    """Indent `node`'s element children, recursively; elements whose tag is in `keep` (rich text, mixed content)
    are left exactly as written, so translators' diffs stay small and no text gains whitespace."""
    def walk(element, level):
        children = [child for child in element if isinstance(child.tag, str)]
        if not children or element.tag in keep:
            return
        pad = "\n" + "  " * (level + 1)
        if not (element.text or "").strip():
            element.text = pad
        for child in children:
            walk(child, level + 1)
            child.tail = pad
        children[-1].tail = "\n" + "  " * level

    walk(node, 0)
