"""The training job: batches, updates, validation, checkpoints, logs; resumable from its last checkpoint."""
from __future__ import annotations

import dataclasses
import json
import logging
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import sacrebleu
import torch
from torch import nn
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from .config import Metric, Optimizer, Precision, Recipe, Schedule, TrainingConfig, check_trainable, save_recipe
from .data import Batch, Vocabulary, collate, pair_widths, token_batches
from .data.corpus import make_dir
from .data.dataset import ParallelDataset
from .data.preparation import TrainingData, prepare_training_data, sampled_training_set
from .errors import Seq2SeqError
from .finetuning import copy_parent_text, parent_model
from .model import Seq2Seq
from .schedule import learning_rate, teacher_forcing
from .translate import Translator, pick_device

log = logging.getLogger("seq2seq")


@dataclass
class TrainState:
    """Everything besides weights and optimizer that an exact resume needs."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0  # batches of `epoch` already consumed
    best_score: Optional[float] = None  # of every validation: picks best.pt
    best_step: int = 0
    scheduled_best: Optional[float] = None  # of scheduled validations only: drives patience and plateau decay
    bad_validations: int = 0  # since the last improvement (early stopping)
    plateau_bad: int = 0  # since the last improvement or decay (plateau schedule)
    plateau_scale: float = 1.0
    elapsed: float = 0.0  # seconds of training up to the last checkpoint
    validated_step: int = -1  # step of the last validation
    target_tokens: int = 0


def set_seed(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)


def make_optimizer(model: nn.Module, cfg: TrainingConfig) -> torch.optim.Optimizer:
    params = [p for p in model.parameters() if p.requires_grad]
    if cfg.optimizer is Optimizer.SGD:
        return torch.optim.SGD(params, lr=cfg.learning_rate, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
    kind = torch.optim.AdamW if cfg.optimizer is Optimizer.ADAMW else torch.optim.Adam
    return kind(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)


def batch_loss(model: Seq2Seq, batch, label_smoothing: float, forcing: float = 1.0) -> torch.Tensor:
    """Summed token cross-entropy of one batch; the output layer and loss run once over all steps."""
    return model.loss(batch.src, batch.src_lengths, batch.trg_in, batch.trg_out, label_smoothing, forcing)


@torch.no_grad()
def validation_loss(model: Seq2Seq, data: ParallelDataset, batch_tokens: int, device: torch.device) -> float:
    """Mean per-token negative log-likelihood on the validation set (no label smoothing)."""
    model.eval()
    total, tokens = torch.zeros((), device=device), 0
    for ids in token_batches(pair_widths(data), None, batch_tokens, shuffle=False):
        batch = collate(data.src, data.trg, ids).to(device)
        total += batch_loss(model, batch, 0.0)
        tokens += batch.n_trg_tokens
    model.train()
    return float(total) / max(tokens, 1)


class Trainer:
    """Owns one run: model, optimizer, state, and the files in the model directory."""

    def __init__(self, recipe: Recipe, data: TrainingData, model: Seq2Seq, device: torch.device):
        self.recipe, self.cfg, self.data, self.model, self.device = recipe, recipe.training, data, model, device
        self.dir = Path(recipe.model_dir)
        self.optimizer = make_optimizer(model, self.cfg)
        self.state = TrainState()
        self.translator = Translator(recipe, model, data.src_tokenizer, data.trg_tokenizer,
                                     data.src_vocab, data.trg_vocab, device)
        self.started = time.perf_counter()
        self.last_train_loss: Optional[float] = None

    # ------------------------------------------------------------------ checkpoints

    def _save(self, name: str, full: bool) -> None:
        payload = {"model": self.model.state_dict(), "step": self.state.step}
        if full:
            rng = {"torch": torch.get_rng_state(), "python": random.getstate()}
            if torch.cuda.is_available():
                rng["cuda"] = torch.cuda.get_rng_state_all()
            payload.update(optimizer=self.optimizer.state_dict(), state=dataclasses.asdict(self.state), rng=rng)
        target = self.dir / "checkpoints" / f"{name}.pt"
        torch.save(payload, target.with_suffix(".tmp"))
        target.with_suffix(".tmp").replace(target)

    def save_checkpoints(self, improved: bool) -> None:
        (self.dir / "checkpoints").mkdir(exist_ok=True)
        now = time.perf_counter()
        self.state.elapsed += now - self.started  # so a resumed run keeps counting training.max_minutes
        self.started = now
        self._save("last", full=True)
        self._save(f"step_{self.state.step}", full=False)
        if improved:
            folder = self.dir / "checkpoints"
            shutil.copyfile(folder / f"step_{self.state.step}.pt", folder / "best.pt")
        steps = sorted(self.dir.glob("checkpoints/step_*.pt"), key=lambda p: int(p.stem.split("_")[1]))
        for old in steps[:-self.cfg.keep_last]:
            old.unlink()

    def resume(self) -> None:
        path = self.dir / "checkpoints" / "last.pt"
        if not path.is_file():
            raise Seq2SeqError(f"cannot resume: {path} does not exist")
        saved = torch.load(path, map_location="cpu", weights_only=False)
        self.model.load_state_dict(saved["model"])
        self.optimizer.load_state_dict(saved["optimizer"])
        state = saved["state"]
        state.setdefault("scheduled_best", state["best_score"])  # a checkpoint from before that field
        self.state = TrainState(**state)
        torch.set_rng_state(saved["rng"]["torch"])
        random.setstate(saved["rng"]["python"])
        if "cuda" in saved["rng"] and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(saved["rng"]["cuda"])
        log.info("resumed from step %d (epoch %d, batch %d)", self.state.step, self.state.epoch + 1,
                 self.state.batch_in_epoch)

    # ------------------------------------------------------------------ validation

    def elapsed(self) -> float:
        return self.state.elapsed + time.perf_counter() - self.started

    def validate(self, train_loss: Optional[float], scheduled: bool = True) -> bool:
        """Score the model on the validation set, log it, keep checkpoints; True when training should stop.

        Only scheduled validations (every valid_every steps) count for plateau decay and early stopping,
        so the extra one at the end of a budget does not make a resumed run differ from a straight one.
        """
        loss = validation_loss(self.model, self.data.valid, self.recipe.testing.batch_tokens, self.device)
        hyps = self.translator.translate(self.data.valid_src, beam_size=1)  # greedy: fast, and tracks beam
        bleu = sacrebleu.corpus_bleu(hyps, [self.data.valid_ref]).score
        chrf = sacrebleu.corpus_chrf(hyps, [self.data.valid_ref]).score
        metric = self.cfg.early_stopping_metric
        score = {Metric.BLEU: bleu, Metric.CHRF: chrf, Metric.LOSS: -loss}[metric]
        s = self.state
        improved = s.best_score is None or score > s.best_score
        if improved:
            s.best_score, s.best_step = score, s.step
        if scheduled and (s.scheduled_best is None or score > s.scheduled_best):
            s.scheduled_best = score
            s.bad_validations = s.plateau_bad = 0
        elif scheduled:
            s.bad_validations += 1
            s.plateau_bad += 1
        s.validated_step = s.step
        if scheduled and self.cfg.schedule is Schedule.PLATEAU and s.plateau_bad > self.cfg.decay_patience:
            s.plateau_scale *= self.cfg.decay_factor
            s.plateau_bad = 0
            log.info("validation %s has not improved: learning rate decayed to %.3g", metric.value,
                     self.current_lr())
        record = {"step": s.step, "epoch": s.epoch + 1, "elapsed": round(self.elapsed(), 1),
                  "target_tokens": s.target_tokens, "train_loss": train_loss, "valid_loss": round(loss, 4),
                  "valid_ppl": round(math.exp(min(loss, 50)), 3), "bleu": round(bleu, 2), "chrf": round(chrf, 2),
                  "lr": self.current_lr(), "best": improved}
        with (self.dir / "validations.jsonl").open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        log.info("step %d validation: loss %.3f ppl %.2f BLEU %.2f chrF %.2f%s", s.step, loss, record["valid_ppl"],
                 bleu, chrf, " (best)" if improved else "")
        self.save_checkpoints(improved)
        return self.stopped_early() is not None

    def stopped_early(self) -> Optional[str]:
        """Why the validations so far end the run, if they do; from the state alone, so --resume agrees."""
        s, cfg = self.state, self.cfg
        if cfg.early_stopping_patience is not None and s.bad_validations >= cfg.early_stopping_patience:
            return f"early stopping (no improvement in {cfg.early_stopping_patience} validations)"
        if cfg.schedule is Schedule.PLATEAU and cfg.learning_rate * s.plateau_scale < cfg.min_learning_rate:
            return "the plateau schedule took the learning rate below training.min_learning_rate"
        return None

    def current_lr(self) -> float:
        return learning_rate(self.cfg, max(self.state.step, 1), self.state.plateau_scale)

    # ------------------------------------------------------------------ the loop

    def out_of_budget(self) -> Optional[str]:
        s, cfg = self.state, self.cfg
        if cfg.max_steps and s.step >= cfg.max_steps:
            return f"reached training.max_steps ({cfg.max_steps})"
        if cfg.max_minutes and self.elapsed() >= cfg.max_minutes * 60:
            return f"reached training.max_minutes ({cfg.max_minutes})"
        if cfg.max_epochs and s.epoch >= cfg.max_epochs:
            return f"reached training.max_epochs ({cfg.max_epochs})"
        return self.stopped_early()

    def update(self, batch: Batch, lr: float) -> torch.Tensor:
        """One optimizer step on `batch` at rate `lr`; returns its summed loss (detached)."""
        cfg = self.cfg
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        with torch.autocast(self.device.type, torch.bfloat16, enabled=cfg.precision is Precision.BF16):
            loss = batch_loss(self.model, batch, cfg.label_smoothing, teacher_forcing(cfg, self.state.step))
        (loss / batch.n_trg_tokens).backward()
        if cfg.clip_grad_norm:
            nn.utils.clip_grad_norm_(self.model.parameters(), cfg.clip_grad_norm)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        return loss.detach()

    def epoch_data(self, epoch: int) -> ParallelDataset:
        """The training set as this epoch sees it: resegmented when the recipe samples subwords."""
        if self.recipe.data.sentencepiece.sampling_alpha is None:
            return self.data.train
        return sampled_training_set(self.data, self.recipe.data, self.cfg.seed, epoch)

    def run(self) -> None:
        s, cfg = self.state, self.cfg
        running, running_tokens, last_log = torch.zeros((), device=self.device), 0, time.perf_counter()
        bar = tqdm(total=cfg.max_steps, initial=s.step, unit="step", file=sys.stderr, dynamic_ncols=True)
        self.model.train()
        stop_reason = self.out_of_budget()
        while stop_reason is None:
            train = self.epoch_data(s.epoch)
            batches = token_batches(pair_widths(train), None, cfg.batch_tokens, cfg.seed, s.epoch)
            for ids in batches[s.batch_in_epoch:]:
                batch = collate(train.src, train.trg, ids)
                batch = batch.with_token_dropout(cfg.src_token_dropout, cfg.trg_token_dropout).to(self.device)
                s.step += 1
                s.batch_in_epoch += 1
                lr = self.current_lr()
                loss = self.update(batch, lr)
                running += loss
                running_tokens += batch.n_trg_tokens
                s.target_tokens += batch.n_trg_tokens
                bar.update(1)
                if s.step % cfg.log_every == 0:
                    now = time.perf_counter()
                    train_loss = float(running) / running_tokens
                    speed = running_tokens / (now - last_log)
                    bar.set_postfix(loss=f"{train_loss:.3f}", tok_s=f"{speed:.0f}", lr=f"{lr:.2g}")
                    log.debug("step %d loss %.4f target tokens/s %.0f lr %.3g", s.step, train_loss, speed, lr)
                    self.last_train_loss = round(train_loss, 4)
                    running, running_tokens, last_log = torch.zeros((), device=self.device), 0, now
                stop_reason = self.out_of_budget()
                if s.step % cfg.valid_every == 0 or stop_reason:
                    if self.validate(self.last_train_loss, scheduled=s.step % cfg.valid_every == 0):
                        stop_reason = stop_reason or self.stopped_early()
                if stop_reason:
                    break
            else:
                s.epoch += 1
                s.batch_in_epoch = 0
                stop_reason = self.out_of_budget()
        if s.validated_step != s.step:
            self.validate(self.last_train_loss, scheduled=False)
        bar.close()
        log.info("training stopped at step %d after %.1f minutes: %s; best %s %.2f at step %d", s.step,
                 self.elapsed() / 60, stop_reason, cfg.early_stopping_metric.value,
                 s.best_score if cfg.early_stopping_metric is not Metric.LOSS else -s.best_score, s.best_step)


def _log_to(model_dir: Path) -> logging.Handler:
    handler = logging.FileHandler(model_dir / "train.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger("seq2seq")
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    return handler


def make_trainer(recipe: Recipe, reuse: bool = False, initial: Optional[Seq2Seq] = None) -> Trainer:
    """Threads, seed, data (tokenizers and vocabularies in model_dir) and a model: fresh, or `initial`
    (a fine-tuning run's parent model, whose tokenizers and vocabularies are copied in)."""
    cfg = recipe.training
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    set_seed(cfg.seed)
    device = pick_device(cfg.device)
    if initial is not None:
        copy_parent_text(recipe)
        log.info("fine-tuning from %s (checkpoint %s): copied its vocabularies and tokenizers",
                 cfg.init_from, cfg.init_checkpoint)
    data = prepare_training_data(recipe.data, Path(recipe.model_dir), cfg.seed, torch.get_num_threads(),
                                 reuse=reuse or initial is not None)
    set_seed(cfg.seed)
    if initial is None:
        initial = Seq2Seq(recipe.model, len(data.src_vocab), len(data.trg_vocab), Vocabulary.pad_id)
    model = initial.to(device)
    log.info("model: %d parameters; encoder %s; decoder %s; %s attention; device %s",
             model.num_parameters(), recipe.model.encoder.describe(), recipe.model.decoder.describe(),
             recipe.model.attention.type.value, device)
    return Trainer(recipe, data, model, device)


def train(recipe: Recipe, resume: bool = False, overwrite: bool = False) -> Path:
    """Train the model a recipe describes into its model_dir; returns that directory."""
    check_trainable(recipe)
    model_dir = Path(recipe.model_dir)
    # a resumed fine-tuning run has its own files and checkpoints already
    initial = parent_model(recipe) if recipe.training.init_from is not None and not resume else None
    if resume and not (model_dir / "checkpoints" / "last.pt").is_file():
        raise Seq2SeqError(f"cannot resume: {model_dir / 'checkpoints' / 'last.pt'} does not exist; "
                           "train without --resume first")
    if (model_dir / "checkpoints").exists() and not (resume or overwrite):
        raise Seq2SeqError(f"{model_dir} already holds a trained model: pass --resume to continue it "
                           "or --overwrite to start again")
    if overwrite and not resume:
        shutil.rmtree(model_dir / "checkpoints", ignore_errors=True)
        (model_dir / "validations.jsonl").unlink(missing_ok=True)
    make_dir(model_dir, "model_dir")
    handler = _log_to(model_dir)
    try:
        save_recipe(recipe, model_dir / "recipe.yaml")
        with logging_redirect_tqdm(loggers=[logging.getLogger("seq2seq")]):
            trainer = make_trainer(recipe, reuse=resume, initial=initial)
            if resume:
                trainer.resume()
            trainer.run()
    finally:
        logging.getLogger("seq2seq").removeHandler(handler)
        handler.close()
    return model_dir
