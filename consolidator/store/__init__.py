"""The version store and what fills it.

In: a corpus folder (laws, acts, official BWB histories). Out: every version of every law on
both time axes in an SQLite store; queries of the text valid on a date as known on another;
BWB-style exports and imports.
"""
