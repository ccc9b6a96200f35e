"""What the process that forks the workers does once for them: load what every scan and report needs before
forking, and, when it exists for the scan, freeze the built scanner out of the garbage collector's way."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

from grantscan.batch import WorkerPool
from grantscan.config import Config
from grantscan.detect import doctype
from grantscan.knowledge import control_map

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="workers inherit the scanner only when forked",
)


def test_the_pool_loads_the_control_map_and_cues_before_forking() -> None:
    control_map.control_map.cache_clear()
    doctype.cues.cache_clear()
    with WorkerPool(Config(cache=False)):
        assert control_map.control_map.cache_info().currsize == 1
        assert doctype.cues.cache_info().currsize == 1


def test_the_pool_freezes_the_built_scanner_only_when_asked(tmp_path: Path) -> None:
    para = tmp_path / "para.txt"
    para.write_text(
        "We will train a deep learning model for drones with partners in Japan.\n", encoding="utf-8"
    )
    gc.unfreeze()
    try:
        with WorkerPool(Config(cache=False)):
            assert gc.get_freeze_count() == 0  # a library call leaves the process's collector alone
        with WorkerPool(Config(cache=False), freeze_heap=True) as pool:
            assert gc.get_freeze_count() > 50_000
            (result,) = pool.scan([str(para)])
            assert result.status == "ok" and result.findings
    finally:
        gc.unfreeze()
