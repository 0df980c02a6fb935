import { InvalidArgumentError } from 'commander';

/** Parses a positive integer option value, or fails as a usage error naming the value. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return parsed;
}

/** Parses zero or a positive integer option value, or fails as a usage error naming the value. */
export function parseNonNegativeInteger(value: string): number {
  return value.trim() === '0' ? 0 : parsePositiveInteger(value);
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Parses a byte size such as `10MB`, `512k` or `1048576`. */
export function parseByteSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? ''];
  if (!match || unit === undefined) throw new InvalidArgumentError(`not a size (e.g. 10MB, 512k): ${value}`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes <= 0) throw new InvalidArgumentError(`size must be above zero: ${value}`);
  return bytes;
}
