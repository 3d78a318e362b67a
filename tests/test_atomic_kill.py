"""A save killed at any moment leaves the old file or the new one, never half of either."""

import importlib.util
import os
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_kill_save.py"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked child")
def test_killed_saves_leave_the_old_or_the_new_file(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_kill_save", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.run(kills=30, n_stops=60, folder=str(tmp_path))
    assert result["kills"] == 30
