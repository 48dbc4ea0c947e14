"""An ordered map over batches, in worker processes when the input is large enough to be worth it.

The parent warms up (loads the models) before forking, so on Linux the workers start at once and
share the models' memory pages copy-on-write; elsewhere each worker loads them on first use.
Results come back in input order, and at most `2 * jobs` batches are in flight, so memory stays
bounded on long streams. If a worker dies, the affected and remaining batches run in-process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing.context import BaseContext
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 64  # fewer items than this are processed in-process: start-up would not pay off
MAX_DEFAULT_JOBS = 2  # the models take ~0.5 GB per process; more workers only on request


def default_jobs() -> int:
    """The number of worker processes used when none is asked for: the usable CPUs, at most two."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def map_batches(
    fn: Callable[[list[T]], R],
    items: Iterable[T],
    *,
    batch_size: int,
    jobs: int = 1,
    min_parallel: int = MIN_PARALLEL,
    warm_up: Callable[[], object] | None = None,
) -> Iterator[R]:
    """`fn(batch)` for each batch of `items`, in order; in `jobs` processes for inputs of `min_parallel`+.

    `fn` must be a module-level function (it is pickled by name). `warm_up` runs in this process
    before the workers are started (load models there, so forked workers inherit them).
    """
    iterator = iter(items)
    head = list(islice(iterator, min_parallel))
    batches = batched(chain(head, iterator), max(1, batch_size))
    if jobs <= 1 or len(head) < min_parallel:
        yield from map(fn, batches)
        return
    if warm_up is not None:
        warm_up()
    yield from _pooled(fn, batches, jobs)


def _context() -> BaseContext:
    """Fork on Linux (workers inherit the loaded models); the platform's default elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _pooled(fn: Callable[[list[T]], R], batches: Iterator[list[T]], jobs: int) -> Iterator[R]:
    pending: deque[tuple[list[T], Future[R] | None]] = deque()
    gc.freeze()  # keep the parent's objects out of the collector, so forked pages stay shared
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    try:
        broken = False
        for batch in batches:
            future: Future[R] | None = None
            if not broken:
                try:
                    future = pool.submit(fn, batch)
                except BrokenProcessPool:
                    broken = True
            pending.append((batch, future))
            while len(pending) >= 2 * jobs or (pending and pending[0][1] is None):
                result, ok = _collect(fn, *pending.popleft())
                broken = broken or not ok
                yield result
        while pending:
            yield _collect(fn, *pending.popleft())[0]
    finally:  # also when the consumer stops early: drop the batches not yet started
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _collect(fn: Callable[[list[T]], R], batch: list[T], future: Future[R] | None) -> tuple[R, bool]:
    """The batch's result (computed here if its worker is missing or died), and whether the pool is ok."""
    if future is None:
        return fn(batch), False
    try:
        return future.result(), True
    except BrokenProcessPool:
        return fn(batch), False
