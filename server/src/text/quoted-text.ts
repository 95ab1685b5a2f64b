// Text someone wrote, set inside text the system writes (an explanation, an export's cell), so that
// a reader can always tell where the writer's words end.

/**
 * What a reader could take for a line break, or what reorders text on screen (bidi controls): in
 * quoted text these are written as escapes too, so that nothing inside the quotes looks outside them.
 */
const DISGUISING = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text someone wrote (a comment, a note, an agreement ref), quoted as a JSON string: line breaks
 * show as \n and quotes as \", so whatever it holds — a "|", a line made to look like another
 * entry or like the system's own sentence — stays inside its author's quotes.
 */
export function quotedText(text: string): string {
  return JSON.stringify(text).replace(DISGUISING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
