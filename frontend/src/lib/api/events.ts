// Wails events between the page and the Go side: the only module that uses the Wails runtime.
import { EventsEmit, EventsOn } from './wailsjs/runtime/runtime';

function hasRuntime(): boolean {
  return typeof window !== 'undefined' && 'runtime' in window;
}

/** Listens for a Wails event; returns a function that stops listening. */
export function onEvent(name: string, listener: (data: unknown) => void): () => void {
  if (!hasRuntime()) return () => {};
  const off = EventsOn(name, (...data: unknown[]) => listener(data[0]));
  return typeof off === 'function' ? off : () => {};
}

/** Sends a Wails event to the Go side. Does nothing outside the app window. */
export function emitEvent(name: string, data?: unknown): void {
  if (!hasRuntime()) return;
  try {
    EventsEmit(name, data);
  } catch {
    // Events are informational; losing one must never break the screen.
  }
}
