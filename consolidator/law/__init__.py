"""The law model: BWB toestand XML and the plain law-text format.

In: toestand XML files or plain law text. Out: lxml trees of a law, the plain text of a tree,
BWB metadata (manifest, WTI) and an index of a tree's articles by number. This is the only
package that knows BWB element names; every other stage asks it.
"""
