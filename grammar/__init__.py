"""The Lark grammars, shipped inside the package as consolidator.grammar."""
