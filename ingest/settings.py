"""Where Netra reads and writes, from the environment variables in the README's configuration table."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANDING_DIR = REPO_ROOT / "data" / "sample"
DEFAULT_WAREHOUSE_DIR = REPO_ROOT / "warehouse"
SALT_FILE_NAME = "pii_salt"


@dataclass(frozen=True)
class Settings:
    landing_dir: Path
    warehouse_dir: Path

    @property
    def build_db(self) -> Path:
        """The database every step writes to; BI never reads it."""
        return self.warehouse_dir / "netra.duckdb"

    @property
    def serving_db(self) -> Path:
        """The published, checked copy of the marts that BI tools open read-only."""
        return self.warehouse_dir / "serving.duckdb"

    @property
    def quality_dir(self) -> Path:
        """The quality reports: a page per suite's latest validation and index.html over all of them."""
        return self.warehouse_dir / "quality"

    @property
    def exports_dir(self) -> Path:
        """Parquet copies of the marts, for tools without a DuckDB driver (a link to the latest set)."""
        return self.warehouse_dir / "exports"

    @property
    def report_html(self) -> Path:
        """The self-contained HTML report published with the marts."""
        return self.warehouse_dir / "report.html"

    def pii_salt(self) -> bytes:
        """The secret keying NIP pseudonyms: `NETRA_PII_SALT`, else a random one kept in the warehouse.

        The salt is created once and reused, because a new salt would give every ASN a new pseudonym
        and break the link between snapshots of the same case.
        """
        from_env = os.environ.get("NETRA_PII_SALT")
        if from_env:
            return from_env.encode()
        path = self.warehouse_dir / SALT_FILE_NAME
        if not path.exists():
            self.warehouse_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip().encode()


def load_settings() -> Settings:
    """Read the settings afresh, so tests and sensors see the environment as it is now."""
    landing = os.environ.get("NETRA_LANDING_DIR") or DEFAULT_LANDING_DIR
    warehouse = os.environ.get("NETRA_WAREHOUSE_DIR") or DEFAULT_WAREHOUSE_DIR
    return Settings(landing_dir=Path(landing).resolve(), warehouse_dir=Path(warehouse).resolve())
