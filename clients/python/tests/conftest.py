"""Fixtures: the real Augment service, started from the Release build on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from augment_client import AugmentClient

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DLL = REPO / "src" / "Augment.Service" / "bin" / "Release" / "net10.0" / "Augment.Service.dll"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServiceProcess:
    """One ``dotnet Augment.Service.dll --urls http://127.0.0.1:PORT`` process that can be killed and restarted."""

    def __init__(self, dll: Path, port: int, env: dict[str, str] | None = None):
        self.dll = dll
        self.port = port
        self.env = env or {}
        self.address = f"127.0.0.1:{port}"
        self.log = tempfile.NamedTemporaryFile(prefix="augment-service-", suffix=".log", delete=False)
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90.0) -> None:
        env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", **self.env)
        self.process = subprocess.Popen(
            ["dotnet", str(self.dll), "--urls", f"http://{self.address}"],
            cwd=self.dll.parent, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        with AugmentClient(self.address) as client:
            try:
                client.wait_ready(timeout)
            except Exception:
                self.stop()
                raise RuntimeError(f"service did not start; log:\n{self.read_log()}") from None

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, the connection just drops."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def read_log(self) -> str:
        return Path(self.log.name).read_text(errors="replace")[-4000:]

    def close(self) -> None:
        self.stop()
        self.log.close()
        os.unlink(self.log.name)


def _dll() -> Path:
    dll = Path(os.environ.get("AUGMENT_SERVICE_DLL", DEFAULT_DLL))
    if not dll.is_file():
        pytest.exit(f"{dll} not found: build it first with `dotnet build src/Augment.Service -c Release` "
                    "(or set AUGMENT_SERVICE_DLL)", returncode=2)
    return dll


@pytest.fixture(scope="session")
def service():
    """The service shared by the whole session."""
    proc = ServiceProcess(_dll(), _free_port())
    proc.start()
    yield proc
    proc.close()


@pytest.fixture()
def private_service():
    """A service of this test alone (for tests that kill it)."""
    proc = ServiceProcess(_dll(), _free_port())
    proc.start()
    yield proc
    proc.close()


@pytest.fixture()
def client(service):
    with AugmentClient(service.address) as c:
        yield c
