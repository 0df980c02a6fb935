import { gunzipSync, gzipSync } from 'node:zlib';
import { maskTransitions, TRANSITION_SIZE, type TransitionScores } from './decode-viterbi.ts';
import { TAG_COUNT } from './tag-scheme.ts';

/** The weights of one pass as training leaves them: per feature hash, the non-zero (tag, weight) pairs. */
export interface SparseStage {
  transitions: Float64Array;
  features: Map<number, [tag: number, weight: number][]>;
}

/** Both passes' weights ready for tagging, found through one open-addressing table of feature hashes. */
export interface NerModel {
  /** Slot of a hash is `hash & mask`, probing linearly. */
  mask: number;
  /**
   * Slot i holds the hash (as int32) at `2i` and its feature number at `2i + 1` (-1: empty); side by
   * side, a probe reads one cache line. Most probes miss (unseen features), so the table is kept at
   * most a quarter full, which keeps misses to about one probe.
   */
  slots: Int32Array;
  /**
   * Dense rows: feature f's first-pass weight for tag t is at `f * 2T + t`, its second-pass weight
   * at `f * 2T + T + t`. A feature the model knows has weights for about 12 of the 17 tags per pass,
   * so dense rows cost little memory and spare the tagger a tag lookup per weight.
   */
  weights: Float32Array;
  transitions: [TransitionScores, TransitionScores];
  /** What the model was trained on and how (written by scripts/train-ner.ts). */
  info: Record<string, unknown>;
}

const MAGIC = 'DNER';
const FORMAT_VERSION = 1;
/** Weights are stored as integers of at most 16 bits; at this precision dev F1 does not move. */
const QUANTIZATION_STEPS = 32767;

/** A growable byte buffer with LEB128 variable-length integers. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  writeByte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  writeVarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.writeByte((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.writeByte(rest);
  }

  writeSigned(value: number): void {
    this.writeVarint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class ByteReader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  readByte(): number {
    if (this.position >= this.bytes.length) throw new Error('NER model file is truncated');
    return this.bytes[this.position++]!;
  }

  readVarint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.readByte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  readSigned(): number {
    const value = this.readVarint();
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  }

  readBytes(length: number): Uint8Array {
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }
}

/**
 * Serialises both passes into a compact gzipped file.
 * 1. Quantise every weight to a 16-bit integer step of the largest absolute weight of its pass.
 * 2. Write columns that gzip well: sorted feature hashes as deltas, per-feature entry counts, entry
 *    tags, zig-zag weights; transitions as float32.
 * The output depends only on the input (gzip without a timestamp), so training is reproducible byte for byte.
 */
export function encodeNerModel(
  stages: [SparseStage, SparseStage],
  info: Record<string, unknown>,
): Uint8Array {
  const scales = stages.map((stage) => {
    let largest = 0;
    for (const entries of stage.features.values())
      for (const [, weight] of entries) largest = Math.max(largest, Math.abs(weight));
    return largest > 0 ? largest / QUANTIZATION_STEPS : 1;
  });
  const keys = [...new Set([...stages[0].features.keys(), ...stages[1].features.keys()])].sort(
    (a, b) => a - b,
  );
  const header = new TextEncoder().encode(
    JSON.stringify({ format: FORMAT_VERSION, tags: TAG_COUNT, scales, info }),
  );
  const deltas = new ByteWriter();
  const counts = new ByteWriter();
  const tags = new ByteWriter();
  const weights = new ByteWriter();
  let previous = 0;
  for (const key of keys) {
    deltas.writeVarint(key - previous);
    previous = key;
    for (const [index, stage] of stages.entries()) {
      const entries = stage.features.get(key) ?? [];
      counts.writeByte(entries.length);
      for (const [tag, weight] of entries) {
        tags.writeByte(tag);
        weights.writeSigned(Math.round(weight / scales[index]!));
      }
    }
  }
  const out = new ByteWriter();
  out.writeBytes(new TextEncoder().encode(MAGIC));
  out.writeVarint(header.length);
  out.writeBytes(header);
  for (const stage of stages) {
    const transitions = new Float32Array(TRANSITION_SIZE);
    for (let index = 0; index < TRANSITION_SIZE; index++) transitions[index] = stage.transitions[index] ?? 0;
    out.writeBytes(new Uint8Array(transitions.buffer));
  }
  out.writeVarint(keys.length);
  for (const column of [deltas, counts, tags, weights]) {
    out.writeVarint(column.length);
    out.writeBytes(column.finish());
  }
  return gzipSync(out.finish(), { level: 9 });
}

/** Reads a file written by `encodeNerModel` and builds the lookup table. */
export function decodeNerModel(file: Uint8Array): NerModel {
  const unzipped = gunzipSync(file);
  // A plain view, not a Buffer: Buffer#slice shares memory, and the transitions need their own copy.
  const reader = new ByteReader(new Uint8Array(unzipped.buffer, unzipped.byteOffset, unzipped.length));
  if (new TextDecoder().decode(reader.readBytes(MAGIC.length)) !== MAGIC)
    throw new Error('not a Dossier NER model');
  const header = JSON.parse(new TextDecoder().decode(reader.readBytes(reader.readVarint()))) as {
    format: number;
    tags: number;
    scales: number[];
    info: Record<string, unknown>;
  };
  if (header.format !== FORMAT_VERSION || header.tags !== TAG_COUNT)
    throw new Error(`NER model format ${header.format} with ${header.tags} tags is not supported`);
  const transitions = [0, 1].map(() => {
    const raw = reader.readBytes(TRANSITION_SIZE * 4);
    return maskTransitions(new Float32Array(raw.slice().buffer));
  }) as [TransitionScores, TransitionScores];
  const featureCount = reader.readVarint();
  const columns = [0, 1, 2, 3].map(() => new ByteReader(reader.readBytes(reader.readVarint()).slice()));
  const [deltas, counts, tags, weights] = columns as [ByteReader, ByteReader, ByteReader, ByteReader];

  let size = 1;
  while (size < featureCount * 4) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let slot = 0; slot < size; slot++) slots[2 * slot + 1] = -1;
  const rows = new Float32Array(featureCount * 2 * TAG_COUNT);
  let key = 0;
  for (let feature = 0; feature < featureCount; feature++) {
    key += deltas.readVarint();
    let slot = key & mask;
    while (slots[2 * slot + 1]! >= 0) slot = (slot + 1) & mask;
    slots[2 * slot] = key | 0;
    slots[2 * slot + 1] = feature;
    for (let stage = 0; stage < 2; stage++) {
      const row = (feature * 2 + stage) * TAG_COUNT;
      const scale = header.scales[stage]!;
      for (let count = counts.readByte(); count > 0; count--)
        rows[row + tags.readByte()] = weights.readSigned() * scale;
    }
  }
  return {
    mask,
    slots,
    weights: rows,
    transitions,
    info: header.info,
  };
}

/** The feature number of a hash, or -1 when the model has no weights for it. */
export function findFeature(model: NerModel, key: number): number {
  const { slots, mask } = model;
  const signed = key | 0;
  let slot = key & mask;
  for (;;) {
    const feature = slots[2 * slot + 1]!;
    if (feature < 0 || slots[2 * slot] === signed) return feature;
    slot = (slot + 1) & mask;
  }
}
