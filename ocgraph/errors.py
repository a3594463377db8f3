"""The root of every error ocgraph reports to a user."""


class OcgraphError(Exception):
    """An error with a message a person can act on; the CLI prints it on one line and exits 1."""

    exit_code = 1


class InputError(OcgraphError):
    """A file, record or option the user gave cannot be used."""


class StoreError(OcgraphError):
    """The on-disk store cannot be read or written."""


class ValidationError(OcgraphError):
    """Data breaks the ontology (an unknown type or predicate, a wrong domain or range)."""


class ServiceError(OcgraphError):
    """An outside service (Neo4j, Maven) is unreachable or refused the request."""
