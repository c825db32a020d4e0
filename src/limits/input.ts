// The input cap: a message longer than MAX_INPUT_CHARS is refused before anything parses it.

/** Whether `text` has more than `max` characters (code points). Stops counting at max + 1. */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false; // code points ≤ UTF-16 units
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate belongs to the character before it
    if (n > max) return true;
  }
  return false;
}
