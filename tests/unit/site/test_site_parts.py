from generator.document import Document, Heading, Paragraph, Table
from generator.site.parts import split_document
from generator.site.plan import pages_of


def big_document(rows: int) -> Document:
    table = Table(("Nom", "Numéro"), tuple((f"user {i}", str(1000 + i)) for i in range(rows)), css_class="sortable")
    return Document("Utilisateurs", [Paragraph(("Intro",)), Heading(2, "Liste", anchor="list"), table], "users")


def test_small_document_stays_one_page():
    doc = big_document(10)
    assert split_document(doc, limit=100) == [doc]


def test_parts_keep_every_row_in_order_and_repeat_the_heading():
    parts = split_document(big_document(250), limit=100)
    assert len(parts) == 3
    rows = [row for part in parts for block in part.blocks if isinstance(block, Table) for row in block.rows]
    assert [r[1] for r in rows] == [str(1000 + i) for i in range(250)]
    assert isinstance(parts[0].blocks[0], Paragraph)
    for later in parts[1:]:
        assert not any(isinstance(b, Paragraph) for b in later.blocks)
        assert later.blocks[0] == Heading(2, "Liste", anchor="list")
        assert later.blocks[1].css_class == "sortable"


def test_part_pages_link_to_each_other(fr):
    pages = pages_of(big_document(2500), "users.md", fr)
    assert [p.path for p in pages] == ["users.md", "users-2.md", "users-3.md"]
    assert "Partie 2 sur 3 : [1](users.md) · **2** · [3](users-3.md)" in pages[1].markdown
    assert all(p.title == "Utilisateurs" for p in pages)


def test_part_links_are_relative_to_the_parts_folder(fr):
    pages = pages_of(big_document(1500), "runbooks/users.md", fr)
    assert "[2](users-2.md)" in pages[0].markdown
    assert pages[1].path == "runbooks/users-2.md"
