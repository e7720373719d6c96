// Who wrote something and who may read it: the two shapes every record shares.
import { oneOf } from './convert';

/** Who did or wrote something. */
export type Actor = 'client' | 'therapist' | 'together';
export type Visibility = 'shared' | 'private';

export const ACTORS: readonly Actor[] = ['client', 'therapist', 'together'];

export const toActor = (value: unknown): Actor => oneOf(ACTORS, value, 'therapist');
/** Anything but "shared" is private, as on the Go side. */
export const toVisibility = (value: unknown): Visibility => oneOf<Visibility>(['shared', 'private'], value, 'private');
