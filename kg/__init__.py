"""kg: knowledge graphs from Norwegian (Bokmål) security-policy news.

The pipeline is a chain of functions over typed values::

    read -> Article -> extract -> Extraction -> link -> LinkedExtraction
         -> to_rdf -> ArticleGraph -> reason -> store

Each stage lives in its own module; :mod:`kg.pipeline` composes them.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
