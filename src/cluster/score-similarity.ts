import type { DocumentFrequencies } from './document-frequencies.ts';
import { cosineSimilarity, getTopKeys, reweight, type SparseVector } from './sparse-vector.ts';

/** Terms and names of an article or story, before IDF weighting. */
export interface Profile {
  terms: SparseVector;
  entities: SparseVector;
}

export interface Similarity {
  /** `termCosine + entityWeight * entityCosine`. */
  score: number;
  termCosine: number;
  entityCosine: number;
  /** The shared terms and names contributing most, best first: why the two belong together. */
  terms: string[];
  entities: string[];
}

/** How many shared terms and names an explanation lists. */
const WHY_LENGTH = 5;

/** The shared keys of two weighted vectors, by their product (their share of the dot product). */
function getSharedKeys(a: SparseVector, b: SparseVector): string[] {
  const shared: SparseVector = new Map();
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other !== undefined) shared.set(key, value * other);
  }
  return getTopKeys(shared, WHY_LENGTH);
}

/**
 * Similarity of two profiles under the current document frequencies.
 * 1. Weight terms and names by their IDF now (stream-wide, so it sharpens as the stream grows).
 * 2. Cosine of the term vectors plus `entityWeight` times the cosine of the name vectors.
 * 3. List the shared keys carrying the most weight.
 */
export function scoreSimilarity(
  a: Profile,
  b: Profile,
  frequencies: { terms: DocumentFrequencies; entities: DocumentFrequencies },
  entityWeight: number,
): Similarity {
  const termIdf = (key: string) => frequencies.terms.idf(key);
  const entityIdf = (key: string) => frequencies.entities.idf(key);
  const aTerms = reweight(a.terms, termIdf);
  const bTerms = reweight(b.terms, termIdf);
  const aEntities = reweight(a.entities, entityIdf);
  const bEntities = reweight(b.entities, entityIdf);
  const termCosine = cosineSimilarity(aTerms, bTerms);
  const entityCosine = cosineSimilarity(aEntities, bEntities);
  return {
    score: termCosine + entityWeight * entityCosine,
    termCosine,
    entityCosine,
    terms: getSharedKeys(aTerms, bTerms),
    entities: getSharedKeys(aEntities, bEntities),
  };
}
