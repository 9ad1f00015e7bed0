"""Views for people over the store: redlines between versions, the static site, and the
drafter's check of an act against the laws it changes.
"""
