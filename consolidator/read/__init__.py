"""Reading an act: text in, typed model out.

In: the text of an amending act (Staatsblad, Staatscourant, a bill, a nota van wijziging).
Out: `model.Act` with its ARTIKELEN, onderdelen and punten, each amendment sentence parsed by the
instruction grammar (grammar/*.lark) into typed instructions with spans, and each
entry-into-force article read into rules. Also the outline/JSON views of an act and the
canonical Dutch wording of an instruction. Knows nothing of any law's text.
"""
