/** `%text%` for ILIKE with the text's own `%`, `_` and `\` taken literally (PostgreSQL's default escape). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
