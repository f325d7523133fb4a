"""Run a pure, CPU-bound call in a child process under a time bound, and kill it when it runs past.

A web request must not proofread on the event loop (one large draft would stall every user) nor in a
thread (which cannot be stopped, and contends for the GIL with the loop). Each call gets a process of
its own, forked from multiprocessing's forkserver (一次性子进程): the forkserver imported
`govwatch.services.warm_proofreader` when it started, so every child begins with the proofreading
engine built, in milliseconds, and ends with its one call.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar, cast

import anyio

from govwatch.errors import ServiceUnavailable

Result = TypeVar("Result")

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["govwatch.services.warm_proofreader"])


def start_in_background() -> None:
    """Start the forkserver (it builds the engine: seconds) in a thread now, so that the first call after
    a server starts does not spend its time bound waiting for it; a call that comes first waits as usual."""
    threading.Thread(target=multiprocessing.forkserver.ensure_running, name="forkserver-start", daemon=True).start()


class CallFailed(ServiceUnavailable):
    """The call ran past its bound (its process killed) or its process died; the message says which, in Chinese."""


def _child(sending: Connection, call: Callable[..., object], args: tuple) -> None:
    try:
        outcome = (True, call(*args))
    except Exception as exc:  # handed back to the parent, which raises it there
        outcome = (False, exc)
    with sending:
        sending.send(outcome)


def _receive(receiving: Connection) -> tuple[bool, object]:
    with receiving:
        return receiving.recv()


async def run_bounded(seconds: float, limiter: anyio.CapacityLimiter, call: Callable[..., Result], *args: object,
                      what: str = "处理") -> Result:
    """`call(*args)` in a child process, at most `limiter`'s count at once; waiting for a turn counts
    towards `seconds`. An exception the call raises is raised here; `CallFailed` when time runs out."""
    try:
        with anyio.fail_after(seconds):
            async with limiter:
                ok, value = await _in_child(call, args, what)
    except TimeoutError:
        raise CallFailed(f"{what}超过 {seconds:g} 秒仍未完成，已停止：稿件过大或系统繁忙，请拆分后分段提交") from None
    if not ok:
        assert isinstance(value, BaseException)  # _child hands back the exception the call raised
        raise value
    return cast(Result, value)


async def _in_child(call: Callable[..., object], args: tuple, what: str) -> tuple[bool, object]:
    """Start the child and wait for its outcome; the child is killed however the wait ends."""
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(sending, call, args), daemon=True)
    waiting = False
    try:
        await anyio.to_thread.run_sync(process.start)  # the first one also starts the forkserver
        sending.close()  # the child holds the only writing end now: its death ends the wait below
        waiting = True  # from here the receiving end is the waiting thread's to close
        return await anyio.to_thread.run_sync(_receive, receiving, abandon_on_cancel=True)
    except EOFError:
        raise CallFailed(f"{what}进程意外退出（可能内存不足），请稍后重试或拆分稿件") from None
    finally:
        sending.close()
        if not waiting:
            receiving.close()
        if process.pid is not None:
            process.kill()  # at once: this runs on the event loop, and a killed child is reaped in a moment
            process.join()
