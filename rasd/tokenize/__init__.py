"""Sentence splitting and tokenization over the normalized text (offsets kept to original)."""

from rasd.tokenize.clitics import clitic_forms
from rasd.tokenize.glued import split_glued, word_pieces
from rasd.tokenize.tokens import TokenizeStage, tokenize

__all__ = ["TokenizeStage", "clitic_forms", "split_glued", "tokenize", "word_pieces"]
