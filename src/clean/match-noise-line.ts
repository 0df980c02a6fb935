import type { RemovalReason } from '../model/span.ts';
import { NOISE_LINE_RULES, REPORTING_TERMS } from './lexicons.ts';

/**
 * The first lexicon rule (data/lexicons/noise-lines.json) that a line matches, within the rule's
 * word limit; rules marked `skipIfReporting` spare lines with attribution ("said", "told").
 * @param normalized the line after `normalizeForComparison`
 */
export function matchNoiseLine(normalized: string, words: number): RemovalReason | undefined {
  let reporting: boolean | undefined;
  for (const rule of NOISE_LINE_RULES) {
    if (words > rule.maxWords || !rule.pattern.test(normalized)) continue;
    if (rule.skipIfReporting) {
      reporting ??= REPORTING_TERMS.test(normalized);
      if (reporting) continue;
    }
    return rule.reason;
  }
  return undefined;
}
