// The agreements a medicine session leans on, as they stand.
import type { Agreement, AgreementKind } from '$lib/api';

/** The client's newest agreement of a kind (the one in force, as the Go side's readiness reads it). */
export function newestAgreement(agreements: readonly Agreement[], kind: AgreementKind): Agreement | undefined {
  return agreements.filter((a) => a.kind === kind).sort((a, b) => b.id - a.id)[0];
}

/** The client's newest agreement of a kind, when its wording in force is confirmed; undefined otherwise. */
export function confirmedAgreement(agreements: readonly Agreement[], kind: AgreementKind): Agreement | undefined {
  const newest = newestAgreement(agreements, kind);
  return newest && newest.confirmedName !== '' ? newest : undefined;
}
