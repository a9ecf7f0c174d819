/** Comparison helpers: titles and roles are compared after whitespace/quote normalisation only. */
export function norm(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s
    .replace(/[“”„‟″"]/g, '"')
    .replace(/[‘’‛′']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
