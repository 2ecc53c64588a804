"""Actor mentions: named armed groups, state forces and generic actors, ACLED-named."""

from rasd.extractors.actors.resolve import resolve_actor

__all__ = ["resolve_actor"]
