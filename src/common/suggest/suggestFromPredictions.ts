import { OffsetMap } from '../offsets';
import type { Suggestion } from './Suggestion';

/** One prediction record as a model wrote it (already parsed from JSON or JSONL). */
export interface PredictionRecord {
  start: number;
  end: number;
  label: string;
  score?: number;
  /** When given, must equal the text between the offsets (a guard against shifted offsets). */
  text?: string;
}

/** Options of {@link suggestFromPredictions}. */
export interface PredictionOptions {
  /** Model name; suggestions get engine `model:<name>`. Default `model`. */
  model?: string;
  /** The unit the model's offsets are in. Default code points, as everything Gloss writes. */
  offsets?: 'codepoint' | 'utf16';
  /** Labels of the project schema; records with another label are rejected. */
  labels?: readonly string[];
  /** Records scoring below this are dropped (not rejected). Default 0. */
  minScore?: number;
}

/** A record that could not be used, with the reason. */
export interface RejectedPrediction {
  index: number;
  reason: string;
}

/**
 * Turns a model's prediction records into suggestions, validated against the article text:
 * offsets must be integers with 0 <= start < end <= length (in the stated unit, converted to
 * code points; a UTF-16 offset inside a surrogate pair is rejected), the label must be known,
 * the score a number in 0..1 (default 1), and `text`, when present, must match the slice.
 * Duplicates (same label and range) are kept once, with the highest score.
 */
export function suggestFromPredictions(
  text: string,
  records: readonly unknown[],
  options: PredictionOptions = {},
): { suggestions: Suggestion[]; rejected: RejectedPrediction[] } {
  const map = new OffsetMap(text);
  const engine = `model:${options.model ?? 'model'}`.replace(/^model:model$/, 'model');
  const labels = options.labels ? new Set(options.labels) : null;
  const rejected: RejectedPrediction[] = [];
  const byKey = new Map<string, Suggestion>();
  records.forEach((raw, index) => {
    const reject = (reason: string): void => {
      rejected.push({ index, reason });
    };
    if (typeof raw !== 'object' || raw === null) return reject('not an object');
    const r = raw as Record<string, unknown>;
    const { start, end, label } = r;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return reject('start and end must be integers');
    if (typeof label !== 'string' || label.trim() === '') return reject('label missing');
    if (labels && !labels.has(label)) return reject(`unknown label ${label}`);
    let s = start as number;
    let e = end as number;
    const length = options.offsets === 'utf16' ? map.utf16Length : map.codePointLength;
    if (s < 0 || e > length || s >= e) return reject(`range [${s}, ${e}) outside 0..${length} or empty`);
    if (options.offsets === 'utf16') {
      if (splitsPair(text, s) || splitsPair(text, e)) return reject('offset inside a surrogate pair');
      s = map.toCodePoint(s);
      e = map.toCodePoint(e);
    }
    const slice = text.slice(map.toUtf16(s), map.toUtf16(e));
    if (r.text !== undefined && r.text !== slice) return reject('text does not match the offsets');
    let score = 1;
    if (r.score !== undefined) {
      if (typeof r.score !== 'number' || !Number.isFinite(r.score) || r.score < 0 || r.score > 1) return reject('score must be a number in 0..1');
      score = r.score;
    }
    if (score < (options.minScore ?? 0)) return;
    const key = `${label}:${s}:${e}`;
    const prev = byKey.get(key);
    if (!prev || prev.score < score) byKey.set(key, { label, start: s, end: e, text: slice, score, engine, reason: 'model prediction' });
  });
  const suggestions = [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
  return { suggestions, rejected };
}

function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}
