"""The training job: batches, updates, validation, checkpoints, logs; resumable from its last checkpoint."""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import math
import random
import signal
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

from .config import Metric, Optimizer, Precision, Recipe, TrainingConfig, check_trainable
from .data import Batch, Vocabulary, collate, pair_widths, token_batches
from .data.dataset import ParallelDataset
from .data.corpus import check_corpora
from .data.preparation import TrainingData, prepare_training_data, sampled_training_set
from .devices import pick_device
from .distributed import World, lost_peer, rank_seed, share
from .errors import Interrupted, Seq2SeqError
from .finetuning import copy_parent_text, parent_model
from .model import Seq2Seq
from .model.upgrade import upgrade_optimizer_state
from .model_dir import ModelDir, make_dir, removed_on_error, serialize
from .schedule import (TrainState, ValidationResult, after_validation, learning_rate, stop_reason, teacher_forcing,
                       validations_decided)
from .resume_state import fingerprint, load_resumable, rng_state, set_rng_state
from .signals import StopRequests
from .translate import Translator

log = logging.getLogger("seq2seq")


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


class TrainingLoss(nn.Module):
    """Seq2Seq.loss as a module's forward, which DistributedDataParallel wraps to average gradients."""

    def __init__(self, model: Seq2Seq):
        super().__init__()
        self.model = model

    def forward(self, src, src_lengths, trg_in, trg_out, label_smoothing: float, forcing: float) -> torch.Tensor:
        return self.model.loss(src, src_lengths, trg_in, trg_out, label_smoothing, forcing)


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


@dataclass
class Update:
    """One optimizer step's batches (this process's share), each with its loss weight, and the target
    tokens of the whole update, which normalise its loss."""

    batches: list[Batch]
    weights: list[float]
    target_tokens: int

    @classmethod
    def of(cls, batch: Batch) -> "Update":
        """An update of one batch."""
        return cls([batch], [1.0], batch.n_trg_tokens)


class Trainer:
    """Owns one run: model, optimizer, state, and the files in the model directory."""

    def __init__(self, recipe: Recipe, data: TrainingData, model: Seq2Seq, device: torch.device,
                 world: World = World()):
        self.recipe, self.cfg, self.data, self.model, self.device = recipe, recipe.training, data, model, device
        self.world = world
        self.dir = ModelDir(recipe.model_dir)
        self.objective: nn.Module = TrainingLoss(model)
        if world.size > 1:  # gradients averaged across ranks in backward, as DistributedDataParallel does
            self.objective = nn.parallel.DistributedDataParallel(
                self.objective, device_ids=[device.index] if device.type == "cuda" else None)
        self.optimizer = make_optimizer(model, self.cfg)
        self.state = TrainState()
        self.translator = Translator(recipe, model, data.src_tokenizer, data.trg_tokenizer,
                                     data.src_vocab, data.trg_vocab, device)
        self.started = self.last_saved = time.perf_counter()
        self.last_train_loss: Optional[float] = None
        self.stop_requests = StopRequests()
        self._epoch_batches: tuple[int, ParallelDataset, list[list[int]], list[int]] | None = None

    # ------------------------------------------------------------------ checkpoints

    def _payload(self, full: bool, ranks_rng: Optional[list[dict]] = None) -> dict:
        payload = {"model": self.model.state_dict(), "step": self.state.step}
        if full:
            payload.update(optimizer=self.optimizer.state_dict(), state=dataclasses.asdict(self.state),
                           rng=rng_state())
            if ranks_rng is not None and len(ranks_rng) > 1:
                payload["ranks_rng"] = ranks_rng  # each rank's own, so a resumed job continues exactly
        return payload

    def _full_payload(self, ranks_rng: Optional[list[dict]]) -> bytes:
        """Everything a resume needs, serialized once; the training clock is banked first, so a resumed
        run keeps counting training.max_minutes."""
        now = time.perf_counter()
        self.state.elapsed += now - self.started
        self.started = self.last_saved = now
        return serialize(self._payload(full=True, ranks_rng=ranks_rng))

    def save_checkpoints(self, improved: bool, ranks_rng: Optional[list[dict]] = None) -> None:
        """step_N.pt and last.pt (each enough to resume from), best.pt (weights) when improved; old steps
        pruned. last.pt comes last: a kill between the writes resumes from a consistent older point."""
        resumable = self._full_payload(ranks_rng)
        self.dir.save_checkpoint(f"{ModelDir.STEP}{self.state.step}", resumable)
        if improved:
            self.dir.save_checkpoint("best", self._payload(full=False))
        self.dir.save_checkpoint("last", resumable)
        self.dir.prune_steps(self.cfg.keep_last)

    def save_last(self) -> None:
        """last.pt alone, between validations (training.checkpoint_every_minutes, a stop signal); every
        rank takes part, for their random states."""
        ranks_rng = self.world.gather(rng_state())
        if self.world.main:
            self.dir.save_checkpoint("last", self._full_payload(ranks_rng))

    def resume(self) -> None:
        saved = load_resumable(self.dir)
        if self.world.main:
            self.dir.forget_validations_after(saved["state"]["step"])
        self.model.load_state_dict(saved["model"])
        self.optimizer.load_state_dict(upgrade_optimizer_state(saved["optimizer"], saved["model"], self.model))
        self.state = TrainState.from_dict(saved["state"])
        ranks = saved.get("ranks_rng", [saved["rng"]])
        if len(ranks) == self.world.size:
            set_rng_state(ranks[self.world.rank])
        else:  # another number of processes: the batches per update are the same, the dropout draws are not
            log.warning("resuming a run of %d process(es) with %d: training goes on, but not exactly as it would "
                        "have with %d", len(ranks), self.world.size, len(ranks))
            set_rng_state(ranks[0])
            if self.world.rank:
                torch.manual_seed(rank_seed(self.cfg.seed + self.state.step, self.world.rank))
        log.info("resumed from step %d (epoch %d, batch %d)", self.state.step, self.state.epoch + 1,
                 self.state.batch_in_epoch)

    # ------------------------------------------------------------------ validation

    def elapsed(self) -> float:
        return self.state.elapsed + time.perf_counter() - self.started

    def validate(self) -> ValidationResult:
        """Score the model on the validation set: loss, and greedy translations (fast, and tracks beam)."""
        loss = validation_loss(self.model, self.data.valid, self.recipe.testing.batch_tokens, self.device)
        hyps = self.translator.translate(self.data.valid_src, self.translator.options(beam_size=1))
        bleu = sacrebleu.corpus_bleu(hyps, [self.data.valid_ref]).score
        chrf = sacrebleu.corpus_chrf(hyps, [self.data.valid_ref]).score
        return ValidationResult(loss, bleu, chrf, hyps)

    def decide(self, result: ValidationResult, scheduled: bool) -> bool:
        """The state after a validation (schedule.after_validation); True when it is the best so far."""
        before = self.state
        self.state, improved = after_validation(self.cfg, before, result.score(self.cfg.early_stopping_metric),
                                                scheduled)
        if self.state.plateau_scale != before.plateau_scale:
            log.info("validation %s has not improved: learning rate decayed to %.3g",
                     self.cfg.early_stopping_metric.value, self.current_lr())
        return improved

    def log_validation(self, result: ValidationResult, improved: bool) -> None:
        """One line in train.log and one record in validations.jsonl."""
        s = self.state
        record = {"step": s.step, "epoch": s.epoch + 1, "elapsed": round(self.elapsed(), 1),
                  "target_tokens": s.target_tokens, "train_loss": self.last_train_loss,
                  "valid_loss": round(result.loss, 4), "valid_ppl": round(math.exp(min(result.loss, 50)), 3),
                  "bleu": round(result.bleu, 2), "chrf": round(result.chrf, 2), "lr": self.current_lr(),
                  "best": improved, "skipped_updates": s.skipped_updates}
        self.dir.append_validation(record)
        log.info("step %d validation: loss %.3f ppl %.2f BLEU %.2f chrF %.2f%s", s.step, result.loss,
                 record["valid_ppl"], result.bleu, result.chrf, " (best)" if improved else "")

    def validation_round(self, scheduled: bool) -> None:
        """Measure, decide, log, checkpoint: each its own step, on rank 0; every rank then has its state."""
        ranks_rng = self.world.gather(rng_state())
        fingerprints = self.world.gather(fingerprint(self.model)) if self.world.size > 1 else None
        if fingerprints is not None and self.world.main:
            if len(set(fingerprints)) > 1:
                raise Seq2SeqError(f"at step {self.state.step} the {self.world.size} processes hold different "
                                   "weights; this is a bug: please report it with the recipe and train.log")
            log.info("step %d: the weights are identical on all %d processes", self.state.step, self.world.size)
        if self.world.main:
            result = self.validate()
            improved = self.decide(result, scheduled)
            self.log_validation(result, improved)
            self.save_checkpoints(improved, ranks_rng)
        self.state = self.world.broadcast(self.state)

    def stop_reason(self) -> Optional[str]:
        """Why the run ends now, if it does: a budget, early stopping or the plateau schedule's floor;
        rank 0's decision (its clock measures training.max_minutes), the same on every rank."""
        return self.world.broadcast(stop_reason(self.cfg, self.state, self.elapsed()))

    def current_lr(self) -> float:
        return learning_rate(self.cfg, max(self.state.step, 1), self.state.plateau_scale)

    # ------------------------------------------------------------------ the loop

    def update(self, work: Update, lr: float) -> Optional[torch.Tensor]:
        """One optimizer step at rate `lr` over this process's batches of an update; returns their summed
        token loss (detached). The loss is normalised by the whole update's target tokens, so one update
        means the same whatever the number of processes and accumulated batches."""
        cfg = self.cfg
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        total = torch.zeros((), device=self.device)
        forcing, last = teacher_forcing(cfg, self.state.step), len(work.batches) - 1
        scale = self.world.size / work.target_tokens  # the ranks' gradients are averaged: this makes it their sum
        for i, (batch, weight) in enumerate(zip(work.batches, work.weights)):
            # gradients travel between ranks once an update, after its last batch
            syncing = i == last or not isinstance(self.objective, nn.parallel.DistributedDataParallel)
            with contextlib.nullcontext() if syncing else self.objective.no_sync():
                with torch.autocast(self.device.type, torch.bfloat16, enabled=cfg.precision is Precision.BF16):
                    loss = self.objective(batch.src, batch.src_lengths, batch.trg_in, batch.trg_out,
                                          cfg.label_smoothing, forcing)
                (loss * (weight * scale)).backward()
            total += loss.detach() * weight
        # the norm of the ranks' averaged gradients: the same on every rank; clipped when the recipe says so
        norm = nn.utils.clip_grad_norm_(self.model.parameters(), cfg.clip_grad_norm or math.inf)
        bad = (~torch.isfinite(norm) | ~torch.isfinite(total)).float()
        if bool(self.world.sum(bad)):  # one rank's non-finite loss skips every rank's update
            self.optimizer.zero_grad(set_to_none=True)
            return None
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        return total

    def skip(self, work: Update) -> None:
        """An update with a non-finite loss or gradient norm changed nothing (no optimizer step, the
        optimizer's state untouched, the step not counted): log it, and stop after
        training.max_bad_updates in a row, the last checkpoint left as it was."""
        s, limit = self.state, self.cfg.max_bad_updates
        s.skipped_updates, s.bad_updates_in_row = s.skipped_updates + 1, s.bad_updates_in_row + 1
        sentences = sum(int(b.src.shape[0]) for b, w in zip(work.batches, work.weights) if w)
        if self.world.main:
            log.warning("update %d (epoch %d, up to batch %d): non-finite loss or gradient norm over %d sentences "
                        "and %d target tokens (this process's share); skipped, the weights unchanged (%d in a row; "
                        "training.max_bad_updates %d)", s.step + 1, s.epoch + 1, s.batch_in_epoch, sentences,
                        work.target_tokens, s.bad_updates_in_row, limit)
        if s.bad_updates_in_row >= limit:
            raise Seq2SeqError(f"training stopped at step {s.step}: {limit} updates in a row had a non-finite loss or "
                               f"gradient norm (training.max_bad_updates); {self.dir.checkpoint('last')} holds the "
                               "last good checkpoint. Lower training.learning_rate, set training.clip_grad_norm or "
                               "precision fp32, or look for broken pairs in the training data, then --resume")

    def after_update(self) -> tuple[Optional[str], bool, int]:
        """Decided after each update, the same on every rank: rank 0's stop reason and whether last.pt is due
        (training.checkpoint_every_minutes, on its clock), and the stop signal any rank received (0: none)."""
        minutes = self.cfg.checkpoint_every_minutes
        due = minutes is not None and time.perf_counter() - self.last_saved >= minutes * 60
        reason, due = self.world.broadcast((stop_reason(self.cfg, self.state, self.elapsed()), due))
        got = self.stop_requests.signum
        received = self.world.sum(torch.tensor([got == signal.SIGINT, got == signal.SIGTERM], dtype=torch.float32,
                                               device=self.device))
        signum = signal.SIGTERM if received[1] else signal.SIGINT if received[0] else 0
        return reason, due, int(signum)

    def interrupted(self, signum: int) -> Interrupted:
        """What a stop signal ends the run with, last.pt already written."""
        name = signal.Signals(signum).name
        log.info("interrupted at step %d; continue with --resume (%s)", self.state.step, name)
        return Interrupted(f"interrupted by {name} at step {self.state.step}: {self.dir.checkpoint('last')} is "
                           "saved; continue with `seq2seq train RECIPE --resume`", signum)

    def epoch_data(self, epoch: int) -> ParallelDataset:
        """The training set as this epoch sees it: resegmented when the recipe samples subwords."""
        if self.recipe.data.sentencepiece.sampling_alpha is None:
            return self.data.train
        return sampled_training_set(self.data, self.recipe.data, self.cfg.seed, epoch)

    def next_update(self) -> Optional[Update]:
        """The epoch's next update (its next `accumulate` batches), or None once the epoch is used up (the
        state then moves to the next epoch). The last update of an epoch may have fewer batches."""
        s, cfg = self.state, self.cfg
        if self._epoch_batches is None or self._epoch_batches[0] != s.epoch:
            train = self.epoch_data(s.epoch)
            self._epoch_batches = (s.epoch, train, token_batches(pair_widths(train), None, cfg.batch_tokens,
                                                                 cfg.seed, s.epoch), train.trg.lengths)
        _, train, batches, trg_lengths = self._epoch_batches
        start = s.batch_in_epoch
        mine, steps, take = share(start, len(batches) - start, self.world, cfg.accumulate)
        if not take:
            s.epoch, s.batch_in_epoch = s.epoch + 1, 0
            return None
        s.batch_in_epoch += take
        target_tokens = sum(trg_lengths[i] + 1 for ids in batches[start:start + take] for i in ids)  # with </s>
        weights = [1.0] * len(mine) + [0.0] * (steps - len(mine))  # a rank short of batches repeats one, weightless
        chosen = [collate(train.src, train.trg, batches[p]) for p in mine + [start] * (steps - len(mine))]
        chosen = [batch.with_token_dropout(cfg.src_token_dropout, cfg.trg_token_dropout) for batch in chosen]
        return Update([batch.to(self.device) for batch in chosen], weights, target_tokens)

    def run(self) -> None:
        s, cfg = self.state, self.cfg
        running, running_tokens, last_log = torch.zeros((), device=self.device), 0, time.perf_counter()
        bar = tqdm(total=cfg.max_steps, initial=s.step, unit="step", file=sys.stderr, dynamic_ncols=True,
                   disable=not self.world.main)
        self.model.train()
        reason = self.stop_reason()
        while reason is None:
            work = self.next_update()
            if work is None:  # a new epoch: training.max_epochs may end the run here
                reason = self.stop_reason()
                continue
            s = self.state
            s.step += 1
            lr = self.current_lr()
            loss = self.update(work, lr)
            if loss is None:
                s.step -= 1
                self.skip(work)
            else:
                s.bad_updates_in_row = 0
                running += loss
                running_tokens += work.target_tokens  # every process's: the whole update
                s.target_tokens += work.target_tokens
                bar.update(1)
            if loss is not None and s.step % cfg.log_every == 0:
                now = time.perf_counter()
                train_loss = float(self.world.sum(running)) / running_tokens  # every process's loss
                speed = running_tokens / (now - last_log)
                bar.set_postfix(loss=f"{train_loss:.3f}", tok_s=f"{speed:.0f}", lr=f"{lr:.2g}")
                log.debug("step %d loss %.4f target tokens/s %.0f lr %.3g", s.step, train_loss, speed, lr)
                self.last_train_loss = round(train_loss, 4)
                running, running_tokens, last_log = torch.zeros((), device=self.device), 0, now
            reason, due, signum = self.after_update()
            scheduled = loss is not None and s.step % cfg.valid_every == 0
            if scheduled or (reason and s.validated_step != s.step):  # a budget's end validates too, unscheduled
                self.validation_round(scheduled)
                # what this validation decided; a budget it used up ends the run after the next update
                reason = reason or validations_decided(cfg, self.state)
            elif due or signum:
                self.save_last()
            if signum and reason is None:
                raise self.interrupted(signum)
        if self.state.validated_step != self.state.step:
            self.validation_round(scheduled=False)
        s = self.state  # a validation makes a new state object
        bar.close()
        best = s.best_score if cfg.early_stopping_metric is not Metric.LOSS else -s.best_score
        log.info("training stopped at step %d after %.1f minutes: %s; best %s %.2f at step %d", s.step,
                 self.elapsed() / 60, reason, cfg.early_stopping_metric.value, best, s.best_step)


def _log_to(model_dir: ModelDir) -> logging.Handler:
    handler = logging.FileHandler(model_dir.log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger("seq2seq")
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    return handler


def make_trainer(recipe: Recipe, reuse: bool = False, initial: Optional[Seq2Seq] = None,
                 world: World = World()) -> Trainer:
    """Threads, seed, data (tokenizers and vocabularies in model_dir) and a model: fresh, or `initial`
    (a fine-tuning run's parent model, whose tokenizers and vocabularies are copied in). In a job of
    several processes rank 0 makes the tokenizers and vocabularies and the others read them."""
    cfg = recipe.training
    if cfg.threads or world.size > 1:
        torch.set_num_threads(world.threads(cfg.threads))
    set_seed(cfg.seed)
    device = pick_device(cfg.device)
    if device.type == "cuda" and world.size > 1:
        device = torch.device("cuda", world.local_rank)
    if initial is not None and world.main:
        copy_parent_text(recipe)
        log.info("fine-tuning from %s (checkpoint %s): copied its vocabularies and tokenizers",
                 cfg.init_from, cfg.init_checkpoint)
    files = ModelDir(recipe.model_dir).text_files(recipe.data)
    if not world.main:
        world.barrier()  # rank 0 writes the tokenizers and vocabularies first
    data = prepare_training_data(recipe.data, files, cfg.seed, torch.get_num_threads(),
                                 reuse=reuse or initial is not None or not world.main,
                                 corpus=ModelDir(recipe.model_dir).corpus)
    if world.main:
        world.barrier()
    set_seed(cfg.seed)
    if initial is None:
        initial = Seq2Seq(recipe.model, len(data.src_vocab), len(data.trg_vocab), Vocabulary.pad_id)
    model = initial.to(device)
    if world.rank:  # the same model everywhere; each rank's own dropout from here on
        set_seed(rank_seed(cfg.seed, world.rank))
    log.info("model: %d parameters; encoder %s; decoder %s; %s attention; device %s",
             model.num_parameters(), recipe.model.encoder.describe(), recipe.model.decoder.describe(),
             recipe.model.attention.type.value, device)
    return Trainer(recipe, data, model, device, world)


def train(recipe: Recipe, resume: bool = False, overwrite: bool = False) -> Path:
    """Train the model a recipe describes into its model_dir; returns that directory.

    Under torchrun every process runs this; they train one model together (seq2seq/distributed.py).
    """
    check_trainable(recipe)
    model_dir = ModelDir(recipe.model_dir)
    # a resumed fine-tuning run has its own files and checkpoints already
    initial = parent_model(recipe) if recipe.training.init_from is not None and not resume else None
    if resume and not model_dir.resumable():
        raise Seq2SeqError(f"cannot resume: {model_dir.checkpoints} holds no checkpoint (last.pt or step_N.pt); "
                           "train without --resume first")
    if model_dir.checkpoints.exists() and not (resume or overwrite):
        raise Seq2SeqError(f"{model_dir.path} already holds a trained model: pass --resume to continue it "
                           "or --overwrite to start again")
    check_corpora(recipe.data)  # a missing or unreadable corpus file is refused before model_dir is made
    world = World.join(recipe.training)
    handler, finished, trainer, held = None, False, None, contextlib.ExitStack()
    try:
        with logging_redirect_tqdm(loggers=[logging.getLogger("seq2seq")]):
            # what this run adds to model_dir goes again if the data fails while it is read
            with removed_on_error(model_dir.path) if world.main else contextlib.nullcontext():
                if world.main:
                    make_dir(model_dir.path, "model_dir")
                    held.enter_context(model_dir.training_lock())  # one run at a time in a model directory
                    if overwrite and not resume:
                        model_dir.clear_run()
                    handler = _log_to(model_dir)
                    model_dir.save_recipe(recipe)
                else:
                    logging.getLogger("seq2seq").setLevel(logging.WARNING)  # one log: rank 0's
                trainer = make_trainer(recipe, reuse=resume, initial=initial, world=world)
            if resume:
                trainer.resume()
            try:
                with trainer.stop_requests:  # SIGINT / SIGTERM: finish the update, write last.pt, stop
                    trainer.run()
            except RuntimeError as error:  # another rank died during the gradient exchange
                raise (lost_peer(error) if world.size > 1 else None) or error
        finished = True
    finally:
        if handler is not None:
            logging.getLogger("seq2seq").removeHandler(handler)
            handler.close()
        trainer = None  # DistributedDataParallel goes before its process group does
        gc.collect()
        world.leave(finished)
        held.close()
    return model_dir.path
