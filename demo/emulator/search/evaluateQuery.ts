import { fieldValues, parseFieldPath, type FieldPath } from './fieldPath.ts';
import { lowerBound } from './indexStructures.ts';
import { DEFAULT_TEXT_FIELDS, type SearchIndex, type TextFieldIndex } from './searchIndex.ts';
import type { ParsedQueryNode } from './searchRequest.ts';
import { tokenize } from './tokenize.ts';

/** Which documents match (1/0 per document) and, for text matches, how well. */
interface Evaluation {
  mask: Uint8Array;
  scores: Float32Array;
}

const DEFAULT_FIELDS = DEFAULT_TEXT_FIELDS.map(({ path, weight }) => ({ field: parseFieldPath(path)!, weight }));
/** A prefix hit ("flow" → "flowers") counts less than a whole word, so exact matches rank first. */
const PREFIX_FACTOR = 0.5;

/** Runs a top-level query list (its nodes AND-ed) over the whole index. */
export function evaluateQuery(index: SearchIndex, nodes: ParsedQueryNode[]): Evaluation {
  const scores = new Float32Array(index.slots);
  const mask = and(index, nodes, scores);
  return { mask, scores };
}

function evaluate(index: SearchIndex, node: ParsedQueryNode, scores: Float32Array | undefined): Uint8Array {
  switch (node.type) {
    case 'match':
      return match(index, node.text, node.fields, scores);
    case 'term':
      return term(index, node.field, node.values.map(String));
    case 'range':
      return range(index, node);
    case 'exists':
      return exists(index, node.field);
    case 'and':
      return and(index, node.nodes, scores);
    case 'or': {
      const out = new Uint8Array(index.slots);
      for (const child of node.nodes) orInto(out, evaluate(index, child, scores));
      return out;
    }
    case 'not': {
      // Scores from inside a negation would reward documents for what they do not contain.
      const any = new Uint8Array(index.slots);
      for (const child of node.nodes) orInto(any, evaluate(index, child, undefined));
      for (let i = 0; i < any.length; i++) any[i] = any[i] ? 0 : 1;
      return any;
    }
  }
}

function and(index: SearchIndex, nodes: ParsedQueryNode[], scores: Float32Array | undefined): Uint8Array {
  // Starting from the live slots keeps holes out of every result, even under `not` or `match *`.
  const out = index.live.slice();
  for (const child of nodes) {
    const m = evaluate(index, child, scores);
    for (let i = 0; i < out.length; i++) out[i]! &= m[i]!;
  }
  return out;
}

function orInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!;
}

/**
 * Every word of the text must occur in one of the fields, as a whole word or as the start of one
 * (search-as-you-type). `*` alone matches everything.
 */
function match(index: SearchIndex, text: string, fields: FieldPath[] | undefined, scores: Float32Array | undefined): Uint8Array {
  const out = new Uint8Array(index.slots);
  if (text.trim() === '*') return out.fill(1);
  const tokens = tokenize(text);
  if (tokens.length === 0) return out;
  const targets = fields ? fields.filter((field) => index.hasField(field)).map((field) => ({ field, weight: 1 })) : DEFAULT_FIELDS;
  if (targets.length === 0) return out;
  const indexes = targets.map(({ field, weight }) => ({ index: index.textIndex(field), weight }));
  out.fill(1);
  const total = new Float32Array(scores ? index.slots : 0);
  for (const token of tokens) {
    const tokenScores = new Float32Array(index.slots);
    for (const { index: fieldIndex, weight } of indexes) addTokenHits(fieldIndex, token, weight, tokenScores);
    for (let i = 0; i < out.length; i++) {
      if (tokenScores[i] === 0) out[i] = 0;
      else if (scores) total[i]! += tokenScores[i]!;
    }
  }
  if (scores) for (let i = 0; i < out.length; i++) if (out[i]) scores[i]! += total[i]!;
  return out;
}

function addTokenHits(fieldIndex: TextFieldIndex, token: string, weight: number, into: Float32Array): void {
  const { terms, postings } = fieldIndex;
  for (let t = lowerBound(terms, token); t < terms.length && terms[t]!.startsWith(token); t++) {
    const term = terms[t]!;
    const score = weight * (term === token ? 1 : PREFIX_FACTOR);
    for (const doc of postings.get(term)!) if (into[doc]! < score) into[doc] = score;
  }
}

function term(index: SearchIndex, field: FieldPath, values: string[]): Uint8Array {
  const out = new Uint8Array(index.slots);
  const byValue = index.valueIndex(field);
  for (const value of values) for (const doc of byValue.get(value) ?? []) out[doc] = 1;
  return out;
}

function range(index: SearchIndex, node: Extract<ParsedQueryNode, { type: 'range' }>): Uint8Array {
  const out = new Uint8Array(index.slots);
  if (!index.hasField(node.field)) return out;
  const { gt, gte, lt, lte } = node;
  const inRange = (v: number) => (gt === undefined || v > gt) && (gte === undefined || v >= gte) && (lt === undefined || v < lt) && (lte === undefined || v <= lte);
  const numbers = index.numericValues(node.field, node.kind);
  if (numbers) {
    // NaN (no value) fails every comparison, so absent fields never match.
    for (let i = 0; i < numbers.length; i++) if (inRange(numbers[i]!)) out[i] = 1;
    return out;
  }
  index.docs.forEach((doc, i) => {
    if (!doc) return;
    for (const raw of fieldValues(doc, node.field)) {
      const v = node.kind === 'date' ? (typeof raw === 'string' ? Date.parse(raw) : Number.NaN) : Number(raw);
      if (!Number.isNaN(v) && inRange(v)) {
        out[i] = 1;
        return;
      }
    }
  });
  return out;
}

function exists(index: SearchIndex, field: FieldPath): Uint8Array {
  const out = new Uint8Array(index.slots);
  if (!index.hasField(field)) return out;
  index.docs.forEach((doc, i) => {
    if (doc && fieldValues(doc, field).some((v) => v !== '')) out[i] = 1;
  });
  return out;
}
