// Agreements: the parts each kind is written in, and where a confirmation stands.
import type { Agreement, AgreementKind, AgreementTerm } from '$lib/api';

/** The parts each kind of agreement is written in, in order (backend/domain AgreementTermKeys). */
export const TERM_KEYS: Readonly<Record<AgreementKind, readonly string[]>> = {
  touch: ['welcome', 'not_welcome', 'how_asked', 'stop_signal'],
  safety: ['text'],
  right_to_stop: ['text'],
  confidentiality: ['text'],
  topics: ['text'],
  custom: ['text'],
  medicine_consent: ['substance', 'risks', 'legal', 'right_to_stop', 'emergency'],
};

/** The terms of a kind, filled from `from` where it has a part with the same key. */
export function termsFor(kind: AgreementKind, from: readonly AgreementTerm[] = []): AgreementTerm[] {
  return TERM_KEYS[kind].map((key) => ({ key, text: from.find((term) => term.key === key)?.text ?? '' }));
}

/** The terms that have something written in them. */
export function writtenTerms(terms: readonly AgreementTerm[]): AgreementTerm[] {
  return terms.filter((term) => term.text.trim() !== '');
}

/**
 * confirmed: the wording in force was confirmed by the client.
 * again: an earlier wording was confirmed, and the change since needs the client's confirmation again.
 * never: no wording of it has been confirmed yet.
 */
export type Confirmation = 'confirmed' | 'again' | 'never';

export function confirmation(agreement: Agreement): Confirmation {
  if (agreement.confirmedName !== '') return 'confirmed';
  return agreement.versions.some((version) => version.confirmedName !== '') ? 'again' : 'never';
}

/** Versions newest first, for reading back through an agreement's history. */
export function versionsNewestFirst(agreement: Agreement): Agreement['versions'] {
  return [...agreement.versions].reverse();
}
