"""CLI: train matching (static embedder, vectors, re-ranker) on the warehouse.

python -m models.matching train [--data-dir data] [--if-missing]
"""

from __future__ import annotations

from models.common.cli import train_command
from models.matching.train import ensure, run, summary_ko

main = train_command(
    "python -m models.matching", "일자리 매칭 모델 학습 (train matching)", ensure, lambda d: summary_ko(run(d))
)

if __name__ == "__main__":
    main()
