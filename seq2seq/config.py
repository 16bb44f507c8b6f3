"""Recipe YAML -> frozen, validated dataclasses, so a typo or bad value fails at load time, by name."""
from __future__ import annotations

import dataclasses
import difflib
import enum
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from .errors import RecipeError


class Choice(str, enum.Enum):
    """A recipe choice: compares equal to its YAML spelling."""

    def __str__(self) -> str:
        return self.value


class Cell(Choice):
    RNN_TANH = "rnn_tanh"
    RNN_RELU = "rnn_relu"
    GRU = "gru"
    LSTM = "lstm"


class AttentionType(Choice):
    ADDITIVE = "additive"
    DOT = "dot"
    GENERAL = "general"


class Level(Choice):
    SENTENCEPIECE = "sentencepiece"
    WORD = "word"
    CHAR = "char"


class CorpusFormat(Choice):
    TEXT = "text"
    DATASETS = "datasets"


class PieceModel(Choice):
    UNIGRAM = "unigram"
    BPE = "bpe"


class Bridge(Choice):
    BRIDGE = "bridge"
    ZEROS = "zeros"


class Optimizer(Choice):
    ADAM = "adam"
    ADAMW = "adamw"
    SGD = "sgd"


class Schedule(Choice):
    CONSTANT = "constant"
    PLATEAU = "plateau"
    INVERSE_SQRT = "inverse_sqrt"
    COSINE = "cosine"


class ForcingSchedule(Choice):
    CONSTANT = "constant"
    LINEAR = "linear"
    INVERSE_SIGMOID = "inverse_sigmoid"


class Precision(Choice):
    FP32 = "fp32"
    BF16 = "bf16"  # autocast: matrix products in bfloat16 (fast on recent GPUs and bf16 CPUs), weights and loss in fp32


class Metric(Choice):
    BLEU = "bleu"
    CHRF = "chrf"
    LOSS = "loss"


class _Section:
    """Base of recipe sections: choices given as plain strings (e.g. from Python) become enums."""

    def __post_init__(self) -> None:
        for name, tp in typing.get_type_hints(type(self)).items():
            value = getattr(self, name)
            if isinstance(tp, type) and issubclass(tp, Choice) and not isinstance(value, tp):
                object.__setattr__(self, name, tp(value))


def _checked(default: Any, test: Callable[[Any], bool], allowed: str) -> Any:
    """A field whose value must pass `test`; `allowed` says what is allowed in the error message."""
    return field(default=default, metadata={"test": test, "allowed": allowed})


def _positive(default: Any) -> Any:
    return _checked(default, lambda v: v is None or v > 0, "a positive number")


def _at_least(default: Any, low: int) -> Any:
    return _checked(default, lambda v: v is None or v >= low, f"a number >= {low}")


def _fraction(default: float) -> Any:
    return _checked(default, lambda v: 0.0 <= v < 1.0, "a number in [0, 1)")


def _ratio(default: float) -> Any:
    return _checked(default, lambda v: 0.0 <= v <= 1.0, "a number in [0, 1]")


@dataclass(frozen=True)
class SentencePieceConfig(_Section):
    vocab_size: int = _at_least(8000, 8)  # pieces in the model (a soft limit: a small text may give fewer)
    model_type: PieceModel = PieceModel.UNIGRAM  # sentencepiece's algorithm
    joint: bool = True  # one model trained on source and target text together
    # share of the training text's characters the model must cover; the rarest others become <unk>
    character_coverage: float = _checked(1.0, lambda v: 0.9 <= v <= 1.0, "a number in [0.9, 1]")
    src_model: Optional[str] = None  # an existing .model file; trained on the training data when null
    trg_model: Optional[str] = None  # the target side's, when not joint
    # sentences sampled for training the model; sentencepiece holds about 1.4 GB per million in memory
    max_sentences: int = _positive(1_000_000)
    all_pieces: bool = False  # vocabulary = every piece of the model (Joey NMT's way), not only pieces seen per side
    # subword regularization (Kudo 2018): each epoch trains on a freshly sampled segmentation; null: always the best.
    # unigram: the smoothing exponent (small = more varied), bpe: BPE-dropout's merge-dropping rate
    sampling_alpha: Optional[float] = _checked(None, lambda v: 0 < v <= 1, "null or a number in (0, 1]")
    # unigram sampling draws among this many best segmentations; -1: among all of them (512 is sentencepiece's limit)
    sampling_nbest: int = _checked(64, lambda v: v == -1 or 2 <= v <= 512,
                                   "-1 (every segmentation) or a number in 2..512")


@dataclass(frozen=True)
class DataConfig(_Section):
    train: str  # text: path prefix (files PREFIX.LANG[.gz]); datasets: split name
    valid: str  # the validation corpus, as for train; scored every training.valid_every steps
    src_lang: str  # language codes: the file suffixes of a text corpus (PREFIX.en), the column names of datasets
    trg_lang: str  # the target language's code
    # text: parallel plain files; datasets: anything datasets.load_dataset reads
    format: CorpusFormat = CorpusFormat.TEXT
    dataset: Optional[str] = None  # datasets: hub name or a builder such as json, csv, parquet
    dataset_config: Optional[str] = None  # datasets: the corpus's configuration name (e.g. iwslt2017-en-de)
    data_files: Optional[dict[str, str]] = None  # datasets: split -> local file
    src_column: Optional[str] = None  # datasets: default translation.<src_lang>
    trg_column: Optional[str] = None  # datasets: default translation.<trg_lang>
    level: Level = Level.SENTENCEPIECE  # tokens: sentencepiece subwords, whitespace-separated words, or characters
    lowercase: bool = False  # lowercase the text before tokenizing (outputs are lowercase too)
    sentencepiece: SentencePieceConfig = field(default_factory=SentencePieceConfig)
    vocab_max_size: Optional[int] = _positive(None)  # most frequent tokens kept per side, specials included; null: all
    vocab_min_freq: int = _at_least(1, 1)  # rarer tokens become <unk>
    min_length: int = _at_least(1, 0)  # tokens after segmentation; shorter training pairs are dropped
    max_length: int = _positive(100)  # tokens after segmentation; longer training pairs are dropped


@dataclass(frozen=True)
class RecurrentConfig(_Section):
    """What the encoder and the decoder share: their cells, sizes and dropout."""

    cell: Cell = Cell.GRU  # the recurrent cell: Elman RNN with tanh or relu, GRU, LSTM
    num_layers: int = _at_least(1, 1)  # stacked recurrent layers
    embedding_size: int = _positive(256)  # token embedding width
    hidden_size: int = _positive(256)  # recurrent state width
    dropout: float = _fraction(0.3)  # on the inputs and outputs of every recurrent layer
    variational: bool = True  # one dropout mask for all time steps of a sequence (Gal & Ghahramani)
    recurrent_dropout: float = _fraction(0.0)  # hidden-to-hidden; in the encoder it needs the slower step-by-step loop
    identity_init: bool = False  # rnn_relu only: recurrent matrix starts as the identity (IRNN)


@dataclass(frozen=True)
class EncoderConfig(RecurrentConfig):
    hidden_size: int = _positive(256)  # recurrent state width, per direction
    bidirectional: bool = True  # read the source both ways; the output is both directions' states side by side

    def describe(self) -> str:
        """One phrase for logs and reports, so both name the encoder alike."""
        direction = "bidirectional" if self.bidirectional else "unidirectional"
        return f"{self.cell.value}, {direction}, {self.num_layers} layer(s) of {self.hidden_size}"


@dataclass(frozen=True)
class DecoderConfig(RecurrentConfig):
    hidden_size: int = _positive(512)  # recurrent state width
    init: Bridge = Bridge.BRIDGE  # initial state: learned bridge from the encoder's final states, or zeros
    input_feeding: bool = True  # feed the previous attention context into the next step
    # a second cell after attention reads the current context into the top state (Nematus' conditional
    # GRU, Sennrich et al. 2017): the readout and the next step see this step's context, not the last one's
    conditional: bool = False
    # layer normalisation of every cell's two products, gate by gate (Ba et al. 2016; Nematus' decoder)
    layer_norm: bool = False
    readout_size: Optional[int] = _positive(None)  # default: embedding_size (required when tied)
    tie_embeddings: bool = False  # output layer shares the decoder's input embedding matrix

    def describe(self) -> str:
        """One phrase for logs and reports, so both name the decoder alike."""
        feeding = ", input feeding" if self.input_feeding else ""
        norm = ", layer norm" if self.layer_norm else ""
        return (f"{self.cell.value}{' conditional' if self.conditional else ''}, "
                f"{self.num_layers} layer(s) of {self.hidden_size}{feeding}{norm}")


@dataclass(frozen=True)
class AttentionConfig(_Section):
    type: AttentionType = AttentionType.ADDITIVE  # additive (Bahdanau); dot and general (Luong) for comparison
    size: int = _positive(256)  # additive attention's hidden size


@dataclass(frozen=True)
class ModelConfig(_Section):
    encoder: EncoderConfig = field(default_factory=EncoderConfig)
    decoder: DecoderConfig = field(default_factory=DecoderConfig)
    attention: AttentionConfig = field(default_factory=AttentionConfig)
    # one embedding matrix for source and target (and the output layer when the decoder ties it; Press &
    # Wolf's three-way tying): needs one vocabulary for both sides, e.g. a joint sentencepiece model with all_pieces
    share_embeddings: bool = False


@dataclass(frozen=True)
class TrainingConfig(_Section):
    # -- the run: randomness, hardware, starting point
    seed: int = 42  # the same recipe and seed give the same model on the same machine; 0..4294967294
    threads: Optional[int] = _positive(None)  # CPU threads; null: PyTorch's default
    device: str = _checked("auto", lambda v: v in ("auto", "cpu") or v.startswith("cuda"),  # auto: CUDA when present
                           "auto, cpu or cuda[:N]")
    precision: Precision = Precision.FP32  # bf16: autocast, products in bfloat16, weights and loss in fp32
    # torchrun jobs: the process group's backend; null: nccl with CUDA, else gloo
    distributed_backend: Optional[str] = _checked(None, lambda v: v in ("gloo", "nccl"), "null, gloo or nccl")
    # torchrun jobs: how long a process waits for the others (rank 0 validates alone, so more than a
    # validation takes) before the job ends with an error
    distributed_timeout_s: float = _positive(1800.0)
    init_from: Optional[str] = None  # fine-tune: start from this model directory's weights, vocabularies, tokenizers
    init_checkpoint: str = "best"  # which of init_from's checkpoints (best, last, averaged, step_N)
    # -- budget: when training stops (at least one is needed)
    max_steps: Optional[int] = _positive(None)  # updates
    max_minutes: Optional[float] = _positive(None)  # training time, validations included; counted across --resume
    max_epochs: Optional[int] = _positive(None)  # passes over the training set
    early_stopping_metric: Metric = Metric.BLEU  # also picks checkpoints/best.pt
    early_stopping_patience: Optional[int] = _positive(None)  # validations without improvement
    # -- optimisation
    batch_tokens: int = _positive(4096)  # one batch: sentences x longest side, padding included
    # batches whose gradients are summed into one update (per process: an update is processes x accumulate batches)
    accumulate: int = _positive(1)
    optimizer: Optimizer = Optimizer.ADAM  # adam, adamw (decoupled weight decay) or sgd
    learning_rate: float = _positive(1e-3)  # the rate after warmup, before any decay
    weight_decay: float = _at_least(0.0, 0)  # adamw: decoupled; adam and sgd: L2 in the gradient
    momentum: float = _fraction(0.0)  # sgd only
    clip_grad_norm: Optional[float] = _positive(1.0)  # gradients scaled down to this global norm; null: no clipping
    # -- learning-rate schedule
    schedule: Schedule = Schedule.PLATEAU  # after warmup: constant, decay on plateau, inverse square root, cosine
    warmup_steps: int = _at_least(0, 0)  # linear warmup from 0 to learning_rate
    min_learning_rate: float = _at_least(1e-5, 0)  # plateau: training stops below it; cosine: where it ends
    # plateau: the rate is multiplied by this at each decay
    decay_factor: float = _checked(0.5, lambda v: 0 < v < 1, "a number in (0, 1)")
    decay_patience: int = _at_least(2, 0)  # plateau: validations without improvement before decay
    # -- regularisation
    label_smoothing: float = _fraction(0.1)  # share of each target's probability spread over the vocabulary
    src_token_dropout: float = _fraction(0.0)  # source tokens replaced by <unk> in training
    trg_token_dropout: float = _fraction(0.0)  # decoder input tokens replaced by <unk> (labels kept)
    teacher_forcing: float = _ratio(1.0)  # probability of feeding the reference token (at step 0)
    # how teacher_forcing falls with the step; below 1 it is scheduled sampling (Bengio et al. 2015)
    teacher_forcing_schedule: ForcingSchedule = ForcingSchedule.CONSTANT
    teacher_forcing_min: float = _ratio(0.0)  # the floor a decaying schedule stops at
    # linear: steps to reach the minimum; inverse_sigmoid: k in k / (k + exp(step / k))
    teacher_forcing_decay_steps: int = _positive(10000)
    # -- validation, checkpoints and logs
    valid_every: int = _positive(500)  # steps between validations (loss, greedy BLEU and chrF) and checkpoints
    keep_last: int = _at_least(1, 1)  # most recent step checkpoints kept besides best and last
    # minutes between extra last.pt checkpoints besides validations': a kill loses at most this much; null: none
    checkpoint_every_minutes: Optional[float] = _positive(10.0)
    log_every: int = _positive(50)  # steps between training-loss log lines
    # -- failures
    # updates in a row with a non-finite loss or gradient norm (each skipped) before training stops
    max_bad_updates: int = _positive(5)


@dataclass(frozen=True)
class TestingConfig(_Section):
    beam_size: int = _positive(5)  # beam width; 1 is greedy decoding
    alpha: float = _at_least(1.0, 0)  # length penalty ((5 + length) / 6) ** alpha
    max_len_a: float = _at_least(1.5, 0)  # output length limit: max_len_a x source tokens + max_len_b
    max_len_b: int = _at_least(10, 0)  # (see max_len_a)
    batch_tokens: int = _positive(4000)  # source tokens x beam per batch: the same work per batch at any beam size


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


_TESTING_KEYS = {f.name for f in dataclasses.fields(TestingConfig)}


@dataclass(frozen=True)
class DecodingOptions:
    """How one search runs: built and checked once, from a recipe's `testing` section and a caller's
    overrides, then passed whole to search, translation and evaluation."""

    beam_size: int = TestingConfig.beam_size
    alpha: float = TestingConfig.alpha  # length penalty ((5 + length) / 6) ** alpha; greedy applies none
    n_best: int = 1  # hypotheses kept per sentence, best first: 1..beam_size
    min_len: int = 0  # output tokens before </s> may end a hypothesis (the length limit still caps it)
    max_len_a: float = TestingConfig.max_len_a  # output length limit: max_len_a * source tokens + max_len_b
    max_len_b: int = TestingConfig.max_len_b
    batch_tokens: int = TestingConfig.batch_tokens  # source tokens x beam per batch: the same work at any beam

    def __post_init__(self) -> None:
        for name, allowed in self.broken_limits(dataclasses.asdict(self)).items():
            value = getattr(self, name)
            if name == "n_best":
                raise RecipeError(f"beam size {self.beam_size} and n-best {value}: need {allowed}")
            where = f" (as for testing.{name} in a recipe)" if name in _TESTING_KEYS else ""
            raise RecipeError(f"{_flag(name)} {value}: allowed: {allowed}{where}")

    @staticmethod
    def broken_limits(values: dict[str, Any]) -> dict[str, str]:
        """{option: what is allowed} for each of these option values out of its limits: the one check behind
        the command line's flags, recipes' `testing` section and the server's requests."""
        broken = {}
        for f in dataclasses.fields(TestingConfig):
            if f.name in values and not f.metadata["test"](values[f.name]):
                broken[f.name] = f.metadata["allowed"]
        if values.get("min_len", 0) < 0:
            broken["min_len"] = "a number >= 0"
        beam, n_best = values.get("beam_size", 1), values.get("n_best", 1)
        if "beam_size" not in broken and not 1 <= n_best <= beam:
            broken["n_best"] = "1 <= n-best <= beam size"
        return broken

    @property
    def length_alpha(self) -> float:
        """The length penalty's exponent the search applies: one beam is greedy, with no lengths to compare."""
        return self.alpha if self.beam_size > 1 else 0.0

    @classmethod
    def from_testing(cls, testing: "TestingConfig", **overrides: Any) -> "DecodingOptions":
        """The recipe's `testing` settings, with each override that is not None in their place."""
        unknown = set(overrides) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise TypeError(f"unknown decoding option(s): {', '.join(sorted(unknown))}")
        values = {f.name: getattr(testing, f.name) for f in dataclasses.fields(TestingConfig)}
        return cls(**{**values, **{k: v for k, v in overrides.items() if v is not None}})

    def replace(self, **overrides: Any) -> "DecodingOptions":
        """These options with some changed (None keeps a setting), checked again."""
        return dataclasses.replace(self, **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class Recipe(_Section):
    model_dir: str  # where training writes the model: recipe, vocabularies, logs, checkpoints
    data: DataConfig
    model: ModelConfig = field(default_factory=ModelConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    testing: TestingConfig = field(default_factory=TestingConfig)  # decoding defaults for translate and evaluate
    name: Optional[str] = None  # a label for reports; changes nothing in training


# ---------------------------------------------------------------- building and checking


def _all_paths(cls: type, prefix: str = "") -> list[str]:
    """Every full key path of a dataclass tree, for 'did you mean' across sections."""
    paths = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        path = f"{prefix}{f.name}"
        paths.append(path)
        if dataclasses.is_dataclass(hints[f.name]):
            paths += _all_paths(hints[f.name], path + ".")
    return paths


def _unknown_key(key: str, path: str, valid: list[str]) -> RecipeError:
    """Suggest the same key in another section first, then the closest key here, then anywhere."""
    full = f"{path}.{key}" if path else key
    everywhere = _all_paths(Recipe)
    same_name = [p for p in everywhere if p.rsplit(".", 1)[-1] == key]
    close_here = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    leaves = {p.rsplit(".", 1)[-1]: p for p in everywhere}
    close_anywhere = [leaves[m] for m in difflib.get_close_matches(key, list(leaves), n=1, cutoff=0.6)]
    if same_name:
        hint = f"did you mean '{same_name[0]}'?"
    elif close_here:
        hint = f"did you mean '{path + '.' if path else ''}{close_here[0]}'?"
    elif close_anywhere:
        hint = f"did you mean '{close_anywhere[0]}'?"
    else:
        hint = f"valid keys here: {', '.join(valid)}"
    return RecipeError(f"unknown recipe key '{full}': {hint}")


def _bad(key: str, value: Any, allowed: str) -> RecipeError:
    return RecipeError(f"recipe key '{key}' has value {value!r}; allowed: {allowed}")


def _convert(tp: Any, value: Any, key: str) -> Any:
    """Check and convert one YAML value to the field's declared type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _convert(inner[0], value, key)
    if dataclasses.is_dataclass(tp):
        return build(tp, value, key)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise _bad(key, value, "one of " + ", ".join(m.value for m in tp)) from None
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise _bad(key, value, "true or false")
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise _bad(key, value, "an integer")
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):  # YAML 1.1 reads 1e-3 as a string
            try:
                return float(value)
            except ValueError:
                pass
        raise _bad(key, value, "a number")
    if tp is str:
        if isinstance(value, str):
            return value
        raise _bad(key, value, "a string")
    if origin is dict:
        if not isinstance(value, dict):
            raise _bad(key, value, "a mapping")
        return {str(k): _convert(typing.get_args(tp)[1], v, f"{key}.{k}") for k, v in value.items()}
    raise TypeError(f"unsupported recipe field type {tp} for {key}")


def build(cls: type, raw: Any, path: str = "") -> Any:
    """Build dataclass `cls` from a YAML mapping, naming the full key path in every error."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise _bad(path or "recipe", raw, "a mapping of keys")
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in raw.items():
        if key not in known:
            raise _unknown_key(str(key), path, list(known))
        full = f"{path}.{key}" if path else key
        kwargs[key] = _convert(hints[key], value, full)
        test = known[key].metadata.get("test")
        if test is not None and kwargs[key] is not None and not test(kwargs[key]):
            raise _bad(full, value, known[key].metadata["allowed"])
    for name, f in known.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and name not in kwargs:
            if dataclasses.is_dataclass(hints[name]):
                kwargs[name] = build(hints[name], {}, f"{path}.{name}" if path else name)
            else:
                raise RecipeError(f"missing required recipe key '{path + '.' if path else ''}{name}'")
    return cls(**kwargs)


def _cross_checks(recipe: Recipe) -> None:
    """Checks that involve more than one key."""
    enc, dec, att = recipe.model.encoder, recipe.model.decoder, recipe.model.attention
    for name, part in (("encoder", enc), ("decoder", dec)):
        if part.identity_init and part.cell is not Cell.RNN_RELU:
            raise RecipeError(f"recipe key 'model.{name}.identity_init' needs model.{name}.cell: rnn_relu "
                              f"(it is {part.cell.value})")
    memory = enc.hidden_size * (2 if enc.bidirectional else 1)
    if att.type is AttentionType.DOT and memory != dec.hidden_size:
        raise RecipeError(f"recipe key 'model.attention.type' is dot, which needs model.decoder.hidden_size "
                          f"({dec.hidden_size}) equal to the encoder's output size ({memory}); "
                          "use additive or general")
    readout = dec.readout_size or dec.embedding_size
    if dec.tie_embeddings and readout != dec.embedding_size:
        raise RecipeError("recipe key 'model.decoder.tie_embeddings' needs model.decoder.readout_size "
                          f"({readout}) equal to model.decoder.embedding_size ({dec.embedding_size})")
    if recipe.model.share_embeddings and enc.embedding_size != dec.embedding_size:
        raise RecipeError("recipe key 'model.share_embeddings' needs model.encoder.embedding_size "
                          f"({enc.embedding_size}) equal to model.decoder.embedding_size ({dec.embedding_size})")
    data = recipe.data
    if recipe.model.share_embeddings and not (data.level is Level.SENTENCEPIECE and data.sentencepiece.joint
                                              and data.sentencepiece.all_pieces):
        raise RecipeError("recipe key 'model.share_embeddings' needs one vocabulary for both sides: "
                          "data.level: sentencepiece with data.sentencepiece.joint: true and "
                          "data.sentencepiece.all_pieces: true")
    train = recipe.training
    if not (train.max_steps or train.max_minutes or train.max_epochs or train.early_stopping_patience):
        raise RecipeError("the recipe never stops training: set training.max_steps, training.max_minutes, "
                          "training.max_epochs or training.early_stopping_patience")
    if train.schedule is Schedule.COSINE and not train.max_steps:
        raise RecipeError("recipe key 'training.schedule' is cosine, which needs training.max_steps "
                          "(the step where the rate reaches training.min_learning_rate)")
    if data.sentencepiece.all_pieces and (data.level is not Level.SENTENCEPIECE or data.vocab_max_size
                                          or data.vocab_min_freq > 1):
        raise RecipeError("recipe key 'data.sentencepiece.all_pieces' takes the vocabulary from the sentencepiece "
                          "model, so it needs data.level: sentencepiece and no data.vocab_max_size or "
                          "data.vocab_min_freq")
    if data.sentencepiece.sampling_alpha is not None and not (data.level is Level.SENTENCEPIECE
                                                              and data.sentencepiece.all_pieces):
        raise RecipeError("recipe key 'data.sentencepiece.sampling_alpha' samples segmentations that use pieces "
                          "the best one never does, so it needs data.level: sentencepiece and "
                          "data.sentencepiece.all_pieces: true (every piece in the vocabulary)")
    if recipe.data.format is CorpusFormat.DATASETS and not recipe.data.dataset:
        raise RecipeError("recipe key 'data.format' is datasets, which needs data.dataset "
                          "(a hub name, or json/csv/parquet with data.data_files)")


class _RecipeLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses a key given twice in one mapping (PyYAML would keep the last silently)."""


def _unique_keys_mapping(loader: _RecipeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *anchor` may be repeated and overridden
            continue
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.get(key)
        except TypeError:  # an unhashable key: construct_mapping names it
            continue
        if first is not None:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice (also at line {first.line + 1}); keep one", key_node.start_mark)
        seen[key] = key_node.start_mark
    return loader.construct_mapping(node, deep=deep)


_RecipeLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_keys_mapping)


def _yaml_problem(error: yaml.YAMLError) -> tuple[Optional[yaml.Mark], str]:
    """Where the YAML parser found a problem (None if it does not say), and what it found, with what it
    was reading and where that began (an unclosed bracket: where it opened)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context, begun = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and begun is not None and mark is not None and (begun.line, begun.column) != (mark.line, mark.column):
        problem += f" {context} begun at line {begun.line + 1}, column {begun.column + 1}"
    elif context:
        problem += f" {context}"
    return mark, problem


def set_override(raw: dict, assignment: str) -> None:
    """Apply one `a.b.c=value` override to a raw recipe mapping; the value is read as YAML."""
    if "=" not in assignment:
        raise RecipeError(f"--set {assignment!r}: expected KEY=VALUE, e.g. model.encoder.cell=lstm")
    key, text = assignment.split("=", 1)
    parts = key.strip().split(".")
    if not all(part.strip() for part in parts):
        raise RecipeError(f"--set {assignment!r}: the key before '=' has an empty part; give a dotted recipe "
                          "key, e.g. model.encoder.cell=lstm")
    try:
        value = yaml.load(text, Loader=_RecipeLoader) if text.strip() else ""
    except yaml.YAMLError as error:
        mark, problem = _yaml_problem(error)
        at = f" at column {mark.column + 1}" if mark is not None and mark.line == 0 else ""
        raise RecipeError(f"--set {key.strip()}: the value {text!r} is not valid YAML{at} ({problem}); "
                          "quote a string that holds YAML punctuation") from None
    node = raw
    for i, part in enumerate(parts[:-1]):
        if node.get(part) is None:  # absent, or a section left empty in the YAML
            node[part] = {}
        child = node[part]
        if not isinstance(child, dict):
            raise RecipeError(f"--set {key}: '{'.'.join(parts[:i + 1])}' is a value, not a section")
        node = child
    node[parts[-1]] = value


def recipe_from_dict(raw: Any) -> Recipe:
    recipe = build(Recipe, raw)
    _cross_checks(recipe)
    return recipe


def check_trainable(recipe: Recipe) -> None:
    """Checks only a new training run needs, so a model saved by an older version still loads to translate."""
    train = recipe.training
    if not 0 <= train.seed <= 2**32 - 2:
        raise _bad("training.seed", train.seed, "an integer from 0 to 4294967294 (sentencepiece's range)")
    if train.schedule in (Schedule.COSINE, Schedule.PLATEAU) and train.min_learning_rate >= train.learning_rate:
        raise RecipeError(f"recipe key 'training.min_learning_rate' ({train.min_learning_rate}) must be below "
                          f"training.learning_rate ({train.learning_rate}): the {train.schedule.value} schedule "
                          "lowers the rate towards it")
    if train.teacher_forcing_schedule is not ForcingSchedule.CONSTANT and \
            train.teacher_forcing_min > train.teacher_forcing:
        raise RecipeError(f"recipe key 'training.teacher_forcing_min' ({train.teacher_forcing_min}) must not "
                          f"exceed training.teacher_forcing ({train.teacher_forcing}): the "
                          f"{train.teacher_forcing_schedule.value} schedule lowers it towards the minimum")


def load_recipe(path: str | Path, overrides: tuple[str, ...] | list[str] = ()) -> Recipe:
    """Read a recipe file, apply `--set` overrides, validate."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RecipeError(f"recipe file not found: {path}") from None
    except IsADirectoryError:
        raise RecipeError(f"recipe {path} is a directory, not a file; give the recipe's YAML file") from None
    except OSError as error:  # no permission, a file where a folder should be, ...
        raise RecipeError(f"cannot read recipe {path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RecipeError(f"{path} line {line}: not UTF-8 text ({error.reason}); save the recipe as UTF-8") from None
    try:
        raw = yaml.load(text, Loader=_RecipeLoader)
    except yaml.YAMLError as error:
        mark, problem = _yaml_problem(error)
        line, column = (f" line {mark.line + 1}", f" at column {mark.column + 1}") if mark is not None else ("", "")
        raise RecipeError(f"{path}{line}: not valid YAML{column} ({problem})") from None
    raw = raw if raw is not None else {}
    if not isinstance(raw, dict):
        raise RecipeError(f"{path}: a recipe must be a mapping of keys, got {type(raw).__name__}")
    for assignment in overrides:
        set_override(raw, assignment)
    return recipe_from_dict(raw)


def recipe_to_dict(obj: Any) -> Any:
    """Plain YAML-ready data (enums as their spelling), so the resolved recipe can be saved."""
    if dataclasses.is_dataclass(obj):
        return {f.name: recipe_to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dict):
        return {k: recipe_to_dict(v) for k, v in obj.items()}
    return obj


def save_recipe(recipe: Recipe, path: str | Path) -> None:
    Path(path).write_text(yaml.safe_dump(recipe_to_dict(recipe), sort_keys=False), encoding="utf-8")
