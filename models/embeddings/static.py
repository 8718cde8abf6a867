"""A static-embedding model: trained with sentence-transformers, served with numpy.

Training (`train_static`) builds a WordPiece vocabulary on the training texts with `tokenizers`, puts a
sentence-transformers `StaticEmbedding` (an embedding bag, mean of token vectors) on it and fits it with
`MultipleNegativesRankingLoss` on (query, positive) pairs: the other positives of a batch are the negatives. Serving
(`StaticModel.encode`) needs only the tokenizer and the weight matrix: the mean of a text's token rows, as the
embedding bag computes it, without loading torch — tens of thousands of texts a second on 2 cores.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from tqdm import tqdm

import config
from data_catalog.errors import UserError
from models.embeddings.base import normalise

VOCAB = 20_000
DIM = 256
CHUNK = 4096


class StaticModel:
    """Tokenizer (as JSON) plus one vector per token; picklable and torch-free."""

    def __init__(self, tokenizer_json: str, weights: np.ndarray, model_id: str) -> None:
        self.tokenizer_json = tokenizer_json
        self.weights = np.asarray(weights, dtype=np.float32)
        self.model_id = model_id
        self.dim = int(self.weights.shape[1])
        self._tok = None

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_tok"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._tok = None

    @property
    def tokenizer(self):  # noqa: ANN201 - a tokenizers.Tokenizer
        if self._tok is None:
            from tokenizers import Tokenizer

            self._tok = Tokenizer.from_str(self.tokenizer_json)
            self._tok.no_padding()
        return self._tok

    def encode(self, texts: Sequence[str], *, query: bool = False, progress: bool = False) -> np.ndarray:
        """Mean of each text's token vectors (a sparse row-averaging matrix times the weights), unit length."""
        from scipy.sparse import csr_matrix

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in tqdm(range(0, len(texts), CHUNK), desc="임베딩(정적)", unit="묶음", disable=not progress):
            enc = self.tokenizer.encode_batch_fast(list(texts[i : i + CHUNK]), add_special_tokens=False)
            ids = [e.ids for e in enc]
            lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
            cols = np.fromiter((t for x in ids for t in x), dtype=np.int64, count=int(lengths.sum()))
            indptr = np.concatenate([[0], np.cumsum(lengths)])
            vals = np.repeat(1.0 / np.maximum(lengths, 1), lengths).astype(np.float32)
            avg = csr_matrix((vals, cols, indptr), shape=(len(ids), len(self.weights)))
            out[i : i + len(ids)] = avg @ self.weights
        return normalise(out)


def _tokenizer(texts: Sequence[str]):  # noqa: ANN202 - a tokenizers.Tokenizer
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=VOCAB, special_tokens=["[UNK]"]))
    return tok


def train_static(
    queries: Sequence[str],
    positives: Sequence[str],
    model_id: str,
    *,
    epochs: int = 1,
    batch_size: int = 256,
    lr: float = 0.1,
    seed: int = 0,
    progress: bool = True,
) -> StaticModel:
    """Fit a static embedding on (query, positive) pairs with in-batch negatives; returns the numpy model."""
    if len(queries) != len(positives) or len(queries) < batch_size:
        raise UserError(
            f"정적 임베딩을 학습할 쌍이 부족합니다({len(queries)}쌍, 최소 {batch_size}쌍).", "too few training pairs"
        )
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    texts = list(dict.fromkeys([*queries, *positives]))
    tok = _tokenizer(texts)
    model = SentenceTransformer(modules=[StaticEmbedding(tok, embedding_dim=DIM)], device="cpu")
    loss = MultipleNegativesRankingLoss(model)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    # each distinct text is tokenized once (a posting is the positive of many pairs); a batch is then the module's
    # own input (token ids + offsets), exactly what `StaticEmbedding.preprocess` would build for it
    row = {t: i for i, t in enumerate(texts)}
    ids = [np.asarray(e.ids, dtype=np.int64) for e in tok.encode_batch_fast(texts, add_special_tokens=False)]
    qa, pa = np.array([row[q] for q in queries]), np.array([row[p] for p in positives])

    def features(rows: np.ndarray) -> dict:
        seqs = [ids[r] for r in rows]
        lengths = np.array([len(x) for x in seqs])
        return {
            "input_ids": torch.from_numpy(np.concatenate(seqs) if lengths.sum() else np.zeros(0, dtype=np.int64)),
            "offsets": torch.from_numpy(np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)),
        }

    order = np.arange(len(queries))
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        steps = range(0, len(order) - batch_size + 1, batch_size)
        for i in tqdm(steps, desc="정적 임베딩 학습", unit="묶음", disable=not progress):
            idx = order[i : i + batch_size]
            opt.zero_grad()
            value = loss([features(qa[idx]), features(pa[idx])], None)
            value.backward()
            opt.step()
    weights = model[0].embedding.weight.detach().numpy().copy()
    return StaticModel(tok.to_str(), weights, model_id)


def load_trained(data_dir: config.PathLike | None = None) -> StaticModel:
    """The registered static model (trained by `python -m models train`), or a Korean error."""
    from models.common import registry

    path = registry.latest("matching_embedder", data_dir)
    if path is None:
        raise UserError(
            "매칭용 임베딩 모델이 아직 학습되지 않았습니다. "
            "`make run`(또는 `python -m models train`)을 먼저 실행해 주세요.",
            "no trained static embedding model",
        )
    model, _, _ = registry.load(path)
    return model
