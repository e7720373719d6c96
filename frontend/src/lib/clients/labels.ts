// The words for the clients' enumerations: statuses, kinds, who wrote what, visibility.
import type {
  Actor,
  AgendaSection,
  Agreement,
  AgreementKind,
  ClientStatus,
  PlanKind,
  PlanStatus,
  ReflectionKind,
  Visibility,
} from '$lib/api';
import { t, type MessageKey } from '$lib/i18n';

/** A name set apart from the surrounding text, so names in right-to-left scripts read correctly. */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

const CLIENT_STATUS: Record<ClientStatus, MessageKey> = {
  active: 'labels.clientStatus.active',
  paused: 'labels.clientStatus.paused',
  closed: 'labels.clientStatus.closed',
};

export const clientStatusLabel = (status: ClientStatus): string => t(CLIENT_STATUS[status]);

const PLAN_STATUS: Record<PlanStatus, MessageKey> = {
  proposed: 'labels.planStatus.proposed',
  agreed: 'labels.planStatus.agreed',
  revised: 'labels.planStatus.revised',
  retired: 'labels.planStatus.retired',
};

export const planStatusLabel = (status: PlanStatus): string => t(PLAN_STATUS[status]);

const PLAN_KIND: Record<PlanKind, MessageKey> = {
  goal: 'labels.planKind.goal',
  intention: 'labels.planKind.intention',
};

/** "goal" or "intention", for use inside a sentence. */
export const planKindNoun = (kind: PlanKind): string => t(PLAN_KIND[kind]);

const ACTOR: Record<Actor, MessageKey> = {
  client: 'labels.actor.client',
  therapist: 'labels.actor.therapist',
  together: 'labels.actor.together',
};

/** Who, as the therapist reads it: the client's name, "You", or the two together. */
export const actorName = (actor: Actor, clientName: string): string => t(ACTOR[actor], { name: isolate(clientName) });

const ACTOR_IN_SENTENCE: Record<Actor, MessageKey> = {
  client: 'labels.actorInSentence.client',
  therapist: 'labels.actorInSentence.therapist',
  together: 'labels.actorInSentence.together',
};

/** Who, in the middle of a sentence: the client's name, "you", or the two together. */
export const actorInSentence = (actor: Actor, clientName: string): string =>
  t(ACTOR_IN_SENTENCE[actor], { name: isolate(clientName) });

const PROPOSED_BY: Record<Actor, MessageKey> = {
  client: 'labels.proposedBy.client',
  therapist: 'labels.proposedBy.therapist',
  together: 'labels.proposedBy.together',
};

export const proposedByLabel = (actor: Actor, clientName: string): string =>
  t(PROPOSED_BY[actor], { name: isolate(clientName) });

const CC_ACTOR: Record<Actor, MessageKey> = {
  client: 'labels.ccActor.client',
  therapist: 'labels.ccActor.therapist',
  together: 'labels.ccActor.together',
};

/** Who, as the client reads it in co-creation mode. */
export const ccActorName = (actor: Actor, clientName: string): string =>
  t(CC_ACTOR[actor], { name: isolate(clientName) });

const CC_ACTOR_IN_SENTENCE: Record<Actor, MessageKey> = {
  client: 'labels.ccActorInSentence.client',
  therapist: 'labels.ccActorInSentence.therapist',
  together: 'labels.ccActorInSentence.together',
};

/** Who, in the middle of a sentence the client reads. */
export const ccActorInSentence = (actor: Actor, clientName: string): string =>
  t(CC_ACTOR_IN_SENTENCE[actor], { name: isolate(clientName) });

const CC_PROPOSED_BY: Record<Actor, MessageKey> = {
  client: 'labels.ccProposedBy.client',
  therapist: 'labels.ccProposedBy.therapist',
  together: 'labels.ccProposedBy.together',
};

export const ccProposedByLabel = (actor: Actor, clientName: string): string =>
  t(CC_PROPOSED_BY[actor], { name: isolate(clientName) });

const VISIBILITY: Record<Visibility, MessageKey> = {
  shared: 'labels.visibility.shared',
  private: 'labels.visibility.private',
};

export const visibilityLabel = (visibility: Visibility, clientName: string): string =>
  t(VISIBILITY[visibility], { name: isolate(clientName) });

const AGREEMENT_KIND: Record<AgreementKind, MessageKey> = {
  touch: 'labels.agreementKind.touch',
  safety: 'labels.agreementKind.safety',
  right_to_stop: 'labels.agreementKind.right_to_stop',
  confidentiality: 'labels.agreementKind.confidentiality',
  topics: 'labels.agreementKind.topics',
  custom: 'labels.agreementKind.custom',
  medicine_consent: 'labels.agreementKind.medicine_consent',
};

export const agreementKindLabel = (kind: AgreementKind): string => t(AGREEMENT_KIND[kind]);

/** An agreement's heading: its own title when it has one, else the name of its kind. */
export function agreementTitle(agreement: Pick<Agreement, 'kind' | 'title'>): string {
  return agreement.title.trim() !== '' ? agreement.title : agreementKindLabel(agreement.kind);
}

const AGREEMENT_PHRASE: Record<Exclude<AgreementKind, 'custom'>, MessageKey> = {
  touch: 'labels.agreementPhrase.touch',
  safety: 'labels.agreementPhrase.safety',
  right_to_stop: 'labels.agreementPhrase.right_to_stop',
  confidentiality: 'labels.agreementPhrase.confidentiality',
  topics: 'labels.agreementPhrase.topics',
  medicine_consent: 'labels.agreementPhrase.medicine_consent',
};

/** The agreement named inside a sentence: "the touch agreement", "the agreement “Music”". */
export function agreementPhrase(agreement: Pick<Agreement, 'kind' | 'title'>): string {
  if (agreement.kind === 'custom' || agreement.title.trim() !== '') {
    return t('labels.agreementPhrase.titled', { title: agreement.title.trim() || agreementKindLabel(agreement.kind) });
  }
  return t(AGREEMENT_PHRASE[agreement.kind]);
}

const TERM: Record<string, MessageKey> = {
  welcome: 'labels.term.welcome',
  not_welcome: 'labels.term.not_welcome',
  how_asked: 'labels.term.how_asked',
  stop_signal: 'labels.term.stop_signal',
  substance: 'labels.term.substance',
  risks: 'labels.term.risks',
  legal: 'labels.term.legal',
  right_to_stop: 'labels.term.right_to_stop',
  emergency: 'labels.term.emergency',
};

const TERM_HINT: Record<string, MessageKey> = {
  welcome: 'labels.termHint.welcome',
  not_welcome: 'labels.termHint.not_welcome',
  how_asked: 'labels.termHint.how_asked',
  stop_signal: 'labels.termHint.stop_signal',
};

const TEXT_HINT: Record<AgreementKind, MessageKey> = {
  touch: 'labels.textHint.custom',
  safety: 'labels.textHint.safety',
  right_to_stop: 'labels.textHint.right_to_stop',
  confidentiality: 'labels.textHint.confidentiality',
  topics: 'labels.textHint.topics',
  custom: 'labels.textHint.custom',
  medicine_consent: 'labels.textHint.medicine_consent',
};

/** The label of one part of an agreement. */
export function termLabel(key: string): string {
  const known = TERM[key];
  return known ? t(known) : t('labels.term.text');
}

/** A line saying what belongs in one part of an agreement of this kind. */
export function termHint(kind: AgreementKind, key: string): string {
  const known = TERM_HINT[key];
  return known ? t(known) : t(TEXT_HINT[kind]);
}

const REFLECTION_KIND: Record<ReflectionKind, MessageKey> = {
  reaction: 'labels.reflectionKind.reaction',
  bias: 'labels.reflectionKind.bias',
  shadow: 'labels.reflectionKind.shadow',
  consultation: 'labels.reflectionKind.consultation',
  other: 'labels.reflectionKind.other',
};

export const reflectionKindLabel = (kind: ReflectionKind): string => t(REFLECTION_KIND[kind]);

const AGENDA: Record<AgendaSection, MessageKey> = {
  plan: 'client.agenda.section.plan',
  powermap: 'client.agenda.section.powermap',
  agreements: 'client.agenda.section.agreements',
  setting: 'client.agenda.section.setting',
  worksheet: 'client.agenda.section.worksheet',
  patterns: 'client.agenda.section.patterns',
  journey: 'client.agenda.section.journey',
  measures: 'client.agenda.section.measures',
  fees: 'client.agenda.section.fees',
};

/** A part of today's agenda, as the therapist chooses it. */
export const agendaLabel = (section: AgendaSection): string => t(AGENDA[section]);

const CC_AGENDA: Record<AgendaSection, MessageKey> = {
  plan: 'cocreation.agendaSection.plan',
  powermap: 'cocreation.agendaSection.powermap',
  agreements: 'cocreation.agendaSection.agreements',
  setting: 'cocreation.agendaSection.setting',
  worksheet: 'cocreation.agendaSection.worksheet',
  patterns: 'cocreation.agendaSection.patterns',
  journey: 'cocreation.agendaSection.journey',
  measures: 'cocreation.agendaSection.measures',
  fees: 'cocreation.agendaSection.fees',
};

/** A step of today's agenda, as the client reads it. */
export const ccAgendaLabel = (section: AgendaSection): string => t(CC_AGENDA[section]);
