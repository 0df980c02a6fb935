import { decodeViterbi, maskTransitions, TRANSITION_SIZE, transitionIndex } from './decode-viterbi.ts';
import { TAG_COUNT } from './tag-scheme.ts';

/** A module-local copy: under tsx every read of an imported binding is a getter call (see tag-document.ts). */
const T = TAG_COUNT;

/** One training sentence: dense feature numbers per token (`features[offsets[i] .. offsets[i + 1])`) and gold tags. */
export interface TrainingSentence {
  offsets: Int32Array;
  features: Int32Array;
  gold: Uint8Array;
}

/** Weights for `featureCount` features × tags, plus transitions (unmasked). */
export interface PerceptronWeights {
  emissions: Float64Array;
  transitions: Float64Array;
}

/** Emission scores of a sentence's tokens under `weights`. */
function scoreEmissions(weights: Float64Array, sentence: TrainingSentence, out: Float64Array): void {
  const tokens = sentence.gold.length;
  out.fill(0, 0, tokens * T);
  for (let token = 0; token < tokens; token++) {
    const row = token * T;
    for (let index = sentence.offsets[token]!; index < sentence.offsets[token + 1]!; index++) {
      const base = sentence.features[index]! * T;
      for (let tag = 0; tag < T; tag++) out[row + tag]! += weights[base + tag]!;
    }
  }
}

/** Reusable scratch space for decoding sentences of any length. */
export class SentenceDecoder {
  private emissions = new Float64Array(0);

  /** The best tags for `sentence` under `weights`, written into `out` (the sentence's length). */
  decode(
    weights: PerceptronWeights,
    masked: Float64Array,
    sentence: TrainingSentence,
    out: Uint8Array,
  ): void {
    const needed = sentence.gold.length * T;
    if (this.emissions.length < needed) this.emissions = new Float64Array(needed * 2);
    scoreEmissions(weights.emissions, sentence, this.emissions);
    decodeViterbi(this.emissions, masked, 0, sentence.gold.length, out);
  }
}

/**
 * A structured perceptron (Collins 2002) with averaged weights, trained one sentence at a time.
 * Averaging uses the usual lazy trick: besides the weights `w`, keep `u` = Σ step × update; the
 * average after `c` steps is `w - u / c`.
 */
export class AveragedPerceptron {
  readonly weights: PerceptronWeights;
  private readonly totals: PerceptronWeights;
  private step = 1;
  private readonly decoder = new SentenceDecoder();
  private predicted = new Uint8Array(0);

  constructor(readonly featureCount: number) {
    this.weights = {
      emissions: new Float64Array(featureCount * T),
      transitions: new Float64Array(TRANSITION_SIZE),
    };
    this.totals = {
      emissions: new Float64Array(featureCount * T),
      transitions: new Float64Array(TRANSITION_SIZE),
    };
  }

  private updateEmissions(sentence: TrainingSentence, token: number, tag: number, delta: number): void {
    const step = this.step * delta;
    for (let index = sentence.offsets[token]!; index < sentence.offsets[token + 1]!; index++) {
      const at = sentence.features[index]! * T + tag;
      this.weights.emissions[at]! += delta;
      this.totals.emissions[at]! += step;
    }
  }

  private updateTransition(previous: number, next: number, delta: number): void {
    const at = transitionIndex(previous, next);
    this.weights.transitions[at]! += delta;
    this.totals.transitions[at]! += this.step * delta;
  }

  /** One perceptron step: decode, and where the prediction differs from gold, reward gold and penalise the prediction. */
  train(sentence: TrainingSentence): void {
    const length = sentence.gold.length;
    if (this.predicted.length < length) this.predicted = new Uint8Array(length * 2);
    const predicted = this.predicted.subarray(0, length);
    this.decoder.decode(this.weights, maskTransitions(this.weights.transitions), sentence, predicted);
    const { gold } = sentence;
    for (let token = 0; token < length; token++) {
      const goldPrevious = token > 0 ? gold[token - 1]! : -1;
      const predictedPrevious = token > 0 ? predicted[token - 1]! : -1;
      if (gold[token] !== predicted[token]) {
        this.updateEmissions(sentence, token, gold[token]!, 1);
        this.updateEmissions(sentence, token, predicted[token]!, -1);
      }
      if (gold[token] !== predicted[token] || goldPrevious !== predictedPrevious) {
        this.updateTransition(goldPrevious, gold[token]!, 1);
        this.updateTransition(predictedPrevious, predicted[token]!, -1);
      }
    }
    if (gold[length - 1] !== predicted[length - 1]) {
      this.updateTransition(gold[length - 1]!, -1, 1);
      this.updateTransition(predicted[length - 1]!, -1, -1);
    }
    this.step++;
  }

  /** The averaged weights so far (a copy; training can go on). */
  average(): PerceptronWeights {
    const average = (weights: Float64Array, totals: Float64Array) => {
      const out = new Float64Array(weights.length);
      for (let index = 0; index < weights.length; index++)
        out[index] = weights[index]! - totals[index]! / this.step;
      return out;
    };
    return {
      emissions: average(this.weights.emissions, this.totals.emissions),
      transitions: average(this.weights.transitions, this.totals.transitions),
    };
  }
}
