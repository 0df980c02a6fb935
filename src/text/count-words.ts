const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Characters that continue a word when a letter or digit follows them: "it's", "4.75", "well-known". */
const JOINERS = new Set(["'", '’', '.', '-']);

/** Whether a code unit is a letter or digit, with an ASCII fast path (this runs on every line). */
function isWordCharacter(char: string, code: number): boolean {
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHARACTER.test(char);
}

/** Number of words: runs of letters or digits, where an inner apostrophe, dot or hyphen joins two runs. */
export function countWords(value: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    if (isWordCharacter(char, value.charCodeAt(index))) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && JOINERS.has(char) && index + 1 < value.length)) {
      inWord = false;
    } else {
      const next = value.charAt(index + 1);
      inWord = isWordCharacter(next, value.charCodeAt(index + 1));
    }
  }
  return count;
}
