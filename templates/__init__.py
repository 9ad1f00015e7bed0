"""The site's jinja2 templates, stylesheet and script (installed as ``consolidator.templates``)."""
