"""Applying instructions to a law: (law tree, typed instructions) in, changed tree out.

Resolves each locator to elements or a text range of the tree (or refuses: not found,
ambiguous), dispatches each instruction kind to its edit, builds quoted content into XML, and
checks the postcondition of every edit. Also applies instructions to another act's text
(acts that amend acts).
"""
