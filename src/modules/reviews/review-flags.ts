import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { ReviewFlag } from './schema.ts';

/**
 * Profanity by obscenity's English word list with its recommended transformers, which see through
 * the usual disguises (l33t speak, repeated letters, spacing) without flagging words that merely
 * contain a bad one ("Scunthorpe", "assess").
 */
const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** A web address or a bare domain a reader could follow: "http…", "www.…", "shop.example.com/…". */
const LINK =
  /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|de|fr|es|uk|ru|cn|shop|store|xyz|top|link|ly)\b(?:\/|\b)/i;

export interface FlagInput {
  title: string;
  body: string;
}

export interface FlagContext {
  /** Texts shorter than this (characters, trimmed) are `too_short`. */
  minLength: number;
  /** Whether the same author already reviewed this product, or the same text was already submitted. */
  duplicate: boolean;
}

/** The automatic flags of a submission; any flag keeps the review pending for a person to look at. */
export function reviewFlagsOf(input: FlagInput, context: FlagContext): ReviewFlag[] {
  const text = `${input.title}\n${input.body}`;
  const flags: ReviewFlag[] = [];
  if (LINK.test(text)) flags.push('contains_link');
  if (profanity.hasMatch(text)) flags.push('profanity');
  if (input.body.trim().length < context.minLength) flags.push('too_short');
  if (context.duplicate) flags.push('duplicate');
  return flags;
}

/** The text as duplicates are compared: case, spacing and punctuation do not make a text new. */
export function normalisedReviewText(body: string): string {
  return body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
