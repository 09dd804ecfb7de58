"""What the tests share: paths here, builders in the modules beside this one. Test modules import
from tests.support, never from each other or from a conftest (fixtures stay in the conftests)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository (or worktree)
FILES = ROOT / "tests" / "files"  # fixture bytes written by us
# /work/shared beside /work/main (or beside the worktree's parent): reference material, read-only
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
