"""Serve the API and dashboard over the in-memory fake store (no database needed).

    python tests/e2e/serve_fake.py --port 8765 [--events 10000]

Used by the e2e test and the load benchmark until (and besides) the real store.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FAKES = Path(__file__).resolve().parents[1] / "unit" / "api" / "fakes.py"


def load_fakes() -> ModuleType:
    name = "warwire_tests_api_fakes"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FAKES)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def main() -> None:
    import uvicorn

    from warwire.api import create_app
    from warwire.config import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--events", type=int, default=0, help="synthetic events (0: the sample)")
    args = parser.parse_args()
    fakes = load_fakes()
    store = fakes.synthetic_store(args.events) if args.events else fakes.sample_store()
    app = create_app(Settings(token="e2e-token"), store)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
