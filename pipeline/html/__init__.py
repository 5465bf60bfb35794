"""HTML in and out: pages to segments (:mod:`.extract`) and back (:mod:`.merge`).

Only this package touches the HTML parser. Both directions share one walker
(:mod:`.walk`), so merge finds exactly the units extraction produced.
"""
