// Runs every binding call: a failure becomes an ApiError, and a lock or a co-creation refusal is told to the app's state.
import { ApiError, toApiError } from './errors';

let lockedHandler: ((error: ApiError) => void) | undefined;
let coCreationHandler: ((error: ApiError) => void) | undefined;

/** Registers the function called whenever any call fails because the vault is locked. */
export function setLockedHandler(handler: ((error: ApiError) => void) | undefined): void {
  lockedHandler = handler;
}

/**
 * Registers the function called whenever a call is refused because co-creation mode is on
 * (or, from the co-creation screen, because it is no longer on): the page is out of step with Go.
 */
export function setCoCreationHandler(handler: ((error: ApiError) => void) | undefined): void {
  coCreationHandler = handler;
}

/** Runs a binding call and turns any failure into an ApiError. */
export async function call<T>(invoke: () => Promise<T>): Promise<T> {
  try {
    return await invoke();
  } catch (reason) {
    const error = toApiError(reason);
    if (error.code === 'locked') lockedHandler?.(error);
    if (error.code === 'cocreation') coCreationHandler?.(error);
    throw error;
  }
}

/** Runs a binding call that answers yes or no (no: the therapist closed a dialog); anything but true is no. */
export async function callBool(invoke: () => Promise<boolean>): Promise<boolean> {
  return (await call(invoke)) === true;
}
