import { readFileSync } from 'node:fs';
import { groupSentences } from '../group-sentences.ts';
import { tokenizeWords } from '../tokenize-words.ts';
import { applyHonorifics, loadHonorifics } from './apply-honorifics.ts';
import { type Gazetteer, parseGazetteer } from './gazetteer.ts';
import { decodeNerModel, type NerModel } from './ner-model.ts';
import { normalizeWord } from './normalize-word.ts';
import { tagDocument } from './tag-document.ts';
import type { EntityLabel } from './tag-scheme.ts';

export type EntityType = 'person' | 'org' | 'place' | 'nationality' | 'misc';

/** A named entity in a text: `[start, end)` in UTF-16 code units, `text` the covered slice. */
export interface EntityMention {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** For a nationality or demonym ("Russian", "Ukrainians"), the place it belongs to ("Russia"). */
  place?: string;
}

interface Recognizer {
  model: NerModel;
  gazetteer: Gazetteer;
  /** Demonym (tokens joined with spaces, lower case) → place. */
  demonyms: Map<string, string>;
  honorifics: Set<string>;
}

const DATA_DIR = new URL('../../../data/ner/', import.meta.url);
const TYPES: Record<EntityLabel, EntityType> = { PER: 'person', ORG: 'org', LOC: 'place', MISC: 'misc' };

let recognizer: Recognizer | undefined;

/** Loads the model, gazetteers and demonym table from `data/ner/` once (about 0.3 s), never from the network. */
function loadRecognizer(): Recognizer {
  if (recognizer) return recognizer;
  const demonyms = new Map<string, string>();
  for (const line of readFileSync(new URL('demonyms.tsv', DATA_DIR), 'utf8').split('\n')) {
    const [demonym, place] = line.split('\t');
    if (demonym && place) demonyms.set(demonym.toLowerCase(), place);
  }
  recognizer = {
    model: decodeNerModel(readFileSync(new URL('model.bin.gz', DATA_DIR))),
    gazetteer: parseGazetteer(readFileSync(new URL('gazetteers.tsv', DATA_DIR), 'utf8')),
    demonyms,
    honorifics: loadHonorifics(),
  };
  return recognizer;
}

/**
 * Finds people, organisations, places, nationalities and other names (events, works, products:
 * `misc`) in raw text, with offsets into it.
 * 1. Tokenize with offsets and group the tokens into sentences.
 * 2. Tag the whole text as one document in two passes (see `tagDocument`), so a name tagged with
 *    confidence in one sentence informs its other mentions.
 * 3. A name after an honorific is a person, without the honorific (`applyHonorifics`).
 * 4. Map tag spans back to character offsets; a `misc` mention that is a known demonym becomes a
 *    `nationality` with its place.
 */
export function recognizeEntities(text: string): EntityMention[] {
  const { model, gazetteer, demonyms, honorifics } = loadRecognizer();
  const tokens = tokenizeWords(text);
  if (tokens.length === 0) return [];
  const words = tokens.map((token) => normalizeWord(text.slice(token.start, token.end)));
  const tagged = tagDocument(model, gazetteer, { words, sentences: groupSentences(text, tokens) });
  const spans = applyHonorifics(words, tagged, honorifics);
  return spans.map((span) => {
    const start = tokens[span.start]!.start;
    const end = tokens[span.end - 1]!.end;
    const mention: EntityMention = { type: TYPES[span.label], start, end, text: text.slice(start, end) };
    if (span.label === 'MISC') {
      const place = demonyms.get(words.slice(span.start, span.end).join(' ').toLowerCase());
      if (place) {
        mention.type = 'nationality';
        mention.place = place;
      }
    }
    return mention;
  });
}
