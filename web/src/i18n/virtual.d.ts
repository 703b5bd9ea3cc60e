/** Built by web/locales-plugin.ts from the files in locales/. */
declare module 'virtual:kalendaryo-locales' {
  export const LOCALES: Array<{ code: string; name: string }>;
  export const loaders: Record<string, () => Promise<Record<string, string>>>;
}
