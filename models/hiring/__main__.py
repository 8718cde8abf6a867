"""CLI: train the hiring model (충원확률) on the warehouse.

python -m models.hiring train [--data-dir data] [--if-missing]
"""

from __future__ import annotations

from models.common.cli import train_command
from models.hiring.train import ensure, run

main = train_command(
    "python -m models.hiring", "충원확률 모델 학습 (train the hiring model)", ensure, lambda d: run(d)["summary_ko"]
)

if __name__ == "__main__":
    main()
