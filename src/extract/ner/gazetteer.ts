import { normalizeWord } from './normalize-word.ts';

/** The lists in `data/ner/gazetteers.tsv` (see data/README.md); bit k of a match mask is kind k. */
export const GAZETTEER_KINDS = [
  'country',
  'region',
  'city',
  'demonym',
  'first-name',
  'last-name',
  'person',
  'organization',
] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Bit mask of the kinds whose lists hold the token sequence ending here. */
  kinds: number;
}

/** Names as a trie over lower-cased, normalized tokens, so multi-word names match token by token. */
export interface Gazetteer {
  root: TrieNode;
  maxLength: number;
}

/** Position of a token in a gazetteer match, as in BILOU: Begin, Inside, Last, Unit. */
export const MATCH_POSITIONS = 4;

/**
 * Builds the trie from `kind<TAB>name` lines, where a name's tokens are separated by single spaces
 * (the training script writes names already tokenized).
 */
export function parseGazetteer(content: string): Gazetteer {
  const root: TrieNode = { children: new Map(), kinds: 0 };
  let maxLength = 0;
  for (const line of content.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const kind = GAZETTEER_KINDS.indexOf(line.slice(0, tab) as GazetteerKind);
    if (kind < 0) continue;
    const words = line.slice(tab + 1).split(' ');
    let node = root;
    for (const word of words) {
      const key = normalizeWord(word).toLowerCase();
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map(), kinds: 0 };
        node.children.set(key, child);
      }
      node = child;
    }
    node.kinds |= 1 << kind;
    maxLength = Math.max(maxLength, words.length);
  }
  return { root, maxLength };
}

/**
 * Marks gazetteer matches over tokens `[from, to)`: for each token a bit mask with bit
 * `kind * 4 + position` set when a match of that kind covers it in that position.
 * 1. A match must start on a capitalised token (`capitalized[i]`), so "bill" and "may" never match.
 * 2. From each start, follow the trie as far as it goes and keep the longest match of each kind.
 */
export function matchGazetteer(
  gazetteer: Gazetteer,
  lowerWords: readonly string[],
  capitalized: Uint8Array,
  from: number,
  to: number,
  masks: Uint32Array,
): void {
  const longest = new Int32Array(GAZETTEER_KINDS.length);
  for (let start = from; start < to; start++) {
    if (!capitalized[start]) continue;
    longest.fill(0);
    let node: TrieNode | undefined = gazetteer.root;
    for (let end = start; end < to && end - start < gazetteer.maxLength; end++) {
      node = node.children.get(lowerWords[end]!);
      if (!node) break;
      for (let kind = 0; kind < GAZETTEER_KINDS.length; kind++)
        if (node.kinds & (1 << kind)) longest[kind] = end + 1 - start;
    }
    for (let kind = 0; kind < GAZETTEER_KINDS.length; kind++) {
      const length = longest[kind]!;
      if (length === 0) continue;
      const base = kind * MATCH_POSITIONS;
      if (length === 1) {
        masks[start]! |= 1 << (base + 3);
        continue;
      }
      masks[start]! |= 1 << base;
      for (let index = start + 1; index < start + length - 1; index++) masks[index]! |= 1 << (base + 1);
      masks[start + length - 1]! |= 1 << (base + 2);
    }
  }
}
