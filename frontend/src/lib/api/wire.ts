// The generated Go types as plain data: what a binding takes (toGo) and what it gives back (Reply).
type Method = (...args: never[]) => unknown;

/** The data of a generated class, nested classes included: the fields JSON carries, without methods. */
export type Wire<T> = T extends readonly (infer U)[]
  ? Wire<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends Method ? never : K]: Wire<T[K]> }
    : T;

/**
 * A Go struct as a binding gave it back, before the to*() converters check it: any field may hold
 * anything, and reading a field the Go struct does not have is a type error.
 */
export type Reply<T> = { readonly [K in keyof T as T[K] extends Method ? never : K]?: unknown };

/**
 * Builds a generated class from fields checked against it, to pass to a binding: a field renamed on
 * the Go side (once the bindings are regenerated) fails svelte-check here. The generated classes
 * carry methods a plain object lacks; createFrom makes one, and JSON carries the same fields.
 */
export function toGo<T>(generated: { createFrom(source: Wire<T>): T }, fields: NoInfer<Wire<T>>): T {
  return generated.createFrom(fields);
}
