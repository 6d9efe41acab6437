/**
 * Median of the first `length` values of a scratch buffer, reordering them in place.
 *
 * simple-statistics' `median` copies its input into a new array on every call; the detector takes
 * about thirty medians per day per series (weekly medians, weekday shapes, the level, the trend's
 * pairwise slopes), mostly of 7 to 14 values, so it fills reusable typed buffers and sorts those:
 * insertion sort for short runs (fewer moves than anything cleverer at that size), the engine's
 * numeric typed-array sort beyond.
 */
const insertionSortUpTo = 32;

export function medianInPlace(buffer: Float64Array, length: number): number {
  if (length <= 0) return Number.NaN;
  if (length <= insertionSortUpTo) {
    for (let i = 1; i < length; i++) {
      const value = buffer[i]!;
      let j = i - 1;
      while (j >= 0 && buffer[j]! > value) {
        buffer[j + 1] = buffer[j]!;
        j--;
      }
      buffer[j + 1] = value;
    }
  } else {
    buffer.subarray(0, length).sort();
  }
  const middle = length >> 1;
  return length % 2 === 1 ? buffer[middle]! : (buffer[middle - 1]! + buffer[middle]!) / 2;
}
