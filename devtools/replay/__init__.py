"""Local replay of KOOP's SRU services over a corpus folder (see README.md in this package)."""
from .corpus import CVDR, OP, SAMPLE_CORPUS, CorpusItem, load_corpus, synthesize
from .server import FAULT_KINDS, Fault, ReplayServer

__all__ = ["CVDR", "OP", "SAMPLE_CORPUS", "CorpusItem", "FAULT_KINDS", "Fault", "ReplayServer",
           "load_corpus", "synthesize"]
