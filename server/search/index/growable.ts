/*
 * Growable typed arrays. The index keeps every per-document and per-posting value in typed
 * arrays (no per-posting objects), grown by doubling while building and trimmed when sealed.
 */

type TypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

/**
 * Returns `arr` if it holds `min` elements, else a copy grown to at least `min` (doubling).
 *
 * @example
 * let a = new Int32Array(4); a = grow(a, 10); a.length // 16
 */
export function grow<T extends TypedArray>(arr: T, min: number, fill?: number): T {
  if (arr.length >= min) return arr;
  let n = Math.max(16, arr.length);
  while (n < min) n *= 2;
  const next = new (arr.constructor as Ctor<T>)(n);
  next.set(arr as never);
  if (fill !== undefined && fill !== 0) next.fill(fill, arr.length);
  return next;
}

/**
 * A trimmed copy of the first `n` elements (used when a buffer becomes an immutable segment).
 *
 * @example
 * trim(new Int32Array([1, 2, 3, 0]), 3) // Int32Array [1, 2, 3]
 */
export function trim<T extends TypedArray>(arr: T, n: number): T {
  return arr.slice(0, n) as T;
}
