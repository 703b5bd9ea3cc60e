// Filled by the database test harness; kept so vitest starts before it exists.
export default async function setup(): Promise<void> {}
