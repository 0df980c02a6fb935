/**
 * The shape of a word with runs collapsed: capitals become `X`, small letters `x`, digits `d`, and
 * every other character stays itself, with repeats of the same class written once: "McDonald" →
 * "XxXx", "U.S." → "X.X.", "1996-08-23" → "d-d-d", "'s" → "'x".
 */
export function describeWordShape(word: string): string {
  let shape = '';
  let previous = '';
  for (const char of word) {
    let kind: string;
    if (char >= 'a' && char <= 'z') kind = 'x';
    else if (char >= 'A' && char <= 'Z') kind = 'X';
    else if (char >= '0' && char <= '9') kind = 'd';
    else if (char.toLowerCase() !== char) kind = 'X';
    else if (char.toUpperCase() !== char) kind = 'x';
    else kind = char;
    if (kind !== previous) shape += kind;
    previous = kind;
  }
  return shape;
}
